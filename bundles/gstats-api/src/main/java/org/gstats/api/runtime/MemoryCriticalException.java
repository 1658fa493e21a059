package org.gstats.api.runtime;

import java.util.Locale;

/**
 * A queue refused a message because memory is critical: going on would end in an
 * {@link OutOfMemoryError}. The scan stops instead.
 */
public class MemoryCriticalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient MemoryStatus status;

    public MemoryCriticalException(MemoryStatus status) {
        super(message(status));
        this.status = status;
    }

    /**
     * Names why the status is critical: the live heap above the critical line, or, below it, garbage
     * collection taking most of the time while freeing next to nothing (the tracker's other rule).
     */
    private static String message(MemoryStatus status) {
        String why = PressureLevel.of(status.usedAfterGc(), status.limit()) == PressureLevel.CRITICAL
                ? "%d MB of %d MB in use after garbage collection (%.0f%%)"
                : "garbage collection takes most of the time and frees little, %d MB of %d MB in use (%.0f%%)";
        return String.format(Locale.ROOT, "memory critical: " + why + "; give the JVM more heap "
                + "(JAVA_OPTS=-Xmx...) or raise --max-memory", status.usedAfterGc() >> 20, status.limit() >> 20,
                status.percent());
    }

    /** The sample that was critical. */
    public MemoryStatus status() {
        return status;
    }
}
