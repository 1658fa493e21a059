package org.gstats.memory.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Garbage collection that takes most of the time and gains nothing: over the last
 * {@value #WINDOW_MS} ms, collection time against elapsed time, and the heap the application
 * allocated per collection against the memory limit. With the heap nearly full, a JVM goes on
 * collecting for minutes before it throws {@link OutOfMemoryError}, a few bytes freed each time;
 * the live figure alone may stay just under the critical line all the while, small heaps (where
 * the collector needs more headroom) most of all.
 *
 * <p>Collection time alone is no sign of that: a scan whose live data fills the serial
 * collector's old generation runs a full collection every few hundred milliseconds, each freeing
 * tens of megabytes that the scan then allocates again, and goes on to the end. On a loaded
 * machine the collector's wall time stretches too. What the stuck JVM cannot do is allocate:
 * whatever each collection frees, the application allocates before the next, so a healthy
 * collection is followed by most of the young generation's worth of allocation (a third of the
 * heap with the serial collector), and a heap full of live data by next to nothing. A tenth of
 * the limit or more per collection is progress: a scan of git/git under -Xmx128m whose live data
 * filled the old generation allocated about 30 MB per collection and finished; one whose store
 * session held every commit (116 MB live) could allocate at most the 7 MB left free per 0.6 s
 * collection, for minutes (the JVM's own overhead limit gives up below a fiftieth with 98 % of
 * the time in collection).
 */
final class ThrashDetector {

    static final long WINDOW_MS = 5000;
    /** Less than this much history says nothing yet. */
    static final long MIN_SPAN_MS = 2000;
    static final double SHARE = 0.8;
    /** Allocation per collection, as a part of the limit, that is progress. */
    static final double PROGRESS = 0.1;

    /**
     * The collectors' and the application's totals so far at one moment: collection time, each
     * collector's count of collections, heap allocated (-1 when not known).
     */
    record Sample(long atMs, long collectionMs, long[] collections, long allocatedBytes) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /**
     * Records the collectors' and the application's totals so far.
     *
     * @param limit the memory limit the allocation is measured against
     * @return true when collection took at least {@value #SHARE} of the time over the window and
     *         the application allocated less than {@value #PROGRESS} of the limit per collection
     *         (or its allocation is not known)
     */
    boolean record(Sample now, long limit) {
        samples.addLast(now);
        while (samples.size() > 2 && samples.peekFirst().atMs() < now.atMs() - WINDOW_MS) {
            samples.removeFirst();
        }
        Sample first = samples.peekFirst();
        long span = now.atMs() - first.atMs();
        if (span < MIN_SPAN_MS || now.collectionMs() - first.collectionMs() < SHARE * span) {
            return false;
        }
        if (now.allocatedBytes() < 0 || first.allocatedBytes() < 0) {
            return true;
        }
        return (double) (now.allocatedBytes() - first.allocatedBytes()) / collections(first, now) < PROGRESS * limit;
    }

    /**
     * Collections between two samples, those of the busiest collector: when a young collection
     * cannot promote into a full old generation, a full one follows at once, and the pair frees
     * what one collection would.
     */
    private static long collections(Sample first, Sample now) {
        long most = 1;
        for (int i = 0; i < Math.min(first.collections().length, now.collections().length); i++) {
            most = Math.max(most, now.collections()[i] - first.collections()[i]);
        }
        return most;
    }
}
