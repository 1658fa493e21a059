package org.gstats.api.runtime;

import static org.junit.Assert.assertEquals;

import java.time.Instant;

import org.junit.Test;

public class MemoryCriticalExceptionTest {

    private static final long MB = 1 << 20;

    private static MemoryStatus critical(long liveMb, long limitMb) {
        return new MemoryStatus(Instant.EPOCH, liveMb * MB, liveMb * MB, liveMb * MB, limitMb * MB,
                PressureLevel.CRITICAL, null);
    }

    @Test
    public void aHeapAboveTheCriticalLineIsNamedAsSuch() {
        assertEquals("memory critical: 990 MB of 1000 MB in use after garbage collection (99%); give the JVM more "
                + "heap (JAVA_OPTS=-Xmx...) or raise --max-memory", new MemoryCriticalException(critical(990, 1000))
                .getMessage());
    }

    @Test
    public void belowTheLineTheGarbageCollectorsWorkIsWhatIsCritical() {
        // the tracker's thrash rule: a heap at 89 % that the collector works on all the time for nothing
        assertEquals("memory critical: garbage collection takes most of the time and frees little, 110 MB of "
                + "123 MB in use (89%); give the JVM more heap (JAVA_OPTS=-Xmx...) or raise --max-memory",
                new MemoryCriticalException(critical(110, 123)).getMessage());
    }
}
