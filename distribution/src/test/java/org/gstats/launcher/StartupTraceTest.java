package org.gstats.launcher;

import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Assume;
import org.junit.Test;

public class StartupTraceTest {

    /**
     * The trace's steps count from the process's start: within a few clock ticks of the JVM's own
     * uptime (the process started just before the JVM), not up to a second off.
     */
    @Test
    public void theProcessStartIsTheJvmsWithinAFewTicks() {
        Assume.assumeTrue("Linux's /proc", Files.isReadable(Path.of("/proc/self/stat")));
        long jvmMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        long sinceStart = StartupTrace.nanosSinceStart() / 1_000_000;
        long after = ManagementFactory.getRuntimeMXBean().getUptime();
        assertTrue(sinceStart + " ms since the start, the JVM up " + jvmMillis + " ms",
                sinceStart >= jvmMillis - 30 && sinceStart <= after + 200);
    }
}
