package org.gstats.shell.internal;

/**
 * A command that could not do its job. The message is one line for the user; the exit code
 * is what the launcher returns: {@value #BAD_USAGE} for bad usage or input, {@value #FAILED}
 * when the work itself failed, {@value #INTERRUPTED} when Ctrl-C stopped it (128 + SIGINT, as
 * shells count).
 */
final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    static final int BAD_USAGE = 2;
    static final int FAILED = 1;
    static final int INTERRUPTED = 130;

    private final int exitCode;

    private CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static CommandFailure badUsage(String message) {
        return new CommandFailure(BAD_USAGE, message, null);
    }

    static CommandFailure failed(String message, Throwable cause) {
        return new CommandFailure(FAILED, message, cause);
    }

    static CommandFailure interrupted(String message) {
        return new CommandFailure(INTERRUPTED, message, null);
    }

    int exitCode() {
        return exitCode;
    }
}
