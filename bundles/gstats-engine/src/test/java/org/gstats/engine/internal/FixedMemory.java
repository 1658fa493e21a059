package org.gstats.engine.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.MemoryTracker;
import org.gstats.api.runtime.PressureLevel;

/** A memory tracker whose samples the test sets. */
final class FixedMemory implements MemoryTracker {

    static final FixedMemory NORMAL = new FixedMemory(() -> status(PressureLevel.NORMAL, 100));

    private final Supplier<MemoryStatus> samples;

    FixedMemory(Supplier<MemoryStatus> samples) {
        this.samples = samples;
    }

    /** A sample at {@code level} with {@code usedMb} MB of a 1000 MB limit in use. */
    static MemoryStatus status(PressureLevel level, long usedMb) {
        return new MemoryStatus(Instant.EPOCH, usedMb << 20, usedMb << 20, usedMb << 20, 1000L << 20, level, null);
    }

    @Override
    public MemoryStatus status() {
        return samples.get();
    }

    @Override
    public List<MemoryStatus> history() {
        return List.of(status());
    }
}
