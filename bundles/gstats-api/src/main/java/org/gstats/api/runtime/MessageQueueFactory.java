package org.gstats.api.runtime;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Makes {@link MessageQueue}s sized by the configuration, and knows the ones still open. */
@ProviderType
public interface MessageQueueFactory {

    <T extends QueueMessage> MessageQueue<T> create(String name);

    /** The figures of every queue not yet closed. */
    List<QueueMetrics> open();
}
