package org.gstats.memory.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The memory part of {@code [scanner]}, under its own PID {@value #PID}. */
@ObjectClassDefinition(name = "gstats memory limit", description = "[scanner] of the gstats configuration")
@interface MemoryConfiguration {

    String PID = "org.gstats.memory";

    @AttributeDefinition(description = "the memory limit pressure is measured against, in bytes "
            + "(0: from performance-mode, else the JVM's maximum heap)")
    long max_memory() default 0;

    @AttributeDefinition(description = "a preset memory limit: low (64 MB), balanced (256 MB), high (1 GB) or none")
    String performance_mode() default "none";
}
