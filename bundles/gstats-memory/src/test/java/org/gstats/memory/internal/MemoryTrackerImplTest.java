package org.gstats.memory.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gstats.api.runtime.LeakSuspicion;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.MemoryTracker;
import org.gstats.api.runtime.PressureLevel;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

public class MemoryTrackerImplTest {

    /** MXBean readings set by the test. */
    static final class SetReadings implements HeapReadings {
        /** Reading the heap fails as it does when the heap is full. */
        boolean full;
        long used;
        long afterGc = -1;
        long max = 1000;
        /** What a full collection leaves; negative: it frees nothing. */
        long liveAfterCollect = -1;
        int collections;
        long collectionMillis;
        long youngCollections;
        long fullCollections;
        long allocated;

        @Override
        public void collect() {
            collections++;
            if (liveAfterCollect >= 0) {
                afterGc = liveAfterCollect;
            }
        }

        @Override
        public long used() {
            if (full) {
                throw new OutOfMemoryError("Java heap space");
            }
            return used;
        }

        @Override
        public long usedAfterGc() {
            return afterGc;
        }

        @Override
        public long max() {
            return max;
        }

        @Override
        public long collectionMillis() {
            return collectionMillis;
        }

        @Override
        public long[] collections() {
            return new long[] {youngCollections, fullCollections};
        }

        @Override
        public long allocatedBytes() {
            return allocated;
        }
    }

