package org.gstats.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.gstats.api.report.Table;
import org.gstats.api.runtime.LeakSuspicion;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.PressureLevel;

/**
 * The memory tracker's samples as one scan saw them: the peak heap, each change of pressure
 * level and a leak suspicion, for the engine's section of the report. Owned by the scanner's
 * thread.
 */
final class MemoryWatch {

    private record Change(long atMs, PressureLevel from, PressureLevel to, long usedAfterGc) {
    }

    private final Supplier<MemoryStatus> memory;
    private final long startNanos = System.nanoTime();
    private final List<Change> changes = new ArrayList<>();
    private MemoryStatus last;
    private long peak;
    private PressureLevel highest = PressureLevel.NORMAL;
    private LeakSuspicion leak;

    MemoryWatch(Supplier<MemoryStatus> memory) {
        this.memory = memory;
    }

    /** Looks at the latest sample; the same sample again changes nothing. */
    void look() {
        MemoryStatus status = memory.get();
        if (status == last) {
            return;
        }
        if (last != null && last.level() != status.level()) {
            changes.add(new Change(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), last.level(),
                    status.level(), status.usedAfterGc()));
        }
        if (last == null) {
            highest = status.level();
        } else if (status.level().compareTo(highest) > 0) {
            highest = status.level();
        }
        if (status.leak() != null) {
            leak = status.leak();
        }
        peak = Math.max(peak, status.used());
        last = status;
    }

    /** The largest heap in use seen so far. */
    long peak() {
        look();
        return peak;
    }

    /** How often the pressure level changed so far. */
    int pressureChanges() {
        look();
        return changes.size();
    }

    /**
     * Table {@code memory}: limit, peak heap, highest level, time the scanner waited on the
     * plugins' queues and a leak suspicion; table {@code pressure}: the changes of level.
     */
    List<Table> tables(long blockedNanos) {
        look();
        String leakText = leak == null ? "" : String.format(Locale.ROOT,
                "heap after GC rose at each of %d collections, from %d MB to %d MB", leak.collections(),
                leak.fromBytes() >> 20, leak.toBytes() >> 20);
        Table summary = Table.builder("memory", "limit_bytes", "peak_heap_bytes", "highest_level", "blocked_ms", "leak")
                .row(last.limit(), peak, highest.name().toLowerCase(Locale.ROOT),
                        TimeUnit.NANOSECONDS.toMillis(blockedNanos), leakText)
                .build();
        Table.Builder pressure = Table.builder("pressure", "at_ms", "from", "to", "heap_after_gc_bytes");
        for (Change change : changes) {
            pressure.row(change.atMs(), change.from().name().toLowerCase(Locale.ROOT),
                    change.to().name().toLowerCase(Locale.ROOT), change.usedAfterGc());
        }
        return List.of(summary, pressure.build());
    }
}
