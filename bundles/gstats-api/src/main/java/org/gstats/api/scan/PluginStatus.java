package org.gstats.api.scan;

import java.time.Instant;
import java.util.List;

import org.gstats.api.PluginDataRequirements;

/**
 * A plugin, or a plugin bundle that could not become one, as {@code gstats:plugins} lists it.
 *
 * @param name          the plugin's name; for a bundle that did not resolve, its symbolic name
 *                      (or file name, for a jar that is no bundle)
 * @param description   one line, {@code null} when the plugin never ran
 * @param version       version of the bundle that provides it
 * @param apiVersion    the {@code org.gstats.api} version range the bundle was built for, as
 *                      its {@code Import-Package} says
 * @param bundle        symbolic name of that bundle
 * @param bundleId      id of that bundle in the framework, -1 when it is not installed
 * @param state         whether it takes part in scans, and if not why not (an enum since 2.0)
 * @param reason        why it is not active, in plain words; {@code null} when it is
 * @param disabledUntil end of the circuit breaker's cool-down; {@code null} unless disabled
 * @param requirements  the content it asks for; {@code null} when rejected
 * @param metrics       its work since it was bound
 * @param services      the service interfaces its bundle registers (e.g. a scanner plugin and a
 *                      report format), sorted; empty when it registers none
 * @since 1.1
 */
public record PluginStatus(String name, String description, String version, String apiVersion, String bundle,
        long bundleId, PluginState state, String reason, Instant disabledUntil, PluginDataRequirements requirements,
        PluginMetrics metrics, List<String> services) {

    public PluginStatus {
        services = List.copyOf(services);
    }
}
