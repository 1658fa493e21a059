package org.gstats.api.runtime;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Watches the heap on a schedule and names its pressure. Every change of level is also posted
 * on EventAdmin under {@value #PRESSURE_TOPIC} with the properties {@value #LEVEL},
 * {@value #PREVIOUS}, {@value #USED} and {@value #LIMIT}.
 */
@ProviderType
public interface MemoryTracker {

    String PRESSURE_TOPIC = "org/gstats/memory/PRESSURE";
    /** The new level's name. */
    String LEVEL = "level";
    /** The level before, by name. */
    String PREVIOUS = "previous";
    /** Heap in use after the last collection, in bytes. */
    String USED = "used";
    /** The memory limit, in bytes. */
    String LIMIT = "limit";

    /** The latest sample. */
    MemoryStatus status();

    /** The samples kept, oldest first (a bounded number of the latest). */
    List<MemoryStatus> history();
}
