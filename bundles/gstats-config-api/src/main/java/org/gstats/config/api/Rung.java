package org.gstats.config.api;

/** Where a setting came from, highest precedence first. */
public enum Rung {
    COMMAND_LINE("command line"),
    ENVIRONMENT("environment"),
    USER("user config"),
    PROJECT("project config"),
    DEFAULTS("defaults");

    private final String label;

    Rung(String label) {
        this.label = label;
    }

    /** How {@code gstats:config} names it. */
    public String label() {
        return label;
    }
}
