package org.gstats.api.scan;

import java.time.Duration;

/**
 * How much work one plugin did, in one scan or summed over the scans since it was bound.
 *
 * @param scans    scans it took part in
 * @param events   events delivered to its analyses (commits, file changes, ...)
 * @param time     time its analyses spent handling them, creating and finishing included
 * @param failures scans in which it threw, stalled or returned garbage
 * @since 1.1
 */
public record PluginMetrics(long scans, long events, Duration time, long failures) {

    public static final PluginMetrics NONE = new PluginMetrics(0, 0, Duration.ZERO, 0);

    public PluginMetrics plus(PluginMetrics other) {
        return new PluginMetrics(scans + other.scans, events + other.events, time.plus(other.time),
                failures + other.failures);
    }
}
