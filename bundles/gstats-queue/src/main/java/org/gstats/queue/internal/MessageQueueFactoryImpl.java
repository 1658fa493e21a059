package org.gstats.queue.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.MemoryTracker;
import org.gstats.api.runtime.MessageQueue;
import org.gstats.api.runtime.MessageQueueFactory;
import org.gstats.api.runtime.QueueMessage;
import org.gstats.api.runtime.QueueMetrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Queues of {@code [scanner] queue-size} messages, each holding at most an eighth of the memory
 * limit in message bytes (of the JVM's maximum heap without a tracker), watching the tracker's
 * pressure when there is one.
 */
@Component(service = MessageQueueFactory.class, configurationPid = QueueConfiguration.PID)
@Designate(ocd = QueueConfiguration.class)
public final class MessageQueueFactoryImpl implements MessageQueueFactory {

    static final int MAX_BATCH = 64;
    static final int BYTES_SHARE = 8;

    private final Set<MessageQueueImpl<?>> open = ConcurrentHashMap.newKeySet();
    private volatile int capacity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MemoryTracker tracker;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    @Activate
    public MessageQueueFactoryImpl(QueueConfiguration configuration) {
        this.capacity = configuration.queue_size();
    }

    /** A factory outside OSGi with the configuration's default capacity, for the fleet's Spark tasks. */
    public static MessageQueueFactoryImpl standalone(MemoryTracker tracker) {
        try {
            return new MessageQueueFactoryImpl(
                    (Integer) QueueConfiguration.class.getMethod("queue_size").getDefaultValue(), tracker);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("QueueConfiguration has no queue_size", e);
        }
    }

    /** A factory outside OSGi, for tests and benchmarks: no EventAdmin; {@code tracker} may be null. */
    public MessageQueueFactoryImpl(int capacity, MemoryTracker tracker) {
        this.capacity = capacity;
        this.tracker = tracker;
    }

    @Modified
    void configure(QueueConfiguration configuration) {
        capacity = configuration.queue_size();
    }

    @Override
    public <T extends QueueMessage> MessageQueue<T> create(String name) {
        MemoryTracker current = tracker;
        long limit = current == null ? Runtime.getRuntime().maxMemory() : current.status().limit();
        MessageQueueImpl<T> queue = new MessageQueueImpl<>(name, capacity, Math.max(1, limit / BYTES_SHARE),
                MAX_BATCH, this::memory, event -> {
                    EventAdmin events = eventAdmin;
                    if (events != null) {
                        events.postEvent(event);
                    }
                }, open::remove);
        open.add(queue);
        return queue;
    }

    private MemoryStatus memory() {
        MemoryTracker current = tracker;
        return current == null ? null : current.status();
    }

    @Override
    public List<QueueMetrics> open() {
        return open.stream().map(MessageQueueImpl::metrics).toList();
    }
}
