package org.gstats.serve.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What {@code gstats:serve} hands its servlets through Configuration Admin: a factory configuration
 * of {@value #PID} per run, named by the run. The servlets require one: without a running
 * {@code gstats:serve} nothing is served.
 */
@ObjectClassDefinition(factoryPid = ServeSettings.PID, name = "gstats serve", description = "the web UI and REST API")
public @interface ServeSettings {

    String PID = "org.gstats.serve";

    /** Binds a run's API servlet to that run's scans (Declarative Services' {@code <reference>.target}). */
    String SCANS_TARGET = "scans.target";

    @AttributeDefinition(description = "directories whose repositories may be scanned and shown (real paths)")
    String[] roots();

    /** Private ({@code .token}): Declarative Services does not copy it into the servlets' service properties. */
    @AttributeDefinition(description = "the bearer token every request must carry; empty: none",
            required = false)
    String _token() default "";

    /** Names one run of gstats:serve, so that it can tell when its servlets are registered. */
    @AttributeDefinition(description = "the run of gstats:serve these settings belong to", required = false)
    String run() default "";

    @AttributeDefinition(description = "largest request body accepted, in bytes", min = "1")
    long max_body_bytes() default 65_536;

    @AttributeDefinition(description = "scans run at once; more wait queued", min = "1")
    int concurrent_scans() default 4;
}
