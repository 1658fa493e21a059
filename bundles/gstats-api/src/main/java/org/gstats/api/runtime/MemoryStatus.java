package org.gstats.api.runtime;

import java.time.Instant;

/**
 * One sample of the heap.
 *
 * @param sampledAt   when it was taken
 * @param used        heap in use now, garbage included
 * @param usedAfterGc heap in use after the last garbage collection (the live data), or
 *                    {@code used} before the first collection
 * @param peak        the most heap in use since the tracker started
 * @param limit       the memory limit the levels are measured against
 * @param level       {@code usedAfterGc} against {@code limit}: garbage not yet collected does
 *                    not raise the pressure
 * @param leak        a steady rise of {@code usedAfterGc}, or {@code null}
 */
public record MemoryStatus(Instant sampledAt, long used, long usedAfterGc, long peak, long limit,
        PressureLevel level, LeakSuspicion leak) {

    /** {@code usedAfterGc} in percent of {@code limit}. */
    public double percent() {
        return 100.0 * usedAfterGc / limit;
    }
}
