package org.gstats.fleet;

/** A problem the user can fix, in one line: bad arguments, an unreadable list, an unwritable output. */
final class FleetException extends Exception {

    private static final long serialVersionUID = 1L;

    FleetException(String message) {
        super(message);
    }

    FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
