package org.gstats.queue.internal;

/**
 * Waiting times in powers-of-two buckets of nanoseconds: constant memory however many
 * messages pass, percentiles good to a factor of two. Owned by its queue's lock.
 */
final class LatencyHistogram {

    private final long[] buckets = new long[64];
    private long count;
    private long max;

    void record(long nanos) {
        long value = Math.max(1, nanos);
        buckets[63 - Long.numberOfLeadingZeros(value)]++;
        count++;
        max = Math.max(max, value);
    }

    /** The upper bound of the bucket holding the given percentile; 0 when nothing was recorded. */
    long percentile(double percent) {
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(count * percent / 100.0);
        long seen = 0;
        for (int bucket = 0; bucket < buckets.length; bucket++) {
            seen += buckets[bucket];
            if (seen >= rank) {
                return Math.min(max, bucket == 62 ? Long.MAX_VALUE : (1L << (bucket + 1)) - 1);
            }
        }
        return max;
    }

    long max() {
        return max;
    }
}
