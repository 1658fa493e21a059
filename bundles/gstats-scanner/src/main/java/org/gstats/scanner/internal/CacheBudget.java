package org.gstats.scanner.internal;

/**
 * The part of the heap each of the scanner's caches (kept blobs, JGit's pack windows and delta
 * bases) may take. Part of a scan's live data is the same under any heap: JGit's index of the
 * pack (about 24 MB for git/git's 850,000 objects), the walk's commits, the plugins' tables. A
 * cache sized as a fixed part of the heap therefore crowds a small heap: under -Xmx128m the
 * eighths and sixteenths came to 35 MB, the live data to the old generation's size, and the
 * serial collector ran a full collection every few hundred milliseconds for the whole scan.
 * Below {@value #FULL_HEAP_MB} MB a cache's part shrinks in proportion to the heap (so with its
 * square); from there up it is the plain part. The launcher's default heap, -Xmx512m, is 494 MB
 * as the JVM reports it (the serial collector leaves one survivor space out), so it keeps the
 * plain parts.
 */
final class CacheBudget {

    static final long FULL_HEAP_MB = 480;

    private CacheBudget() {
    }

    /** {@code 1/divisor} of the heap, times the heap's part of {@value #FULL_HEAP_MB} MB when smaller. */
    static long of(long maxHeap, int divisor) {
        double scale = Math.min(1.0, (double) maxHeap / (FULL_HEAP_MB << 20));
        return (long) (maxHeap / divisor * scale);
    }
}
