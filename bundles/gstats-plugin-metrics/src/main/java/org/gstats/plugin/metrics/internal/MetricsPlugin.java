package org.gstats.plugin.metrics.internal;

import org.gstats.api.Analysis;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.runtime.MemoryTracker;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Change frequency, complexity, hotspots, technical debt, format detection and duplication.
 * Each analysis runs with its scan's {@code [module.metrics]} settings
 * ({@link ScanContext#settings()}); the installation's, which Configuration Admin holds under
 * {@value #PID}, size the content it asks for before any scan ({@link #requirements()}) and
 * serve a scan that carries no settings.
 * Reads {@code [scanner] threads} for the threads that analyse head files, and the memory
 * tracker's limit, which bounds clone detection's index.
 * Head files' results are kept per blob under a name ({@link #activate}) that carries this bundle's
 * version: a new build of the plugin never reads an older one's results.
 */
@Component(name = MetricsPlugin.NAME, configurationPid = MetricsPlugin.PID, service = ScannerPlugin.class)
@Designate(ocd = MetricsConfig.class)
public final class MetricsPlugin implements ScannerPlugin {

    static final String NAME = "metrics";
    static final String PID = "org.gstats.module.metrics";

    private volatile MetricsSettings settings;
    /** Null outside a framework: no results are kept per blob. */
    private volatile String analyser;

    @Reference
    ScanThreads threads = new ScanThreads();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MemoryTracker memory;

    /** With the defaults, for use outside a framework. */
    public MetricsPlugin() {
        this(MetricsSettings.DEFAULTS);
    }

    MetricsPlugin(MetricsSettings settings) {
        this.settings = settings;
    }

    /**
     * Names the per-blob results after the encoding's and this bundle's version (a development
     * build's carries its build time), so a new build never reads an older one's.
     */
    @Activate
    void activate(MetricsConfig config, BundleContext context) {
        Bundle bundle = context.getBundle();
        analyser = NAME + "/" + StoredFileResult.FORMAT + " " + bundle.getSymbolicName() + " " + bundle.getVersion();
        configure(config);
    }

    @Modified
    void configure(MetricsConfig config) {
        settings = MetricsSettings.of(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Files by format and language, lines, complexity, change frequency, hotspots, debt, duplication";
    }

    @Override
    public PluginDataRequirements requirements() {
        return new PluginDataRequirements(true, false, false, settings.maxFileSize(), false);
    }

    @Override
    public Analysis newAnalysis(ScanContext context) {
        MemoryTracker tracker = memory;
        long memoryLimit = tracker == null ? Runtime.getRuntime().maxMemory() : tracker.status().limit();
        return new MetricsAnalysis(context.settings().isEmpty() ? settings : MetricsSettings.of(context.settings()),
                context, new MetricsAnalysis.Resources(threads.threads(), memoryLimit), analyser);
    }
}
