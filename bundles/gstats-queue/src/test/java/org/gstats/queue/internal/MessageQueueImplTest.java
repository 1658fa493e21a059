package org.gstats.queue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.gstats.api.runtime.MemoryCriticalException;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.MessageQueue;
import org.gstats.api.runtime.PressureLevel;
import org.gstats.api.runtime.QueueMessage;
import org.gstats.api.runtime.QueueMetrics;
import org.junit.Test;
import org.osgi.service.event.Event;

public class MessageQueueImplTest {

    record Message(int number, long estimatedBytes) implements QueueMessage {
    }

    private final AtomicReference<MemoryStatus> memory = new AtomicReference<>(status(PressureLevel.NORMAL));
    private final List<Event> events = new ArrayList<>();
    private final List<MessageQueueImpl<?>> closed = new ArrayList<>();

    private static MemoryStatus status(PressureLevel level) {
        long limit = 1000;
        long used = switch (level) {
            case NORMAL -> 100;
            case MODERATE -> 750;
            case HIGH -> 900;
            case CRITICAL -> 990;
        };
        return new MemoryStatus(Instant.EPOCH, used, used, used, limit, level, null);
    }

    private MessageQueueImpl<Message> queue(int capacity, long maxBytes) {
        return new MessageQueueImpl<>("test", capacity, maxBytes, 8, memory::get, events::add, closed::add);
    }

    private static Message message(int number) {
        return new Message(number, 10);
    }

