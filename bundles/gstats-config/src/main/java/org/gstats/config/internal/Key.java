package org.gstats.config.internal;

import java.util.Objects;

/**
 * One configuration key, as a component's MetaType declares it.
 *
 * @param section      {@code base}, {@code scanner}, {@code plugins} or {@code module.NAME}
 * @param name         the key within its section, e.g. {@code log-format}
 * @param type         what it takes
 * @param defaultValue its value when no rung sets it
 * @param description  one line for the defaults file
 * @param option       the command-line option that sets it, or {@code null}
 * @param environment  the environment variable that sets it, or {@code null}
 * @param pid          the Configuration Admin PID it is published under, or {@code null} for a key
 *                     that only travels in scan requests
 * @param process      whether it configures the process rather than one scan, so that a command
 *                     line's value is published
 */
record Key(String section, String name, ValueType type, Object defaultValue, String description, String option,
        String environment, String pid, boolean process) {

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
