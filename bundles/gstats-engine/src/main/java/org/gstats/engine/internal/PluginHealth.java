package org.gstats.engine.internal;

import java.time.Duration;
import java.time.Instant;

import org.gstats.api.scan.PluginMetrics;
import org.gstats.api.scan.PluginState;
import org.gstats.api.scan.PluginStatus;

/**
 * One bound plugin's record across scans: summed metrics and its circuit breaker. After
 * {@code threshold} failed scans in a row the breaker opens and the plugin sits out scans for
 * the cool-down; the first scan after it is a trial, and one more failure opens it again.
 * Scans finish on their own threads, so every method is synchronized.
 */
final class PluginHealth {

    /** The state of a plugin at one moment. */
    record View(PluginState state, String reason, Instant disabledUntil, PluginMetrics metrics) {
    }

    private PluginMetrics metrics = PluginMetrics.NONE;
    private int failuresInARow;
    private String lastFailure;
    private Instant disabledUntil;

    /** Records one scan; true when this failure opened the breaker. */
    synchronized boolean record(PluginMetrics scan, String failure, Instant now, int threshold, Duration coolDown) {
        metrics = metrics.plus(scan);
        if (failure == null) {
            failuresInARow = 0;
            lastFailure = null;
            disabledUntil = null;
            return false;
        }
        failuresInARow++;
        lastFailure = failure;
        if (failuresInARow >= threshold) {
            disabledUntil = now.plus(coolDown);
            return true;
        }
        return false;
    }

    /** Whether the plugin may take part in a scan that starts now. */
    synchronized boolean admits(Instant now) {
        return disabledUntil == null || !now.isBefore(disabledUntil);
    }

    synchronized View view(Instant now) {
        if (!admits(now)) {
            return new View(PluginState.DISABLED, "failed in " + failuresInARow + " scans in a row (last: "
                    + lastFailure + "); left out of scans until " + disabledUntil, disabledUntil, metrics);
        }
        if (failuresInARow > 0) {
            return new View(PluginState.FAILING, "failed in the last " + (failuresInARow == 1 ? "scan"
                    : failuresInARow + " scans") + ": " + lastFailure, null, metrics);
        }
        return new View(PluginState.ACTIVE, null, null, metrics);
    }
}