    @Test
    public void aFullQueueBlocksTheProducerUntilAConsumerTakes() throws Exception {
        MessageQueueImpl<Message> queue = queue(2, 1_000_000);
        assertTrue(queue.offer(message(1), 0, TimeUnit.SECONDS));
        assertTrue(queue.offer(message(2), 0, TimeUnit.SECONDS));
        AtomicBoolean put = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            try {
                put.set(queue.offer(message(3), 1, TimeUnit.HOURS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        while (producer.getState() != Thread.State.TIMED_WAITING) {
            if (!producer.isAlive()) {
                fail("the producer did not wait");
            }
            Thread.onSpinWait();
        }
        assertFalse(put.get());
        assertEquals(2, queue.metrics().in());
        assertEquals(List.of(message(1), message(2)), queue.takeBatch(0, TimeUnit.SECONDS));
        producer.join();
        assertTrue(put.get());
        QueueMetrics metrics = queue.metrics();
        assertEquals(3, metrics.in());
        assertTrue("blocked time is counted", metrics.blockedNanos() > 0);
        assertEquals(List.of(message(3)), queue.takeBatch(0, TimeUnit.SECONDS));
    }

    @Test
    public void anEmptyQueueGivesAnEmptyBatchWhenTheTimeRunsOut() throws Exception {
        assertEquals(List.of(), queue(4, 100).takeBatch(1, TimeUnit.MILLISECONDS));
    }

    @Test
    public void aFullQueueRefusesWhenTheTimeRunsOut() throws Exception {
        MessageQueueImpl<Message> queue = queue(1, 1_000_000);
        assertTrue(queue.offer(message(1), 0, TimeUnit.SECONDS));
        assertFalse(queue.offer(message(2), 1, TimeUnit.MILLISECONDS));
        assertEquals(1, queue.metrics().size());
    }

    @Test
    public void theQueueIsBoundedByTheBytesOfItsMessagesAndAlwaysTakesOneIntoAnEmptyQueue() throws Exception {
        MessageQueueImpl<Message> queue = queue(100, 100);
        assertTrue(queue.offer(new Message(1, 60), 0, TimeUnit.SECONDS));
        assertFalse(queue.offer(new Message(2, 60), 0, TimeUnit.SECONDS));
        assertEquals(60, queue.metrics().bytes());
        queue.takeBatch(0, TimeUnit.SECONDS);
        assertTrue("a message larger than the bound still passes alone",
                queue.offer(new Message(3, 500), 0, TimeUnit.SECONDS));
        assertEquals(500, queue.metrics().bytes());
        queue.takeBatch(0, TimeUnit.SECONDS);
        assertEquals(0, queue.metrics().bytes());
    }

    @Test
    public void highPressureHoldsTheProducerUntilTheQueueIsEmpty() throws Exception {
        MessageQueueImpl<Message> queue = queue(100, 1_000_000);
        assertTrue(queue.offer(message(1), 0, TimeUnit.SECONDS));
        memory.set(status(PressureLevel.HIGH));
        assertFalse("room, but memory is high", queue.offer(message(2), 20, TimeUnit.MILLISECONDS));
        assertTrue(queue.metrics().blockedNanos() >= TimeUnit.MILLISECONDS.toNanos(20));
        queue.takeBatch(0, TimeUnit.SECONDS);
        assertTrue("an empty queue keeps the scan going", queue.offer(message(3), 0, TimeUnit.SECONDS));
        memory.set(status(PressureLevel.NORMAL));
        assertTrue(queue.offer(message(4), 0, TimeUnit.SECONDS));
    }

    @Test
    public void criticalPressureStopsTheProducerWithAClearError() throws Exception {
        MessageQueueImpl<Message> queue = queue(100, 1_000_000);
        memory.set(status(PressureLevel.CRITICAL));
        try {
            queue.offer(message(1), 0, TimeUnit.SECONDS);
            fail("no stop at critical pressure");
        } catch (MemoryCriticalException e) {
            assertEquals("memory critical: 0 MB of 0 MB in use after garbage collection (99%); give the JVM more "
                    + "heap (JAVA_OPTS=-Xmx...) or raise --max-memory", e.getMessage());
        }
        assertEquals(List.of(MessageQueue.CRITICAL_TOPIC), events.stream().map(Event::getTopic).toList());
        assertEquals(0, queue.metrics().in());
    }

    @Test
    public void batchesShrinkUnderModeratePressureAndGrowBack() throws Exception {
        MessageQueueImpl<Message> queue = queue(1000, 1_000_000);
        for (int i = 0; i < 200; i++) {
            queue.offer(message(i), 0, TimeUnit.SECONDS);
        }
        List<Integer> sizes = new ArrayList<>();
        sizes.add(queue.takeBatch(0, TimeUnit.SECONDS).size());
        memory.set(status(PressureLevel.MODERATE));
        for (int i = 0; i < 4; i++) {
            sizes.add(queue.takeBatch(0, TimeUnit.SECONDS).size());
        }
        memory.set(status(PressureLevel.NORMAL));
        for (int i = 0; i < 3; i++) {
            sizes.add(queue.takeBatch(0, TimeUnit.SECONDS).size());
        }
        assertEquals(List.of(8, 4, 2, 1, 1, 2, 4, 8), sizes);
    }

    @Test
    public void messagesComeOutInOrderAndTheMetricsCountThem() throws Exception {
        MessageQueueImpl<Message> queue = queue(1000, 1_000_000);
        for (int i = 0; i < 20; i++) {
            queue.offer(message(i), 0, TimeUnit.SECONDS);
        }
        List<Integer> seen = new ArrayList<>();
        while (seen.size() < 20) {
            queue.takeBatch(0, TimeUnit.SECONDS).forEach(m -> seen.add(m.number()));
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(i, (int) seen.get(i));
        }
        QueueMetrics metrics = queue.metrics();
        assertEquals(20, metrics.in());
        assertEquals(20, metrics.out());
        assertEquals(0, metrics.size());
        assertTrue(metrics.p50Nanos() > 0 && metrics.p50Nanos() <= metrics.p99Nanos()
                && metrics.p99Nanos() <= metrics.maxNanos());
        assertTrue(metrics.perSecond() > 0);
        queue.close();
        assertEquals(List.of(queue), closed);
        Event event = events.get(0);
        assertEquals(MessageQueue.CLOSED_TOPIC, event.getTopic());
        assertEquals(20L, event.getProperty("out"));
    }

    @Test
    public void theFactoryListsTheQueuesUntilTheyClose() {
        MessageQueueFactoryImpl factory = new MessageQueueFactoryImpl(16, null);
        MessageQueue<Message> first = factory.create("first");
        MessageQueue<Message> second = factory.create("second");
        assertEquals(List.of("first", "second"),
                factory.open().stream().map(QueueMetrics::name).sorted().toList());
        first.close();
        assertEquals(List.of("second"), factory.open().stream().map(QueueMetrics::name).toList());
        second.close();
        assertTrue(factory.open().isEmpty());
    }
}
