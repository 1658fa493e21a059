package org.gstats.api.runtime;

import java.util.List;

/** Makes {@link MessageQueue}s sized by the configuration, and knows the ones still open. */
public interface MessageQueueFactory {

    <T extends QueueMessage> MessageQueue<T> create(String name);

    /** The figures of every queue not yet closed. */
    List<QueueMetrics> open();
}
