package org.gstats.api.runtime;

/** What a {@link MessageQueue} carries: each message tells how much memory it holds. */
public interface QueueMessage {

    /** Bytes this message keeps alive while it waits in a queue, roughly. */
    long estimatedBytes();
}
