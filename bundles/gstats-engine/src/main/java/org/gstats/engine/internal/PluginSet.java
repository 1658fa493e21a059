package org.gstats.engine.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugin services currently bound to one component. DS binds and unbinds on its own
 * threads while scans and listings read, so readers take an immutable, sorted snapshot.
 */
final class PluginSet {

    private static final Comparator<RegisteredPlugin> BY_NAME = Comparator.comparing(RegisteredPlugin::name)
            .thenComparingLong(RegisteredPlugin::serviceId);

    private final Map<Long, RegisteredPlugin> plugins = new ConcurrentHashMap<>();

    void add(RegisteredPlugin plugin) {
        plugins.put(plugin.serviceId(), plugin);
    }

    void remove(long serviceId) {
        plugins.remove(serviceId);
    }

    /** The plugins bound right now, sorted by name. */
    List<RegisteredPlugin> snapshot() {
        return plugins.values().stream().sorted(BY_NAME).toList();
    }
}
