package org.gstats.api.runtime;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A queue bounded by its number of messages and by their estimated bytes, for one producer
 * and its consumers. A producer waits while the queue is full, and also while memory pressure
 * is high (backing off, up to a cap); at critical pressure {@link #offer} throws
 * {@link MemoryCriticalException}. Consumers take batches, smaller while pressure is moderate.
 *
 * @param <T> the messages
 */
@ProviderType
public interface MessageQueue<T extends QueueMessage> {

    /** Queue events on EventAdmin: {@code org/gstats/queue/CLOSED}, {@code .../CRITICAL}. */
    String TOPIC_PREFIX = "org/gstats/queue/";
    /** Posted by {@link #close()}, with the metrics as properties named after {@link QueueMetrics}. */
    String CLOSED_TOPIC = TOPIC_PREFIX + "CLOSED";
    /** Posted when a queue refused a message at critical pressure. */
    String CRITICAL_TOPIC = TOPIC_PREFIX + "CRITICAL";

    String name();

    /**
     * Puts the message, waiting up to {@code timeout} for room.
     *
     * @return false when there was no room in time
     * @throws MemoryCriticalException memory is critical
     */
    boolean offer(T message, long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * Waits up to {@code timeout} for at least one message and takes up to the current batch
     * size, in order.
     *
     * @return the batch, empty when no message came in time
     */
    List<T> takeBatch(long timeout, TimeUnit unit) throws InterruptedException;

    /** Drops every waiting message. */
    void clear();

    QueueMetrics metrics();

    /** Ends the queue's life in the metrics: posts its final figures; it no longer shows in the status. */
    void close();
}
