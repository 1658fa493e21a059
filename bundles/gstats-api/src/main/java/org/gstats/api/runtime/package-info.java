/**
 * The services a scan runs on: {@link org.gstats.api.runtime.MemoryTracker} watches the heap
 * and names its {@link org.gstats.api.runtime.PressureLevel pressure}, and
 * {@link org.gstats.api.runtime.MessageQueueFactory} makes the bounded, memory-aware queues
 * that carry the scanner's events to the plugins.
 */
@Export
@Version("1.0.1")
package org.gstats.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
