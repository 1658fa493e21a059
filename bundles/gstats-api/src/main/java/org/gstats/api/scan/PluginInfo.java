package org.gstats.api.scan;

/**
 * A plugin as {@code gstats:plugins} lists it.
 *
 * @param name        the plugin's name (its report section)
 * @param description one line
 * @param version     version of the bundle that provides it
 * @param bundle      symbolic name of that bundle
 * @param bundleId    id of that bundle in the framework
 * @param state       {@link PluginState#ACTIVE} when it takes part in scans (an enum since 2.0)
 */
public record PluginInfo(String name, String description, String version, String bundle, long bundleId,
        PluginState state) {
}
