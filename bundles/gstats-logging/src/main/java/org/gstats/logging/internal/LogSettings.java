package org.gstats.logging.internal;

import java.nio.file.Path;

/**
 * How log lines are written, from {@code [base]} of the configuration.
 *
 * @param verbose gstats' own details (debug) and other libraries' information (info); stack traces
 * @param quiet   errors only
 * @param json    one JSON object per line instead of text
 * @param file    a file that receives every line too, or {@code null}
 */
record LogSettings(boolean verbose, boolean quiet, boolean json, Path file) {

    static final LogSettings DEFAULT = new LogSettings(false, false, false, null);

    /** gstats' own loggers are named {@code gstats.*}; JGit's and others' by their classes. */
    static final String GSTATS_PREFIX = "gstats.";

    /**
     * Felix HTTP's logger. The launcher keeps the server disabled (framework.properties) until
     * {@code gstats serve} configures its address, so every serve start had it warn "Jetty not
     * started (HTTP and HTTPS disabled)" about that first, disabled start. Its failures are errors,
     * and serve says in its own line when it cannot listen or answer; the rest shows with verbose.
     */
    static final String HTTP_SERVER = "org.apache.felix.http";

    Level threshold(String logger) {
        if (quiet) {
            return Level.ERROR;
        }
        if (verbose) {
            return logger.startsWith(GSTATS_PREFIX) ? Level.DEBUG : Level.INFO;
        }
        return logger.equals(HTTP_SERVER) ? Level.ERROR : Level.WARN;
    }
}
