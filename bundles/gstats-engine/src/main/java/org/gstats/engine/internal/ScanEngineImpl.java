package org.gstats.engine.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
import org.osgi.service.event.EventAdmin;

/**
 * Runs a scan: one history walk by the {@link RepositoryScanner}, its events delivered to an
 * analysis of every plugin bound when the scan starts. Plugins that arrive or leave during a
 * scan take effect from the next scan.
 */
@Component(service = ScanEngine.class)
public final class ScanEngineImpl implements ScanEngine {

    private static final String VERSION = GstatsVersion.current();

    private final RepositoryScanner scanner;
    private final PluginSet plugins;
    private final AtomicReference<EventAdmin> events = new AtomicReference<>();

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

    /** Progress goes out on EventAdmin when there is one; scans run the same without. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(EventAdmin eventAdmin) {
        events.set(eventAdmin);
    }

    void unsetEventAdmin(EventAdmin eventAdmin) {
        events.compareAndSet(eventAdmin, null);
    }

    @Override
    public Report scan(ScanRequest request, ProgressListener progress) throws ScanException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        List<RegisteredPlugin> active = plugins.snapshot();
        ProgressPublisher published = new ProgressPublisher(progress, events::get,
                request.repository().toAbsolutePath().normalize().toString());
        ScanRun run = new ScanRun(active, request.options(), published);
        scanner.scan(request, RequiredContent.fold(active), run);
        List<ReportSection> sections = run.results();
        published.finished();
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        ScanTarget target = run.target();
        ReportHeader header = new ReportHeader(VERSION, target.repository().toString(), target.branch(),
                target.headId(), started, durationMs);
        return new Report(header, sections, run.errors());
    }
}
