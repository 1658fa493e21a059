package org.gstats.config.api;

import java.util.List;
import java.util.Objects;

/**
 * One key's effective value.
 *
 * @param key    {@code section.name}, e.g. {@code scanner.renames} or {@code module.commits.changes}
 * @param value  {@link Boolean}, {@link Long} (numbers; sizes in bytes), {@link String} (text, paths,
 *               dates and ages as written) or a {@link List} of {@link String}; a plugin's key that
 *               gstats does not know may also be a {@link Double}
 * @param rung   the rung that set it
 * @param origin what exactly set it: a file, an environment variable, an option
 */
public record Setting(String key, Object value, Rung rung, String origin) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(origin, "origin");
        if (value instanceof List<?> list) {
            value = List.copyOf(list);
        }
    }
}
