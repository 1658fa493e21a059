package org.gstats.memory.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ThrashDetectorTest {

    private final ThrashDetector detector = new ThrashDetector();

    @Test
    public void collectingMostOfTheTimeOverSecondsIsThrashing() {
        long gc = 0;
        for (long at = 0; at <= 1900; at += 100) {
            gc += 90;
            assertFalse("under two seconds of history says nothing", detector.record(at, gc));
        }
        gc += 90;
        assertTrue(detector.record(2000, gc));
    }

    @Test
    public void collectingHalfTheTimeIsNot() {
        long gc = 0;
        for (long at = 0; at <= 10_000; at += 100) {
            gc += 50;
            assertFalse(detector.record(at, gc));
        }
    }

    @Test
    public void aBurstLongAgoLeavesTheWindow() {
        long gc = 0;
        for (long at = 0; at <= 3000; at += 100) {
            gc += 95;
            detector.record(at, gc);
        }
        boolean thrashing = true;
        for (long at = 3100; at <= 10_000; at += 100) {
            gc += 10;
            thrashing = detector.record(at, gc);
        }
        assertFalse(thrashing);
    }
}
