package org.gstats.engine.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.gstats.api.Analysis;
import org.gstats.api.ScanContext;
import org.gstats.api.report.ReportSection;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.MessageQueue;
import org.gstats.api.runtime.PressureLevel;
import org.gstats.api.runtime.QueueMetrics;
import org.gstats.api.scan.PluginMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One plugin's analysis for one scan, on a thread of its own that the scanner feeds through a
 * {@link MessageQueue} (bounded by count and bytes, holding the scanner back under memory
 * pressure), events in scan order, taken in batches. The scanner never waits on it for longer than the time
 * budget: a plugin that spends longer on one step is declared stalled and abandoned (its thread
 * is interrupted and left to end on its own, as nothing can safely stop it).
 *
 * <p>Out of memory: an {@link OutOfMemoryError} in the plugin ends its part and drops its
 * analysis, so that its memory can be collected; critical pressure while the plugin is busy
 * (the memory tracker's word: confirmed by a full collection, or collection taking most of
 * the time) ends its part too and interrupts it. Either way the scanner's next call throws
 * {@link PluginOutOfMemory}: the scan stops instead of collecting garbage for minutes, and
 * says which plugin and step.
 *
 * <p>The worker thread owns the analysis; the other fields are for the scanner thread to read,
 * and {@link #abandon} may be called from any thread (DS unbinding a plugin during a scan).
 */
final class PluginWorker {

    private static final Logger LOG = LoggerFactory.getLogger("gstats.engine");


    private static final long POLL_MS = 20;

    private static final String STARTING = "starting its analysis";
    private static final String FINISHING = "making its report section";

    /** Ends the queue: the worker then asks the analysis for its result. */
    private static final QueuedEvent FINISH = new QueuedEvent(FINISHING, analysis -> {
    }, 0);

    private final RegisteredPlugin plugin;
    private final ScanContext context;
    private final long budgetNanos;
    private final MessageQueue<QueuedEvent> queue;
    private final Supplier<MemoryStatus> memory;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile Throwable fatal;
    private volatile boolean removed;
    /** When the step in progress started ({@link System#nanoTime}); 0 while the worker waits. */
    private volatile long busySince;
    /** What the plugin does now or did last, as in "ran out of memory while ...". */
    private volatile String currentStep = STARTING;
    private volatile long events;
    private volatile long busyNanos;
    private volatile ReportSection section;
    private boolean finishQueued;
    /** The scan's log context (its id), taken on the scan's thread for the plugin's. */
    private final Map<String, String> logContext;

    /** @param memory the memory tracker's latest sample */
    PluginWorker(RegisteredPlugin plugin, ScanContext context, long budgetMs, MessageQueue<QueuedEvent> queue,
            Supplier<MemoryStatus> memory) {
        this.plugin = plugin;
        this.context = context;
        this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMs);
        this.queue = queue;
        this.memory = memory;
        this.thread = new Thread(this::work, "gstats-plugin-" + plugin.name());
        thread.setDaemon(true);
        Map<String, String> scanContext = MDC.getCopyOfContextMap();
        this.logContext = scanContext == null ? Map.of() : scanContext;
    }

    RegisteredPlugin plugin() {
        return plugin;
    }

    void start() {
        thread.start();
    }

    /** False once the plugin failed, stalled or was abandoned: it gets no more events. */
    boolean live() {
        rethrowFatal();
        return failure.get() == null;
    }

    /** The first failure, one line; {@code null} while the plugin is fine. */
    String failure() {
        return failure.get();
    }

    /**
     * Queues an event, waiting while the queue is full or memory is high unless the plugin stalls.
     *
     * @throws org.gstats.api.runtime.MemoryCriticalException memory is critical: the scan must stop
     */
    void deliver(QueuedEvent event) {
        try {
            while (live() && !queue.offer(event, POLL_MS, TimeUnit.MILLISECONDS)) {
                checkBudget();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing events to " + plugin.name(), e);
        }
    }

    /** Ends the event stream; the plugin then makes its section. */
    void finish() {
        if (!finishQueued) {
            finishQueued = true;
            deliver(FINISH);
        }
    }

    /**
     * Waits until the plugin handled every event queued so far, failed or stalled: for events
     * that point at something the scanner removes afterwards (the checkout).
     */
    void awaitDelivered() {
        CountDownLatch handled = new CountDownLatch(1);
        deliver(new QueuedEvent("reading the head's checkout", analysis -> handled.countDown(), 0));
        await(handled);
    }

    /**
     * Waits until the plugin made its section, failed or stalled.
     *
     * @return its section, or {@code null} when it has none (see {@link #failure()})
     */
    ReportSection awaitSection() {
        finish();
        await(done);
        return failure.get() == null ? section : null;
    }

    private void await(CountDownLatch latch) {
        try {
            while (live() && !latch.await(POLL_MS, TimeUnit.MILLISECONDS)) {
                checkBudget();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + plugin.name(), e);
        }
        rethrowFatal();
    }

    /** Drops the plugin from the scan with the given reason, unless it failed already. */
    void abandon(String reason) {
        if (failure.compareAndSet(null, reason)) {
            thread.interrupt();
            queue.clear();
        }
    }

    /** Drops the plugin because its service went away, which is no fault of the plugin. */
    void remove() {
        removed = true;
        abandon("removed during the scan (its bundle stopped); its results are left out");
    }

    /** True when {@link #remove()} dropped it. */
    boolean removed() {
        return removed;
    }

    /** Its queue's figures so far. */
    QueueMetrics queueMetrics() {
        return queue.metrics();
    }

    /** Ends the queue's part in the status; its final figures go out on EventAdmin. */
    void closeQueue() {
        queue.close();
    }

    /** What it did in this scan; {@code failed} tells whether the scan counts as a failure for it. */
    PluginMetrics metrics(boolean failed) {
        long busy = busyNanos;
        long started = busySince;
        if (started != 0) {
            busy += System.nanoTime() - started;
        }
        return new PluginMetrics(1, events, Duration.ofNanos(busy), failed ? 1 : 0);
    }

    private void checkBudget() {
        checkMemory();
        long started = busySince;
        if (started != 0 && System.nanoTime() - started > budgetNanos) {
            abandon("stalled: no answer within the time budget of " + TimeUnit.NANOSECONDS.toMillis(budgetNanos)
                    + " ms; dropped from this scan");
        }
    }

    /** Critical pressure while the plugin is busy: it is the one filling the heap, as far as can be told. */
    private void checkMemory() {
        MemoryStatus status = memory.get();
        if (status != null && status.level() == PressureLevel.CRITICAL && busySince != 0) {
            outOfMemory();
            thread.interrupt();
        }
    }

    /** Ends the plugin's part for want of memory; the scan stops at the scanner's next call. */
    private void outOfMemory() {
        queue.clear();
        if (fatal == null) {
            fatal = new PluginOutOfMemory(plugin.name(), currentStep);
        }
        failure.compareAndSet(null, "out of memory while " + currentStep);
    }

    private void rethrowFatal() {
        Throwable error = fatal;
        if (error instanceof PluginOutOfMemory outOfMemory) {
            throw outOfMemory;
        }
        if (error instanceof VirtualMachineError vmError) {
            throw vmError;
        }
    }

    private void work() {
        MDC.setContextMap(logContext);
        try {
            run();
        } catch (InterruptedException e) {
            // abandoned: the reason is recorded already
        } catch (OutOfMemoryError e) {
            // run() has returned: its analysis is garbage now
            outOfMemory();
        } catch (VirtualMachineError e) {
            fatal = e;
            failure.compareAndSet(null, describe(e));
        } catch (Throwable e) {
            if (failure.compareAndSet(null, describe(e))) {
                LOG.warn("plugin {} failed and is left out of this scan", plugin.name(), e);
            }
        } finally {
            done.countDown();
        }
    }

    /** The analysis's life; it is referenced from this frame only. */
    private void run() throws Exception {
        Analysis created = step(() -> plugin.plugin().newAnalysis(context));
        if (created == null) {
            failure.compareAndSet(null, "newAnalysis returned null");
            return;
        }
        Analysis analysis = new RequiredContent(created, step(() -> plugin.plugin().requirements()));
        while (failure.get() == null) {
            for (QueuedEvent event : queue.takeBatch(POLL_MS, TimeUnit.MILLISECONDS)) {
                if (event == FINISH) {
                    if (failure.get() == null) {
                        currentStep = FINISHING;
                        finish(analysis);
                    }
                    return;
                }
                for (QueuedEvent.Step part : event.steps()) {
                    if (failure.get() != null) {
                        return;
                    }
                    currentStep = part.name();
                    step(() -> {
                        part.action().accept(analysis);
                        return null;
                    });
                    events++;
                }
            }
        }
    }

    private void finish(Analysis analysis) throws Exception {
        long start = System.nanoTime();
        ReportSection result = step(analysis::result);
        // -v: which plugin's last work a scan waits for
        LOG.debug("plugin {} made its section in {} ms", plugin.name(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        if (result == null) {
            failure.compareAndSet(null, "result returned null");
        } else if (!result.name().equals(plugin.name())) {
            failure.compareAndSet(null, "result is a section named '" + result.name() + "', not after the plugin");
        } else {
            section = result;
        }
    }

    /** A step the budget applies to. */
    private <T> T step(Callable<T> work) throws Exception {
        long start = System.nanoTime();
        busySince = start;
        try {
            return work.call();
        } finally {
            busySince = 0;
            busyNanos += System.nanoTime() - start;
        }
    }

    /** A plugin's failure as one line: type and message. */
    static String describe(Throwable failure) {
        String type = failure.getClass().getSimpleName().isEmpty() ? failure.getClass().getName()
                : failure.getClass().getSimpleName();
        return failure.getMessage() == null ? type : type + ": " + failure.getMessage();
    }
}
