package org.gstats.api.runtime;

import org.osgi.annotation.versioning.ConsumerType;

/** What a {@link MessageQueue} carries: each message tells how much memory it holds. */
@ConsumerType
public interface QueueMessage {

    /** Bytes this message keeps alive while it waits in a queue, roughly. */
    long estimatedBytes();
}
