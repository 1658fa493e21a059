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
        super(String.format(Locale.ROOT,
                "memory critical: %d MB of %d MB in use after garbage collection (%.0f%%); give the JVM more heap "
                        + "(JAVA_OPTS=-Xmx...) or raise --max-memory",
                status.usedAfterGc() >> 20, status.limit() >> 20, status.percent()));
        this.status = status;
    }

    /** The sample that was critical. */
    public MemoryStatus status() {
        return status;
    }
}
