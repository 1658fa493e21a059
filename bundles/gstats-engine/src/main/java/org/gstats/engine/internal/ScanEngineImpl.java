package org.gstats.engine.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.gstats.api.notify.Notification;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportSection;
import org.gstats.api.runtime.MemoryCriticalException;
import org.gstats.api.runtime.MemoryTracker;
import org.gstats.api.runtime.MessageQueueFactory;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.store.ScanStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a scan: one history walk by the {@link RepositoryScanner}, its events delivered to an
 * analysis of every plugin that the {@link PluginRegistryImpl registry} lets take part when the
 * scan starts. A plugin that arrives during a scan joins the next one; one that leaves is
 * dropped from the scan at once, and the report says so.
 */
@Component(service = ScanEngine.class, configurationPid = EngineConfiguration.PID)
public final class ScanEngineImpl implements ScanEngine {

    private static final String VERSION = GstatsVersion.current();
    static final String SCAN_KEY = "scan";
    private static final Logger LOG = LoggerFactory.getLogger("gstats.engine");
    /** What to do when memory ran out: the end of the one line the user reads. */
    static final String OUT_OF_MEMORY_ADVICE = "give gstats more heap (JAVA_OPTS=-Xmx2g) or try --performance-mode low";

    private final RepositoryScanner scanner;
    private final PluginRegistryImpl registry;
    private final long budgetMs;
    private final MessageQueueFactory queues;
    private final MemoryTracker memory;

    /** Where notifications go; scans run without one too. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    /** Where scans are recorded and replayed from; scans run cold without one. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ScanStore store;

    @Activate
    public ScanEngineImpl(@Reference(name = "scanner") RepositoryScanner scanner,
            @Reference(name = "registry") PluginRegistryImpl registry,
            @Reference(name = "queues") MessageQueueFactory queues, @Reference(name = "memory") MemoryTracker memory,
            EngineConfiguration configuration) {
        this(scanner, registry, configuration.pluginTimeBudgetMs(), queues, memory);
    }

    ScanEngineImpl(RepositoryScanner scanner, PluginRegistryImpl registry, long budgetMs, MessageQueueFactory queues,
            MemoryTracker memory) {
        this.scanner = scanner;
        this.registry = registry;
        this.budgetMs = budgetMs;
        this.queues = queues;
        this.memory = memory;
    }

    @Override
    public Report scan(ScanRequest request, ProgressListener progress) throws ScanException {
        return scan(request, PluginSelection.ALL, progress);
    }

    /**
     * Every log line of the scan's thread (the engine's, the scanner's, JGit's) carries the
     * scan's id under the MDC key {@value #SCAN_KEY} while it runs.
     */
    @Override
    public Report scan(ScanRequest request, PluginSelection selection, ProgressListener progress)
            throws ScanException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        try (MDC.MDCCloseable scanId = MDC.putCloseable(SCAN_KEY, newScanId())) {
            EventAdmin events = eventAdmin;
            String repository = request.repository().toString();
            List<RegisteredPlugin> plugins = registry.choose(selection);
            LOG.debug("scan of {} ({}) started with plugins {}", repository,
                    request.branch() == null ? "HEAD" : request.branch(),
                    plugins.stream().map(RegisteredPlugin::name).toList());
            ProgressPublisher published = new ProgressPublisher(progress, () -> eventAdmin,
                    request.repository().toAbsolutePath().normalize().toString());
            StoreUse stored = StoreUse.open(store, request, LOG);
            ScanRun run = new ScanRun(plugins, request, published, budgetMs, queues,
                    memory::status, stored.blobResults());
            registry.started(run);
            Notifications.post(events, Notification.SCAN_STARTED, Notification.REPOSITORY, repository,
                    Notification.PLUGINS, String.join(",", plugins.stream().map(RegisteredPlugin::name).toList()));
            List<ReportSection> sections;
            try {
                scanner.scan(request, RequiredContent.fold(plugins), stored.listening(run), stored.cache());
                long toldNanos = System.nanoTime();
                sections = run.results();
                // -v: whether the scan waited for the scanner or for the plugins' last work
                LOG.debug("history and head told in {} ms, the plugins' results {} ms later",
                        TimeUnit.NANOSECONDS.toMillis(toldNanos - startNanos),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - toldNanos));
                published.finished();
            } catch (MemoryCriticalException | PluginOutOfMemory e) {
                stored.abandon();
                run.cancel();
                registry.abandoned(run);
                Notifications.post(events, Notification.SCAN_FAILED, Notification.REPOSITORY, repository,
                        Notification.MESSAGE, e.getMessage());
                throw new ScanException(ScanException.Reason.FAILED, "scan stopped: " + e.getMessage(), e);
            } catch (OutOfMemoryError e) {
                // on the scan's own thread: the scanner, or the engine handing its events over
                stored.abandon();
                run.cancel();
                registry.abandoned(run);
                String message = "scan stopped: out of memory while reading the history; " + OUT_OF_MEMORY_ADVICE;
                Notifications.post(events, Notification.SCAN_FAILED, Notification.REPOSITORY, repository,
                        Notification.MESSAGE, message);
                throw new ScanException(ScanException.Reason.FAILED, message, e);
            } catch (ScanException | RuntimeException | Error e) {
                stored.abandon();
                run.cancel();
                registry.abandoned(run);
                Notifications.post(events, Notification.SCAN_FAILED, Notification.REPOSITORY, repository,
                        Notification.MESSAGE, String.valueOf(e.getMessage()));
                throw e;
            }
            registry.finished(run, run.outcomes());
            for (ScanRun.Outcome outcome : run.outcomes()) {
                if (outcome.failure() != null && !outcome.removed()) {
                    Notifications.post(events, Notification.PLUGIN_FAILED, Notification.PLUGIN, outcome.plugin().name(),
                            Notification.MESSAGE, outcome.failure());
                }
            }
            long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            Notifications.post(events, Notification.SCAN_FINISHED, Notification.REPOSITORY, repository,
                    Notification.COMMITS, run.commits(), Notification.DURATION_MS, durationMs, Notification.ERRORS,
                    run.errors().size());
            LOG.debug("scan finished in {} ms with {} errors", durationMs, run.errors().size());
            ScanTarget target = run.target();
            ReportHeader header = run.withMemory(new ReportHeader(VERSION, target.repository().toString(),
                    target.branch(), target.headId(), started, durationMs));
            Report report = new Report(header, sections, run.errors());
            // the caller writes the report while the store records the scan
            stored.finish(report, () -> progress.reportReady(report));
            return report;
        }
    }

    /** Short enough to read in a log line, random enough to tell the scans of one day apart. */
    private static String newScanId() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }
}
