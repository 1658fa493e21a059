package org.gstats.engine.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.gstats.api.ScannerPlugin;
import org.gstats.api.runtime.MemoryTracker;
import org.gstats.api.runtime.MessageQueueFactory;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.store.ScanStore;

/**
 * The engine as a plain library, wired by hand where DS would wire it: for the fleet's Spark
 * tasks, which run the same scanner, engine and plugins outside OSGi. The settings are the
 * components' defaults ({@link EngineConfiguration}).
 */
public final class StandaloneEngine {

    private StandaloneEngine() {
    }

    /**
     * @param store where scans are recorded; null to scan cold
     */
    public static ScanEngine create(RepositoryScanner scanner, List<ScannerPlugin> plugins,
            MessageQueueFactory queues, MemoryTracker memory, ScanStore store) {
        PluginRegistryImpl registry = new PluginRegistryImpl(null, Clock.systemUTC(),
                (Integer) defaultOf("failuresBeforeDisable"), Duration.ofSeconds((Long) defaultOf("coolDownSeconds")));
        long serviceId = 1;
        for (ScannerPlugin plugin : plugins) {
            String bundle = plugin.getClass().getPackageName();
            registry.bind(new RegisteredPlugin(serviceId, plugin, plugin.name(), plugin.description(),
                    plugin.requirements(), bundle, GstatsVersion.current(), serviceId, null, null));
            serviceId++;
        }
        ScanEngineImpl engine = new ScanEngineImpl(scanner, registry, (Long) defaultOf("pluginTimeBudgetMs"), queues,
                memory);
        engine.store = store;
        return engine;
    }

    /** The configuration's default, read from its one definition. */
    private static Object defaultOf(String attribute) {
        try {
            return EngineConfiguration.class.getMethod(attribute).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("EngineConfiguration has no " + attribute, e);
        }
    }
}
