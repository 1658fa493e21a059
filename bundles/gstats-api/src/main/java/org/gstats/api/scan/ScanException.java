package org.gstats.api.scan;

/** A scan that could not run or could not finish; the message is one line for the user. */
public class ScanException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The request itself is wrong (no such directory, not a repository, unknown branch). */
        BAD_INPUT(2),
        /** The request was fine but the scan failed. */
        FAILED(1);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The process exit code for this reason: 2 for bad input, 1 for a failed scan. */
        public int exitCode() {
            return exitCode;
        }
    }

    private final Reason reason;

    public ScanException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ScanException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
