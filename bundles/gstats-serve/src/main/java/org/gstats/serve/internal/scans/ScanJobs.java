package org.gstats.serve.internal.scans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.ProgressEvents;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.store.ScanStore;
import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoredReport;
import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.GstatsConfiguration;
import org.gstats.serve.internal.ServeSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The scans started over HTTP. Each runs on a worker of its own (up to
 * {@link ServeSettings#concurrent_scans()} at once) with its own request: the installation's
 * configuration and the repository's {@code .gstats.toml} resolved for that repository, then
 * the options the client sent. Progress comes from the engine's {@value ProgressEvents#TOPIC}
 * events, matched to the running scans by repository.
 */
@Component(service = {ScanJobs.class, EventHandler.class}, configurationPid = ServeSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = EventConstants.EVENT_TOPIC + "=" + ProgressEvents.TOPIC)
public final class ScanJobs implements EventHandler {

    @Reference
    private ScanEngine engine;

    @Reference(target = "(" + ReportWriter.FORMAT_PROPERTY + "=json)")
    private ReportWriter json;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile GstatsConfiguration configuration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScanStore store;

    /** Scans read back from the store, by repository: the latest of each, as the store keeps it. */
    private final Map<Path, ScanJob> stored = new ConcurrentHashMap<>();

    private final Map<String, ScanJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private ExecutorService workers;

    @Activate
    void activate(ServeSettings settings) {
        workers = Executors.newFixedThreadPool(settings.concurrent_scans(), runnable -> {
            Thread thread = new Thread(runnable, "gstats-serve-scan");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
    }

    /**
     * Queues a scan of {@code repository}, a real path the caller has checked.
     *
     * @param options  scanner options as the client sent them, already checked
     * @param plugins  the plugins to run; empty for all
     * @throws ConfigException when the repository's configuration is wrong
     */
    public ScanJob start(Path repository, ScanOptions options, List<String> plugins) throws ConfigException {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        GstatsConfiguration current = configuration;
        if (current != null) {
            sections.putAll(current.resolve(new ConfigRequest(repository, Map.of())).sections());
        }
        ScanRequest.Builder builder = ScanRequest.builder(repository);
        sections.forEach(builder::settings);
        ScanRequest request = options.applyTo(builder).build();
        ScanJob job = new ScanJob(Long.toString(ids.incrementAndGet()), request, plugins, clock.instant());
        jobs.put(job.id(), job);
        workers.execute(() -> run(job));
        return job;
    }

    /**
     * A scan this server ran, or, for an id {@link ScanJob#STORED_PREFIX}{@code N}, the stored scan
     * {@code N} when the store keeps its report.
     */
    public Optional<ScanJob> job(String id) throws StoreException {
        ScanJob ran = jobs.get(id);
        if (ran != null || !id.startsWith(ScanJob.STORED_PREFIX)) {
            return Optional.ofNullable(ran);
        }
        long scanId;
        try {
            scanId = Long.parseLong(id.substring(ScanJob.STORED_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ScanJob> held = heldStored(id);
        if (held.isPresent()) {
            return held;
        }
        // one load at a time: the first requests for a stored scan come together (a page asks for
        // its report and tables at once, twenty clients of a benchmark too), and each load held a
        // report of megabytes and made its answers anew on a job of its own, filling the heap
        synchronized (stored) {
            held = heldStored(id);
            if (held.isPresent()) {
                return held;
            }
            ScanStore current = store;
            Optional<StoredReport> report = current == null ? Optional.empty() : current.report(scanId);
            // one per repository: a newer stored scan's report replaces the one held
            return report.map(found -> stored.merge(found.repository(), ScanJob.stored(found, clock.instant()),
                    (kept, loaded) -> kept.storedScanId() > loaded.storedScanId() ? kept : loaded));
        }
    }

    private Optional<ScanJob> heldStored(String id) {
        return stored.values().stream().filter(known -> known.id().equals(id)).findFirst();
    }

    /**
     * The id of the repository's report to show: the newest this server ran, else the store's
     * latest scan (whose report the store keeps, unless it was recorded without one).
     */
    public Optional<String> latestReport(Path repository, List<ScanSummary> history) {
        Optional<String> ran = latestDone(repository).map(ScanJob::id);
        if (ran.isPresent() || history.isEmpty()) {
            return ran;
        }
        return Optional.of(ScanJob.STORED_PREFIX + history.get(history.size() - 1).scanId());
    }

    /** Every scan, oldest first. */
    public List<ScanJob> jobs() {
        List<ScanJob> all = new ArrayList<>(jobs.values());
        all.sort((a, b) -> Long.compare(Long.parseLong(a.id()), Long.parseLong(b.id())));
        return all;
    }

    /** The newest scan of the repository that finished with a report, if any. */
    public Optional<ScanJob> latestDone(Path repository) {
        List<ScanJob> all = jobs();
        for (int i = all.size() - 1; i >= 0; i--) {
            ScanJob job = all.get(i);
            if (job.repository().equals(repository) && job.state() == ScanJob.State.DONE) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    private void run(ScanJob job) {
        job.running(clock.instant());
        try {
            PluginSelection selection = job.plugins().isEmpty() ? PluginSelection.ALL
                    : PluginSelection.only(Set.copyOf(job.plugins()));
            Report report = engine.scan(job.request(), selection, ProgressListener.NONE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            json.write(report, out);
            job.done(report, out.toString(StandardCharsets.UTF_8), clock.instant());
        } catch (Exception | OutOfMemoryError e) {
            job.failed(oneLine(e), clock.instant());
        }
    }

    @Override
    public void handleEvent(Event event) {
        Object repository = event.getProperty(ProgressEvents.REPOSITORY);
        if (repository == null) {
            return;
        }
        Map<String, Object> figures = new HashMap<>();
        for (String key : new String[] {ProgressEvents.COMMITS, ProgressEvents.TOTAL, ProgressEvents.RATE,
                ProgressEvents.ELAPSED_MS}) {
            Object value = event.getProperty(key);
            if (value != null) {
                figures.put(key, value);
            }
        }
        for (ScanJob job : jobs.values()) {
            if (job.state() == ScanJob.State.RUNNING && job.repository().toString().equals(repository.toString())) {
                job.progressed(figures);
            }
        }
    }

    private static String oneLine(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "out of memory";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure instanceof IOException ? "the report could not be written" : "the scan failed";
        }
        return message.strip().lines().findFirst().orElse("");
    }
}
