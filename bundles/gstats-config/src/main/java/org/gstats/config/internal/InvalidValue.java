package org.gstats.config.internal;

/** A value a key does not take; the message says what the key allows. */
final class InvalidValue extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidValue(String allowed) {
        super(allowed);
    }
}
