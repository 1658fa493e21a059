package org.gstats.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.gstats.api.Analysis;
import org.gstats.api.BlobResults;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.ScanContext;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.MessageQueueFactory;
import org.gstats.api.scan.PluginMetrics;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;

/**
 * One scan's delivery of the scanner's events to one analysis per plugin, each on its own
 * {@link PluginWorker}. An event is a {@code Consumer<Analysis>} handed to every live worker in
 * scan order; the events are immutable, so they cross threads safely. A plugin that throws,
 * stalls or returns garbage is recorded once and dropped from the run, so that one faulty
 * plugin neither stops nor slows the scan nor leaves a half-made section.
 *
 * <p>The scanner's thread drives the run; {@link #pluginRemoved} may come from DS's thread.
 */
final class ScanRun implements ScanListener {

    static final long PROGRESS_INTERVAL = 1000;
    static final int HELD_STEPS = 256;
    /** Bytes of held events past which they go at once: a head file's content is the whole file. */
    static final long HELD_BYTES = 1 << 20;

    /** The engine's own section: what each plugin did in this scan. */
    static final String SECTION = Report.ENGINE_SECTION;

    /** How one plugin's part of the scan went. */
    record Outcome(RegisteredPlugin plugin, PluginMetrics metrics, String failure, boolean removed) {
    }

    private final List<RegisteredPlugin> plugins;
    private final ScanRequest request;
    private final ProgressListener progress;
    private final long budgetMs;
    private final MessageQueueFactory queues;
    private final MemoryWatch memory;
    private final Supplier<MemoryStatus> memorySamples;
    private final BlobResults blobResults;
    private final Set<Long> removedIds = ConcurrentHashMap.newKeySet();
    private volatile List<PluginWorker> workers = List.of();
    private ScanTarget target;
    private long commits;
    private List<Outcome> outcomes;
    private final List<ReportError> warnings = new ArrayList<>();
    private boolean checkedOut;
    private long blockedMs;
    /**
     * The events not yet handed over: they go as one message ({@link QueuedEvent}) of
     * {@value #HELD_STEPS} events, or fewer once they keep {@value #HELD_BYTES} bytes alive or
     * something must reach the plugins now (the checkout, the end).
     */
    private final List<QueuedEvent.Step> held = new ArrayList<>();
    private long heldBytes;

    /**
     * @param memory      the memory tracker's latest sample
     * @param blobResults the store's per-blob results, which every plugin's context carries
     */
    ScanRun(List<RegisteredPlugin> plugins, ScanRequest request, ProgressListener progress, long budgetMs,
            MessageQueueFactory queues, Supplier<MemoryStatus> memory, BlobResults blobResults) {
        this.blobResults = blobResults;
        this.plugins = plugins;
        this.request = request;
        this.progress = progress;
        this.budgetMs = budgetMs;
        this.queues = queues;
        this.memory = new MemoryWatch(memory);
        this.memorySamples = memory;
    }

    @Override
    public void onStart(ScanTarget scanTarget) {
        if (target != null) {
            throw new IllegalStateException("the scanner started the scan twice");
        }
        target = scanTarget;
        memory.look();
        List<PluginWorker> started = new ArrayList<>();
        for (RegisteredPlugin plugin : plugins) {
            // each plugin reads its own section of this scan's settings
            ScanContext context = new ScanContext(scanTarget.repository(), scanTarget.branch(), scanTarget.headId(),
                    request.options(), request.settings(ScanRequest.pluginSection(plugin.name())), blobResults);
            PluginWorker worker = new PluginWorker(plugin, context, budgetMs,
                    queues.create("plugin " + plugin.name()), memorySamples);
            worker.start();
            started.add(worker);
        }
        workers = List.copyOf(started);
        for (PluginWorker worker : workers) {
            if (removedIds.contains(worker.plugin().serviceId())) {
                worker.remove();
            }
        }
    }

    @Override
    public void onCommit(CommitInfo commit) {
        hold("reading a commit", analysis -> analysis.onCommit(commit), QueuedEvent.size(commit));
        commits++;
        if (commits % PROGRESS_INTERVAL == 0) {
            progress.commitsScanned(commits);
        }
    }

    @Override
    public void onFileChange(FileChange change) {
        hold("reading a file change", analysis -> analysis.onFileChange(change), QueuedEvent.size(change));
    }

    /**
     * Adds an event to the next message, whatever commit it belongs to, and hands that over once
     * full: each message may wake each plugin's thread ({@link QueuedEvent}).
     */
    private void hold(String step, Consumer<Analysis> action, long bytes) {
        requireStarted();
        held.add(new QueuedEvent.Step(step, action));
        heldBytes += bytes;
        if (held.size() == HELD_STEPS || heldBytes >= HELD_BYTES) {
            handOver();
        }
    }

    /** Hands the events held so far to the workers as one message. */
    private void handOver() {
        if (held.isEmpty()) {
            return;
        }
        QueuedEvent event = new QueuedEvent(held, heldBytes);
        held.clear();
        heldBytes = 0;
        deliverEvent(event);
    }

