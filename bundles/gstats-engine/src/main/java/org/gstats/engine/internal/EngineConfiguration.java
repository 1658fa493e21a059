package org.gstats.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the engine runs plugins and when it gives up on one ({@value #PID}). */
@ObjectClassDefinition(name = "gstats engine", description = "Plugin time budget and circuit breaker")
@interface EngineConfiguration {

    String PID = "org.gstats.engine";

    @AttributeDefinition(description = "Longest time one plugin may spend on one event (or on starting or "
            + "finishing its analysis) before it counts as stalled and is dropped from the scan, in milliseconds")
    long pluginTimeBudgetMs() default 30_000;

    @AttributeDefinition(description = "Scans in a row a plugin may fail before its circuit breaker disables it")
    int failuresBeforeDisable() default 3;

    @AttributeDefinition(description = "How long a disabled plugin stays out of scans, in seconds")
    long coolDownSeconds() default 300;
}
