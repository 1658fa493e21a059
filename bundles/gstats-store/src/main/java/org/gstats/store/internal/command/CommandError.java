package org.gstats.store.internal.command;

/** A store command that cannot do its job: one line for the user and the exit code (2 bad usage, 1 failure). */
final class CommandError extends Exception {

    private static final long serialVersionUID = 1L;

    static final int BAD_USAGE = 2;
    static final int FAILED = 1;

    private final int exitCode;

    CommandError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
