package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.gstats.api.runtime.LeakSuspicion;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.PressureLevel;
import org.gstats.api.runtime.QueueMetrics;
import org.junit.Test;

public class StatusCommandTest {

    private static String printed(MemoryStatus status, List<QueueMetrics> queues) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StatusCommand.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), status, queues);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void showsMemoryPressureAndNoQueuesBetweenScans() {
        MemoryStatus status = new MemoryStatus(Instant.EPOCH, 48L << 20, 32L << 20, 60L << 20, 64L << 20,
                PressureLevel.MODERATE, null);
        assertEquals("memory:   48.0 MB in use, 32.0 MB after GC, peak 60.0 MB, limit 64.0 MB (50%)\n"
                + "pressure: moderate\n"
                + "leak:     none seen\n"
                + "queues:   none open (no scan running)\n", printed(status, List.of()));
    }

    @Test
    public void showsALeakAndTheQueuesOfARunningScan() {
        MemoryStatus status = new MemoryStatus(Instant.EPOCH, 10L << 20, 5L << 20, 10L << 20, 100L << 20,
                PressureLevel.NORMAL, new LeakSuspicion(6, 1L << 20, 5L << 20));
        QueueMetrics queue = new QueueMetrics("plugin commits", 120, 100, 20, 1L << 20, 5000.4, 100_000, 2_500_000,
                9_000_000, 1_250_000_000L, 64);
        assertEquals("memory:   10.0 MB in use, 5.0 MB after GC, peak 10.0 MB, limit 100.0 MB (5%)\n"
                + "pressure: normal\n"
                + "leak:     suspected: heap after GC rose at each of 6 collections, from 1.0 MB to 5.0 MB\n"
                + "queue plugin commits: in 120, out 100, waiting 20 (1.0 MB), 5000/s, wait p50 0.10 ms p99 2.50 ms, "
                + "producer blocked 1250 ms, batch 64\n", printed(status, List.of(queue)));
    }
}
