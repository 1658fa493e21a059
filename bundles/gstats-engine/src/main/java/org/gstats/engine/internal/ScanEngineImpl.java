package org.gstats.engine.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportSection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a scan: one history walk by the {@link RepositoryScanner}, its events delivered to an
 * analysis of every plugin bound when the scan starts. Plugins that arrive or leave during a
 * scan take effect from the next scan.
 */
@Component(service = ScanEngine.class)
public final class ScanEngineImpl implements ScanEngine {

    private static final String VERSION = GstatsVersion.current();
    static final String SCAN_KEY = "scan";
    private static final Logger LOG = LoggerFactory.getLogger("gstats.engine");

    private final RepositoryScanner scanner;
    private final PluginSet plugins;

    @Activate
    public ScanEngineImpl(@Reference(name = "scanner") RepositoryScanner scanner) {
        this(scanner, new PluginSet());
    }

    ScanEngineImpl(RepositoryScanner scanner, PluginSet plugins) {
        this.scanner = scanner;
        this.plugins = plugins;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlugin(ScannerPlugin plugin, ServiceReference<ScannerPlugin> reference) {
        plugins.add(RegisteredPlugin.of(plugin, reference));
    }

    void removePlugin(ServiceReference<ScannerPlugin> reference) {
        plugins.remove(RegisteredPlugin.serviceId(reference));
    }

    /**
     * Every log line of the scan's thread (the engine's, the scanner's, JGit's) carries the
     * scan's id under the MDC key {@value #SCAN_KEY} while it runs.
     */
    @Override
    public Report scan(ScanRequest request, ProgressListener progress) throws ScanException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        try (MDC.MDCCloseable scanId = MDC.putCloseable(SCAN_KEY, newScanId())) {
            List<RegisteredPlugin> active = plugins.snapshot();
            LOG.debug("scan of {} ({}) started with plugins {}", request.repository(),
                    request.branch() == null ? "HEAD" : request.branch(),
                    active.stream().map(RegisteredPlugin::name).toList());
            ScanRun run = new ScanRun(active, request.options(), progress);
            scanner.scan(request, run);
            List<ReportSection> sections = run.results();
            long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            ScanTarget target = run.target();
            ReportHeader header = new ReportHeader(VERSION, target.repository().toString(), target.branch(),
                    target.headId(), started, durationMs);
            LOG.debug("scan finished in {} ms with {} plugin errors", durationMs, run.errors().size());
            return new Report(header, sections, run.errors());
        }
    }

    /** Short enough to read in a log line, random enough to tell the scans of one day apart. */
    private static String newScanId() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }
}
