package org.gstats.config.internal;

import java.util.Objects;

/**
 * One configuration key: a row of the key table.
 *
 * @param section      {@code base}, {@code scanner}, {@code plugins} or {@code module.NAME}
 * @param name         the key within its section, e.g. {@code log-format}
 * @param type         what it takes
 * @param defaultValue its value when no rung sets it
 * @param description  one line for the defaults file
 * @param option       the command-line option that sets it, or {@code null}
 * @param environment  the environment variable that sets it, or {@code null}
 */
record Key(String section, String name, ValueType type, Object defaultValue, String description, String option,
        String environment) {

    Key {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }

    /** {@code section.name}, as {@code gstats:config} shows it and command lines name it. */
    String id() {
        return section + "." + name;
    }

}
