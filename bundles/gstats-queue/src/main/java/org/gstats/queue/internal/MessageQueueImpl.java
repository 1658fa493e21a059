package org.gstats.queue.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.gstats.api.runtime.MemoryCriticalException;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.MessageQueue;
import org.gstats.api.runtime.PressureLevel;
import org.gstats.api.runtime.QueueMessage;
import org.gstats.api.runtime.QueueMetrics;
import org.osgi.service.event.Event;

/**
 * A {@link MessageQueue} on one lock. Under high pressure a producer waits for the consumers
 * to empty the queue, looking at the pressure again after a wait that doubles each time up to
 * {@value #MAX_BACKOFF_MS} ms; an empty queue always takes a message, so that the scan moves on
 * while memory is high but not critical. The batch size halves at each take under moderate
 * pressure or worse and doubles back at normal.
 */
final class MessageQueueImpl<T extends QueueMessage> implements MessageQueue<T> {

    static final long FIRST_BACKOFF_MS = 1;
    static final long MAX_BACKOFF_MS = 64;

    private record Entry<T>(T message, long enqueuedNanos) {
    }

    private final String name;
    private final int capacity;
    private final long maxBytes;
    private final int maxBatch;
    private final Supplier<MemoryStatus> memory;
    private final Consumer<Event> events;
    private final Consumer<MessageQueueImpl<?>> onClose;
    private final long createdNanos = System.nanoTime();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Entry<T>> entries = new ArrayDeque<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private long bytes;
    private long in;
    private long out;
    private long blockedNanos;
    private int batchSize;
    private boolean closed;

    /**
     * @param memory  the latest memory sample, or {@code null} when no tracker is there
     * @param events  posts queue events (EventAdmin's postEvent, or nothing)
     * @param onClose told when the queue closes
     */
    MessageQueueImpl(String name, int capacity, long maxBytes, int maxBatch, Supplier<MemoryStatus> memory,
            Consumer<Event> events, Consumer<MessageQueueImpl<?>> onClose) {
        if (capacity < 1 || maxBytes < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity, bytes and batch must be positive");
        }
        this.name = name;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.maxBatch = maxBatch;
        this.memory = memory;
        this.events = events;
        this.onClose = onClose;
        this.batchSize = maxBatch;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean offer(T message, long timeout, TimeUnit unit) throws InterruptedException {
        long size = Math.max(0, message.estimatedBytes());
        long start = System.nanoTime();
        long deadline = start + unit.toNanos(timeout);
        long backoffMs = FIRST_BACKOFF_MS;
        boolean waited = false;
        lock.lockInterruptibly();
        try {
            while (true) {
                PressureLevel level = checkNotCritical();
                boolean pressed = level.atLeast(PressureLevel.HIGH) && !entries.isEmpty();
                if (!pressed && hasRoom(size)) {
                    break;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                waited = true;
                if (pressed) {
                    notFull.awaitNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(backoffMs)));
                    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
                } else {
                    notFull.awaitNanos(remaining);
                }
            }
            entries.addLast(new Entry<>(message, System.nanoTime()));
            bytes += size;
            in++;
            notEmpty.signal();
            return true;
        } finally {
            if (waited) {
                blockedNanos += System.nanoTime() - start;
            }
            lock.unlock();
        }
    }

    private boolean hasRoom(long size) {
        return entries.size() < capacity && (entries.isEmpty() || bytes + size <= maxBytes);
    }

    private PressureLevel checkNotCritical() {
        MemoryStatus status = memory == null ? null : memory.get();
        if (status == null) {
            return PressureLevel.NORMAL;
        }
        if (status.level() == PressureLevel.CRITICAL) {
            events.accept(new Event(CRITICAL_TOPIC, Map.of("queue", name, "used", status.usedAfterGc(), "limit",
                    status.limit())));
            throw new MemoryCriticalException(status);
        }
        return status.level();
    }

    @Override
    public List<T> takeBatch(long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (entries.isEmpty()) {
                if (remaining <= 0) {
                    return List.of();
                }
                remaining = notEmpty.awaitNanos(remaining);
            }
            adaptBatchSize();
            int count = Math.min(batchSize, entries.size());
            List<T> batch = new ArrayList<>(count);
            long now = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Entry<T> entry = entries.removeFirst();
                bytes -= Math.max(0, entry.message().estimatedBytes());
                latency.record(now - entry.enqueuedNanos());
                batch.add(entry.message());
            }
            out += count;
            notFull.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void adaptBatchSize() {
        MemoryStatus status = memory == null ? null : memory.get();
        if (status != null && status.level().atLeast(PressureLevel.MODERATE)) {
            batchSize = Math.max(1, batchSize / 2);
        } else {
            batchSize = Math.min(maxBatch, batchSize * 2);
        }
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            entries.clear();
            bytes = 0;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public QueueMetrics metrics() {
        lock.lock();
        try {
            double seconds = Math.max(1e-9, (System.nanoTime() - createdNanos) / 1e9);
            return new QueueMetrics(name, in, out, entries.size(), bytes, out / seconds, latency.percentile(50),
                    latency.percentile(99), latency.max(), blockedNanos, batchSize);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        onClose.accept(this);
        QueueMetrics metrics = metrics();
        events.accept(new Event(CLOSED_TOPIC, Map.of("name", name, "in", metrics.in(), "out", metrics.out(),
                "perSecond", metrics.perSecond(), "p50Nanos", metrics.p50Nanos(), "p99Nanos", metrics.p99Nanos(),
                "maxNanos", metrics.maxNanos(), "blockedNanos", metrics.blockedNanos())));
    }
}
