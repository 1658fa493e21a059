package org.gstats.memory.internal;

import java.util.Locale;

/**
 * The limit pressure is measured against: {@code max-memory} when set, else the preset of
 * {@code performance-mode}, else the JVM's maximum heap; never above that maximum, which is
 * where an {@link OutOfMemoryError} would come whatever the configuration says.
 */
final class MemoryLimit {

    static final long LOW = 64L << 20;
    static final long BALANCED = 256L << 20;
    static final long HIGH = 1L << 30;

    private MemoryLimit() {
    }

    static long of(long maxMemory, String performanceMode, long jvmMax) {
        long wanted = maxMemory > 0 ? maxMemory : preset(performanceMode, jvmMax);
        return Math.min(wanted, jvmMax);
    }

    private static long preset(String mode, long jvmMax) {
        return switch (mode == null ? "" : mode.toLowerCase(Locale.ROOT)) {
            case "", "none" -> jvmMax;
            case "low" -> LOW;
            case "balanced" -> BALANCED;
            case "high" -> HIGH;
            default -> throw new IllegalArgumentException("performance-mode must be none, low, balanced or high, not '"
                    + mode + "'");
        };
    }
}
