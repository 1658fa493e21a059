package org.gstats.config.api;

/**
 * The configuration cannot be used: a malformed file, or a value of the wrong type or out of
 * range. The message is one line for the user, naming the file and position, or the key, the
 * value and what is allowed.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
