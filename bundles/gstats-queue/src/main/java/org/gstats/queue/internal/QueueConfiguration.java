package org.gstats.queue.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The queue part of {@code [scanner]}, under its own PID {@value #PID}. */
@ObjectClassDefinition(name = "gstats queues", description = "[scanner] of the gstats configuration: the queues")
@interface QueueConfiguration {

    String PID = "org.gstats.queue";

    @AttributeDefinition(min = "1", max = "1000000",
            description = "events waiting for one plugin before the scanner waits for it")
    int queue_size() default 4096;
}
