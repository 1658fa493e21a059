package org.gstats.plugin.metrics.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * {@code [scanner] threads} (PID {@value #PID}) for the metrics plugin, which takes its own
 * settings from another PID: a component of its own, as one component cannot designate two.
 * The scanner's MetaType is the schema of the key, so this designates nothing.
 */
@Component(service = ScanThreads.class, configurationPid = ScanThreads.PID)
public final class ScanThreads {

    static final String PID = "org.gstats.scanner";

    /** The part of {@code [scanner]} read here. */
    @interface Config {
        /** Threads a scan may use; 0 for one per available processor. */
        int threads() default 0;
    }

    private volatile int threads;

    /** One per available processor, for use outside a framework. */
    public ScanThreads() {
        threads = Runtime.getRuntime().availableProcessors();
    }

    @Activate
    @Modified
    void configure(Config config) {
        threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
    }

    /** Threads to use, 1 or more. */
    int threads() {
        return threads;
    }
}
