package org.gstats.api.runtime;

/**
 * How full the heap is against the memory limit: normal below 70%, moderate from 70% to 85%,
 * high from 85% to 95%, critical above 95%.
 */
public enum PressureLevel {
    NORMAL(0),
    MODERATE(70),
    HIGH(85),
    CRITICAL(95);

    private final int fromPercent;

    PressureLevel(int fromPercent) {
        this.fromPercent = fromPercent;
    }

    /** The lowest use, in percent of the limit, at this level (critical: strictly above it). */
    public int fromPercent() {
        return fromPercent;
    }

    /** The level of {@code used} bytes against {@code limit} bytes. */
    public static PressureLevel of(long used, long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        double percent = 100.0 * used / limit;
        if (percent > CRITICAL.fromPercent) {
            return CRITICAL;
        }
        if (percent >= HIGH.fromPercent) {
            return HIGH;
        }
        if (percent >= MODERATE.fromPercent) {
            return MODERATE;
        }
        return NORMAL;
    }

    /** True at this level or worse. */
    public boolean atLeast(PressureLevel other) {
        return compareTo(other) >= 0;
    }
}
