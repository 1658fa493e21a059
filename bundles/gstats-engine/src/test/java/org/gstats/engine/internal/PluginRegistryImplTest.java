package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.List;

import org.gstats.api.scan.PluginInfo;
import org.gstats.api.scan.PluginState;
import org.junit.Test;

public class PluginRegistryImplTest {

    private final PluginRegistryImpl registry = new PluginRegistryImpl(null, new MutableClock(), 3,
            Duration.ofMinutes(5));

    @Test
    public void noPluginsBoundListsNone() {
        assertEquals(List.of(), registry.plugins());
    }

    @Test
    public void listsBoundPluginsSortedByNameWithTheirBundles() {
        TestPlugin.healthy("metrics").bindTo(registry, 7);
        TestPlugin.healthy("commits").bindTo(registry, 3);

        assertEquals(List.of(
                new PluginInfo("commits", "commits description", "1.2.3", "org.example.commits", 103, PluginState.ACTIVE),
                new PluginInfo("metrics", "metrics description", "1.2.3", "org.example.metrics", 107, PluginState.ACTIVE)),
                registry.plugins());
    }

    @Test
    public void unboundPluginIsNoLongerListed() {
        TestPlugin.healthy("metrics").bindTo(registry, 7);
        TestPlugin.healthy("commits").bindTo(registry, 3);

        registry.unbind(7);

        assertEquals(List.of("commits"), registry.plugins().stream().map(PluginInfo::name).toList());
    }

    @Test
    public void rangeOfAPackageRequirementReadsAsImportPackageWritesIt() {
        assertEquals("[2.0.0,3.0.0)", Requirements.range(
                "(&(osgi.wiring.package=org.gstats.api)(version>=2.0.0)(!(version>=3.0.0)))"));
        assertEquals("1.1.0", Requirements.range("(&(osgi.wiring.package=org.gstats.api)(version>=1.1.0))"));
        assertEquals("org.gstats.api", Requirements.packageName(
                "(&(osgi.wiring.package=org.gstats.api)(version>=2.0.0)(!(version>=3.0.0)))"));
    }
}
