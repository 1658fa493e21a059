package org.gstats.memory.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Garbage collection that takes most of the time: over the last {@value #WINDOW_MS} ms,
 * collection time against elapsed time. With the heap nearly full, a JVM goes on collecting
 * for minutes before it throws {@link OutOfMemoryError}, a few bytes freed each time; the live
 * figure alone may stay just under the critical line all the while, small heaps (where the
 * collector needs more headroom) most of all.
 */
final class ThrashDetector {

    static final long WINDOW_MS = 5000;
    /** Less than this much history says nothing yet. */
    static final long MIN_SPAN_MS = 2000;
    static final double SHARE = 0.8;

    /** {at, collection time so far}, both in ms, oldest first. */
    private final Deque<long[]> samples = new ArrayDeque<>();

    /**
     * Records the collectors' total time so far at a moment.
     *
     * @return true when collection took at least {@value #SHARE} of the time over the window
     */
    boolean record(long atMs, long collectionMs) {
        samples.addLast(new long[] {atMs, collectionMs});
        while (samples.size() > 2 && samples.peekFirst()[0] < atMs - WINDOW_MS) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        long span = atMs - first[0];
        return span >= MIN_SPAN_MS && (collectionMs - first[1]) >= SHARE * span;
    }
}