    static final class RecordingEventAdmin implements EventAdmin {
        final List<Event> posted = new ArrayList<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            posted.add(event);
        }
    }

    /** A clock the test moves. */
    static final class SteppedClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final SetReadings readings = new SetReadings();
    private final SteppedClock clock = new SteppedClock();
    private final MemoryTrackerImpl tracker = new MemoryTrackerImpl(readings, clock);

    private PressureLevel levelAt(long afterGc) {
        readings.afterGc = afterGc;
        readings.used = afterGc;
        return tracker.sample().level();
    }

    @Test
    public void levelsChangeAtTheDocumentedThresholds() {
        assertEquals(PressureLevel.NORMAL, levelAt(699));
        assertEquals(PressureLevel.MODERATE, levelAt(700));
        assertEquals(PressureLevel.MODERATE, levelAt(849));
        assertEquals(PressureLevel.HIGH, levelAt(850));
        assertEquals(PressureLevel.HIGH, levelAt(950));
        assertEquals(PressureLevel.CRITICAL, levelAt(951));
        assertEquals(PressureLevel.NORMAL, levelAt(100));
    }

    @Test
    public void aCriticalReadingIsConfirmedByAFullCollection() {
        readings.afterGc = 990;
        readings.used = 990;
        readings.liveAfterCollect = 500;
        assertEquals("the old generation's garbage went away", PressureLevel.NORMAL, tracker.sample().level());
        assertEquals(1, readings.collections);
        readings.liveAfterCollect = -1;
        assertEquals(PressureLevel.HIGH, levelAt(900));
        assertEquals(1, readings.collections);
    }

    @Test
    public void aSampleThatRunsOutOfMemoryIsCriticalAndSamplingGoesOn() {
        assertEquals(PressureLevel.NORMAL, levelAt(100));
        readings.full = true;
        tracker.sampleRound();
        assertEquals(PressureLevel.CRITICAL, tracker.status().level());
        assertEquals(readings.max, tracker.status().usedAfterGc());
        readings.full = false;
        readings.used = 200;
        readings.afterGc = 200;
        tracker.sampleRound();
        assertEquals(PressureLevel.NORMAL, tracker.status().level());
    }

    @Test
    public void criticalAfterAFullCollectionIsCritical() {
        assertEquals(PressureLevel.CRITICAL, levelAt(990));
        assertEquals(1, readings.collections);
    }

    @Test
    public void garbageNotYetCollectedDoesNotRaiseThePressure() {
        readings.afterGc = 100;
        readings.used = 990;
        assertEquals(PressureLevel.NORMAL, tracker.sample().level());
        assertEquals(990, tracker.status().peak());
    }

    @Test
    public void beforeTheFirstCollectionTheUseNowCounts() {
        readings.used = 900;
        assertEquals(PressureLevel.HIGH, tracker.sample().level());
    }

    @Test
    public void eachChangeOfLevelIsPostedOnce() {
        RecordingEventAdmin events = new RecordingEventAdmin();
        tracker.eventAdmin = events;
        levelAt(100);
        levelAt(200);
        levelAt(750);
        levelAt(760);
        levelAt(960);
        levelAt(300);
        List<String> changes = events.posted.stream()
                .map(event -> event.getTopic() + " " + event.getProperty(MemoryTracker.PREVIOUS) + "->"
                        + event.getProperty(MemoryTracker.LEVEL) + " " + event.getProperty(MemoryTracker.USED))
                .toList();
        assertEquals(List.of("org/gstats/memory/PRESSURE NORMAL->MODERATE 750",
                "org/gstats/memory/PRESSURE MODERATE->CRITICAL 960", "org/gstats/memory/PRESSURE CRITICAL->NORMAL 300"),
                changes);
    }

    @Test
    public void theLimitComesFromMaxMemoryThenThePresetThenTheJvmAndNeverExceedsTheJvm() {
        long jvm = 512L << 20;
        assertEquals(100L << 20, MemoryLimit.of(100L << 20, "high", jvm));
        assertEquals(MemoryLimit.LOW, MemoryLimit.of(0, "low", jvm));
        assertEquals(MemoryLimit.BALANCED, MemoryLimit.of(0, "balanced", jvm));
        assertEquals(jvm, MemoryLimit.of(0, "high", jvm));
        assertEquals(jvm, MemoryLimit.of(0, "", jvm));
        assertEquals(jvm, MemoryLimit.of(2L << 30, "", jvm));
    }

    @Test
    public void levelsAreMeasuredAgainstTheConfiguredLimit() {
        readings.max = 10_000;
        tracker.limit(1000);
        assertEquals(PressureLevel.HIGH, levelAt(900));
        assertEquals(1000, tracker.status().limit());
    }

    @Test
    public void aSteadyRiseAfterCollectionsIsALeakAndASpikeIsNot() {
        readings.max = 10_000;
        tracker.limit(10_000);
        clock.now = clock.now.plusMillis(MemoryTrackerImpl.LEAK_CONFIRM_INTERVAL_MS);
        for (long used : new long[] {1000, 1100, 1200, 1300, 1400, 1500}) {
            levelAt(used);
            assertNull(tracker.status().leak());
        }
        levelAt(1600);
        LeakSuspicion leak = tracker.status().leak();
        assertNotNull(leak);
        assertEquals(new LeakSuspicion(6, 1000, 1600), leak);
        levelAt(1590);
        assertNull("a drop ends the trend", tracker.status().leak());
        for (long used : new long[] {1591, 1592, 1593, 1594, 1595, 1596}) {
            levelAt(used);
        }
        assertNull("a rise of far less than 5% of the limit is no leak", tracker.status().leak());
        levelAt(1000);
        levelAt(5000);
        assertNull("one spike is no trend", tracker.status().leak());
    }

    /** A short run (a scan of a few seconds) is not stopped for a full collection to check a rise. */
    @Test
    public void noRiseIsCheckedInTheTrackersFirstThirtySeconds() {
        readings.max = 10_000;
        tracker.limit(10_000);
        for (long used : new long[] {1000, 1100, 1200, 1300, 1400, 1500, 1600}) {
            levelAt(used);
        }
        assertNull(tracker.status().leak());
        assertEquals(0, readings.collections);
        clock.now = clock.now.plusMillis(MemoryTrackerImpl.LEAK_CONFIRM_INTERVAL_MS);
        levelAt(1700);
        assertEquals(new LeakSuspicion(6, 1100, 1700), tracker.status().leak());
        assertEquals(1, readings.collections);
    }

    @Test
    public void aRiseThatAFullCollectionTakesBackIsNoLeak() {
        readings.max = 10_000;
        tracker.limit(10_000);
        clock.now = clock.now.plusMillis(MemoryTrackerImpl.LEAK_CONFIRM_INTERVAL_MS);
        readings.liveAfterCollect = 1050;
        for (long used : new long[] {1000, 1100, 1200, 1300, 1400, 1500, 1600}) {
            levelAt(used);
        }
        assertNull("old garbage, not live data", tracker.status().leak());
        assertEquals(1, readings.collections);
        readings.liveAfterCollect = -1;
        for (long used : new long[] {1100, 1200, 1300, 1400, 1500, 1600}) {
            levelAt(used);
            assertNull("a new trend from the full collection waits for its own check", tracker.status().leak());
        }
        assertEquals("the next check waits 30 s", 1, readings.collections);
    }

    /**
     * Ten seconds of samples at high pressure, collection taking nine tenths of the time, each
     * young and full collection pair followed by {@code allocatedPerCollection} bytes of the
     * application's allocation.
     */
    private PressureLevel highAndCollecting(long allocatedPerCollection) {
        PressureLevel level = null;
        for (int i = 0; i < 100; i++) {
            clock.now = clock.now.plusMillis(100);
            readings.collectionMillis += 90;
            // a young collection that cannot promote, then a full one: together they free what one does
            readings.youngCollections++;
            readings.fullCollections++;
            readings.allocated += allocatedPerCollection;
            level = levelAt(900);
        }
        return level;
    }

    @Test
    public void collectingMostOfTheTimeAtHighPressureButAllocatingBetweenIsProgress() {
        assertEquals("a third of the limit freed and used again each time", PressureLevel.HIGH, highAndCollecting(300));
    }

    @Test
    public void collectingMostOfTheTimeAtHighPressureForNothingIsCritical() {
        assertEquals("a twentieth of the limit each time", PressureLevel.CRITICAL, highAndCollecting(50));
    }

    @Test
    public void historyKeepsTheLatestSamplesOnly() {
        for (int i = 0; i < MemoryTrackerImpl.HISTORY + 10; i++) {
            levelAt(i);
        }
        List<MemoryStatus> kept = tracker.history();
        assertEquals(MemoryTrackerImpl.HISTORY, kept.size());
        assertEquals(10, kept.get(0).usedAfterGc());
    }
}
