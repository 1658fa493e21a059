package org.gstats.memory.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import org.gstats.api.runtime.LeakSuspicion;

/**
 * Watches use after GC from one collection to the next: a rise at each of the last
 * {@value #COLLECTIONS} collections that adds up to at least {@value #MIN_RISE_PERCENT}% of the
 * limit is a leak suspicion; one spike, or a rise that levels off, is not. After a young
 * collection the figure still holds the old generation's garbage, so a suspicion stands only
 * once a full collection {@link #confirm confirms} it. Owned by the sampling thread.
 */
final class LeakDetector {

    static final int COLLECTIONS = 6;
    static final int MIN_RISE_PERCENT = 5;

    private final Deque<Long> afterGc = new ArrayDeque<>();

    /** Records the use after a new collection; the same figure again means no new collection. */
    LeakSuspicion record(long usedAfterGc, long limit) {
        if (usedAfterGc < 0 || (!afterGc.isEmpty() && afterGc.peekLast() == usedAfterGc)) {
            return current(limit);
        }
        afterGc.addLast(usedAfterGc);
        if (afterGc.size() > COLLECTIONS + 1) {
            afterGc.removeFirst();
        }
        return current(limit);
    }

    /**
     * Checks a suspicion against the use after a full collection: a rise that the collection
     * took back was garbage, and the watch starts again from there.
     */
    LeakSuspicion confirm(long usedAfterFullGc, long limit) {
        long first = afterGc.peekFirst();
        if ((usedAfterFullGc - first) * 100 < MIN_RISE_PERCENT * limit) {
            afterGc.clear();
            afterGc.addLast(usedAfterFullGc);
            return null;
        }
        return new LeakSuspicion(COLLECTIONS, first, usedAfterFullGc);
    }

    private LeakSuspicion current(long limit) {
        if (afterGc.size() <= COLLECTIONS) {
            return null;
        }
        long previous = Long.MIN_VALUE;
        for (long used : afterGc) {
            if (used <= previous) {
                return null;
            }
            previous = used;
        }
        long first = afterGc.peekFirst();
        long last = afterGc.peekLast();
        return (last - first) * 100 >= MIN_RISE_PERCENT * limit ? new LeakSuspicion(COLLECTIONS, first, last) : null;
    }
}
