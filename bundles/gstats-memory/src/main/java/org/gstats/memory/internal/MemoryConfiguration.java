package org.gstats.memory.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The memory part of {@code [scanner]}, under its own PID {@value #PID}. */
@ObjectClassDefinition(name = "gstats memory limit", description = "[scanner] of the gstats configuration")
@interface MemoryConfiguration {

    String PID = "org.gstats.memory";

    @AttributeDefinition(name = "[size] --max-memory GSTATS_MAX_MEMORY",
            description = "the memory limit pressure levels are measured against (0: from performance-mode; never "
                    + "above the JVM's maximum heap)")
    long max_memory() default 0;

    @AttributeDefinition(name = "--performance-mode",
            description = "a preset memory limit: low 64 MB, balanced 256 MB, high 1 GB (none: the JVM's maximum heap)",
            options = {@Option(value = "none"), @Option(value = "low"), @Option(value = "balanced"),
                    @Option(value = "high")})
    String performance_mode() default "none";
}