    /**
     * What the scanner left out (a missing object, the end of a shallow history) goes to the
     * report's errors, so that a report with gaps says where they are.
     */
    @Override
    public void onWarning(ScanWarning warning) {
        requireStarted();
        warnings.add(new ReportError(ReportError.SCANNER, warning.message(), warning.unreadCommits()));
    }


    /** The plugins this run started with. */
    List<RegisteredPlugin> plugins() {
        return plugins;
    }

    /** Commits delivered so far. */
    long commits() {
        return commits;
    }

    /** Drops the plugin with this service id from the run: its service is going away. */
    void pluginRemoved(long serviceId) {
        removedIds.add(serviceId);
        for (PluginWorker worker : workers) {
            if (worker.plugin().serviceId() == serviceId) {
                worker.remove();
            }
        }
    }

    @Override
    public void onFileInfo(FileInfo file) {
        hold("reading a head file", analysis -> analysis.onFileInfo(file), QueuedEvent.size(file));
    }

    @Override
    public void onFileContent(FileContent content) {
        hold("reading a head file's content", analysis -> analysis.onFileContent(content),
                QueuedEvent.size(content));
    }

    @Override
    public void onHistoricalContent(FileContent content) {
        hold("reading a historical file's content", analysis -> analysis.onHistoricalContent(content),
                QueuedEvent.size(content));
    }

    @Override
    public void onCheckout(HeadCheckout checkout) {
        checkedOut = true;
        deliver("reading the head's checkout", analysis -> analysis.onCheckout(checkout), 0);
    }

    /** The scanner deletes the checkout when this returns: the plugins must be done with it. */
    @Override
    public void onEnd() {
        handOver();
        if (checkedOut) {
            for (PluginWorker worker : workers) {
                if (worker.live()) {
                    worker.awaitDelivered();
                }
            }
        }
    }

    /** The target the scanner resolved the request to. */
    ScanTarget target() {
        requireStarted();
        return target;
    }

    /**
     * Ends the run after the scanner's last event: reports the final commit count and collects
     * every surviving plugin's section, in plugin-name order, then the engine's own section.
     */
    List<ReportSection> results() {
        requireStarted();
        handOver();
        progress.commitsScanned(commits);
        for (PluginWorker worker : workers) {
            if (worker.live()) {
                worker.finish();
            }
        }
        List<ReportSection> sections = new ArrayList<>();
        List<Outcome> finished = new ArrayList<>();
        for (PluginWorker worker : workers) {
            ReportSection section = worker.awaitSection();
            if (section != null) {
                sections.add(section);
            }
            boolean failed = worker.failure() != null && !worker.removed();
            finished.add(new Outcome(worker.plugin(), worker.metrics(failed), worker.failure(), worker.removed()));
        }
        outcomes = List.copyOf(finished);
        long blockedNanos = 0;
        for (PluginWorker worker : workers) {
            blockedNanos += worker.queueMetrics().blockedNanos();
            worker.closeQueue();
        }
        blockedMs = TimeUnit.NANOSECONDS.toMillis(blockedNanos);
        List<ReportItem> tables = new ArrayList<>();
        tables.add(executionTable(outcomes));
        tables.addAll(memory.tables(blockedNanos));
        sections.add(new ReportSection(SECTION, tables));
        return sections;
    }

    /** The report header with this run's memory figures, once {@link #results()} returned. */
    ReportHeader withMemory(ReportHeader header) {
        return header.withMemory(memory.peak(), memory.pressureChanges(), blockedMs);
    }

    /** Stops the workers of a scan that ended without results, e.g. because the scanner failed. */
    void cancel() {
        for (PluginWorker worker : workers) {
            worker.abandon("the scan did not finish");
            worker.closeQueue();
        }
    }

    /** How each plugin's part went, once {@link #results()} returned. */
    List<Outcome> outcomes() {
        if (outcomes == null) {
            throw new IllegalStateException("the run has not finished");
        }
        return outcomes;
    }

    /** The scanner's warnings in the order they came, then the plugin failures and removals in plugin-name order. */
    List<ReportError> errors() {
        List<ReportError> errors = new ArrayList<>(warnings);
        for (Outcome outcome : outcomes()) {
            if (outcome.failure() != null) {
                errors.add(new ReportError(outcome.plugin().name(), outcome.failure()));
            }
        }
        return errors;
    }

    private static Table executionTable(List<Outcome> outcomes) {
        Table.Builder table = Table.builder("execution", "plugin", "outcome", "events", "time_ms");
        for (Outcome outcome : outcomes) {
            String result = outcome.removed() ? "removed" : outcome.failure() == null ? "ok" : "failed";
            table.row(outcome.plugin().name(), result, outcome.metrics().events(),
                    outcome.metrics().time().toMillis());
        }
        return table.build();
    }

    /** An event on its own, after the held ones: the scanner waits for the plugins to be done with it. */
    private void deliver(String step, Consumer<Analysis> action, long bytes) {
        requireStarted();
        handOver();
        deliverEvent(new QueuedEvent(step, action, bytes));
    }

    private void deliverEvent(QueuedEvent event) {
        memory.look();
        for (PluginWorker worker : workers) {
            if (worker.live()) {
                worker.deliver(event);
            }
        }
    }

    private void requireStarted() {
        if (target == null) {
            throw new IllegalStateException("the scanner did not call onStart first");
        }
    }
}
