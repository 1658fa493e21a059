package org.gstats.benchmarks.queue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gstats.api.runtime.MessageQueue;
import org.gstats.api.runtime.QueueMessage;
import org.gstats.queue.internal.MessageQueueFactoryImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Small messages through one queue: one producer and one or two consumers. The producer's
 * score ({@code put}) is the queue's messages per second; the consumers' score counts batches.
 * Timed waits on both sides let JMH end an iteration while a side is waiting.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueueBenchmark {

    /** A message of a few bytes, as a commit's id would be. */
    record Small(long number) implements QueueMessage {
        @Override
        public long estimatedBytes() {
            return 32;
        }
    }

    private MessageQueue<Small> queue;
    private long sent;

    @Setup(Level.Iteration)
    public void open() {
        queue = new MessageQueueFactoryImpl(4096, null).create("benchmark");
    }

    @TearDown(Level.Iteration)
    public void close() {
        queue.close();
    }

    @Benchmark
    @Group("oneConsumer")
    @GroupThreads(1)
    public boolean put() throws InterruptedException {
        return queue.offer(new Small(sent++), 10, TimeUnit.MILLISECONDS);
    }

    @Benchmark
    @Group("oneConsumer")
    @GroupThreads(1)
    public void take(Blackhole hole) throws InterruptedException {
        List<Small> batch = queue.takeBatch(10, TimeUnit.MILLISECONDS);
        hole.consume(batch);
    }

    @Benchmark
    @Group("twoConsumers")
    @GroupThreads(1)
    public boolean put2() throws InterruptedException {
        return queue.offer(new Small(sent++), 10, TimeUnit.MILLISECONDS);
    }

    @Benchmark
    @Group("twoConsumers")
    @GroupThreads(2)
    public void take2(Blackhole hole) throws InterruptedException {
        List<Small> batch = queue.takeBatch(10, TimeUnit.MILLISECONDS);
        hole.consume(batch);
    }
}
