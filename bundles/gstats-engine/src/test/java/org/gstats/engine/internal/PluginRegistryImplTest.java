package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.gstats.api.scan.PluginInfo;
import org.junit.Test;

public class PluginRegistryImplTest {

    private final PluginSet plugins = new PluginSet();
    private final PluginRegistryImpl registry = new PluginRegistryImpl(plugins);

    @Test
    public void noPluginsBoundListsNone() {
        assertEquals(List.of(), registry.plugins());
    }

    @Test
    public void listsBoundPluginsSortedByNameWithTheirBundles() {
        TestPlugin.healthy("metrics").bindTo(plugins, 7);
        TestPlugin.healthy("commits").bindTo(plugins, 3);

        assertEquals(List.of(
                new PluginInfo("commits", "commits description", "1.2.3", "org.example.commits", 103, "active"),
                new PluginInfo("metrics", "metrics description", "1.2.3", "org.example.metrics", 107, "active")),
                registry.plugins());
    }

    @Test
    public void unboundPluginIsNoLongerListed() {
        TestPlugin.healthy("metrics").bindTo(plugins, 7);
        TestPlugin.healthy("commits").bindTo(plugins, 3);

        plugins.remove(7);

        assertEquals(List.of("commits"), registry.plugins().stream().map(PluginInfo::name).toList());
    }
}
