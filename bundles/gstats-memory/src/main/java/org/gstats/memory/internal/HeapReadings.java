package org.gstats.memory.internal;

/** What the tracker reads of the heap; the JVM's MXBeans in service, a test double in tests. */
interface HeapReadings {

    /** Heap in use now, garbage included. */
    long used();

    /** Heap in use after the latest garbage collection, or -1 before the first one. */
    long usedAfterGc();

    /** The most heap the JVM will use (-Xmx). */
    long max();

    /** Time the collectors spent so far, in ms, summed over all of them. */
    long collectionMillis();

    /** Collections so far, one count per collector. */
    long[] collections();

    /** Heap the application's threads allocated so far, or -1 where the JVM does not tell. */
    long allocatedBytes();

    /** A full garbage collection, so that {@link #usedAfterGc()} holds live data only. */
    void collect();
}
