package org.gstats.engine.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportSection;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs a scan: one history walk by the {@link RepositoryScanner}, its events delivered to an
 * analysis of every plugin that the {@link PluginRegistryImpl registry} lets take part when the
 * scan starts. A plugin that arrives during a scan joins the next one; one that leaves is
 * dropped from the scan at once, and the report says so.
 */
@Component(service = ScanEngine.class, configurationPid = EngineConfiguration.PID)
public final class ScanEngineImpl implements ScanEngine {

    private static final String VERSION = GstatsVersion.current();

    private final RepositoryScanner scanner;
    private final PluginRegistryImpl registry;
    private final long budgetMs;
    private final int queueCapacity;

    @Activate
    public ScanEngineImpl(@Reference(name = "scanner") RepositoryScanner scanner,
            @Reference(name = "registry") PluginRegistryImpl registry, EngineConfiguration configuration) {
        this(scanner, registry, configuration.pluginTimeBudgetMs(), configuration.pluginQueueCapacity());
    }

    ScanEngineImpl(RepositoryScanner scanner, PluginRegistryImpl registry, long budgetMs, int queueCapacity) {
        this.scanner = scanner;
        this.registry = registry;
        this.budgetMs = budgetMs;
        this.queueCapacity = queueCapacity;
    }

    @Override
    public Report scan(ScanRequest request, ProgressListener progress) throws ScanException {
        return scan(request, PluginSelection.ALL, progress);
    }

    @Override
    public Report scan(ScanRequest request, PluginSelection selection, ProgressListener progress)
            throws ScanException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        ScanRun run = new ScanRun(registry.choose(selection), request.options(), progress, budgetMs, queueCapacity);
        registry.started(run);
        List<ReportSection> sections;
        try {
            scanner.scan(request, run);
            sections = run.results();
        } catch (ScanException | RuntimeException | Error e) {
            run.cancel();
            registry.abandoned(run);
            throw e;
        }
        registry.finished(run, run.outcomes());
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        ScanTarget target = run.target();
        ReportHeader header = new ReportHeader(VERSION, target.repository().toString(), target.branch(),
                target.headId(), started, durationMs);
        return new Report(header, sections, run.errors());
    }
}
