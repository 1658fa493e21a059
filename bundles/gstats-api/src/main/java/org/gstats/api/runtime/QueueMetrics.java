package org.gstats.api.runtime;

/**
 * What one queue did so far.
 *
 * @param name          the queue's name
 * @param in            messages put
 * @param out           messages taken
 * @param size          messages waiting now
 * @param bytes         estimated bytes waiting now
 * @param perSecond     messages taken per second since the queue was made
 * @param p50Nanos      median time a message waited in the queue
 * @param p99Nanos      99th percentile of that time
 * @param maxNanos      the longest wait
 * @param blockedNanos  time producers spent waiting to put (full queue or memory pressure)
 * @param batchSize     the largest batch a consumer takes now
 */
public record QueueMetrics(String name, long in, long out, int size, long bytes, double perSecond, long p50Nanos,
        long p99Nanos, long maxNanos, long blockedNanos, int batchSize) {
}
