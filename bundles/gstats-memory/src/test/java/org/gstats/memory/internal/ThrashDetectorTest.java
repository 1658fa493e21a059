package org.gstats.memory.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ThrashDetectorTest {

    private static final long LIMIT = 1000;

    private final ThrashDetector detector = new ThrashDetector();
    private long collectionMs;
    private long collections;
    private long allocated;

    /** One sample 100 ms after the last: {@code gcMs} of collection, two full collections, {@code bytes} allocated. */
    private boolean step(long at, long gcMs, long bytes) {
        collectionMs += gcMs;
        collections += 2;
        allocated += bytes;
        return detector.record(new ThrashDetector.Sample(at, collectionMs, new long[] {0, collections}, allocated),
                LIMIT);
    }

    @Test
    public void collectingMostOfTheTimeForNothingOverSecondsIsThrashing() {
        for (long at = 0; at <= 1900; at += 100) {
            assertFalse("under two seconds of history says nothing", step(at, 90, 10));
        }
        assertTrue(step(2000, 90, 10));
    }

    @Test
    public void collectingMostOfTheTimeWhileAllocatingATenthOfTheLimitEachTimeIsProgress() {
        for (long at = 0; at <= 10_000; at += 100) {
            assertFalse(step(at, 90, 2 * 100));
        }
    }

    @Test
    public void collectingMostOfTheTimeWhileAllocatingAFewPercentEachTimeIsThrashing() {
        boolean thrashing = false;
        for (long at = 0; at <= 3000; at += 100) {
            thrashing = step(at, 90, 2 * 50);
        }
        assertTrue("a twentieth of the limit per collection", thrashing);
    }

    @Test
    public void collectingHalfTheTimeIsNot() {
        for (long at = 0; at <= 10_000; at += 100) {
            assertFalse(step(at, 50, 0));
        }
    }

    @Test
    public void withoutTheAllocationCollectionTimeDecides() {
        boolean thrashing = false;
        for (long at = 0; at <= 3000; at += 100) {
            collectionMs += 90;
            thrashing = detector.record(new ThrashDetector.Sample(at, collectionMs, new long[] {at / 50}, -1), LIMIT);
        }
        assertTrue(thrashing);
    }

    @Test
    public void aYoungCollectionFollowedByAFullOneCountsOnce() {
        long young = 0;
        boolean thrashing = true;
        for (long at = 0; at <= 3000; at += 100) {
            collectionMs += 90;
            young++;
            collections++;
            allocated += 150;
            thrashing = detector.record(new ThrashDetector.Sample(at, collectionMs, new long[] {young, collections},
                    allocated), LIMIT);
        }
        assertFalse("15 % of the limit per pair", thrashing);
    }

    @Test
    public void aBurstLongAgoLeavesTheWindow() {
        for (long at = 0; at <= 3000; at += 100) {
            step(at, 95, 0);
        }
        boolean thrashing = true;
        for (long at = 3100; at <= 10_000; at += 100) {
            thrashing = step(at, 10, 0);
        }
        assertFalse(thrashing);
    }
}
