package org.gstats.queue.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The queue part of {@code [scanner]}, under its own PID {@value #PID}. */
@ObjectClassDefinition(name = "gstats queues", description = "[scanner] of the gstats configuration: the queues")
@interface QueueConfiguration {

    String PID = "org.gstats.queue";

    @AttributeDefinition(description = "messages one queue between the scanner and a plugin holds before the "
            + "scanner waits")
    int queue_size() default 4096;
}
