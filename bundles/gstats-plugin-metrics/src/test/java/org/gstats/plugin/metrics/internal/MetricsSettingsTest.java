package org.gstats.plugin.metrics.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.gstats.api.PluginDataRequirements;
import org.junit.Test;

public class MetricsSettingsTest {

    /** A configuration as DS hands it over: the given properties, the annotation's defaults for the rest. */
    private static MetricsConfig config(Map<String, Object> values) {
        return (MetricsConfig) Proxy.newProxyInstance(MetricsConfig.class.getClassLoader(),
                new Class<?>[] {MetricsConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }

    @Test
    public void annotationDefaultsAreTheDefaults() {
        MetricsSettings settings = MetricsSettings.of(config(Map.of()));
        MetricsSettings defaults = MetricsSettings.DEFAULTS;
        assertArrayEquals(defaults.windows(), settings.windows());
        assertEquals(defaults.weights(), settings.weights());
        assertArrayEquals(defaults.ratingThresholds(), settings.ratingThresholds(), 0);
        assertEquals(defaults.topN(), settings.topN());
        assertEquals(defaults.minTokens(), settings.minTokens());
        assertEquals(defaults.minLines(), settings.minLines());
        assertEquals(defaults.maxFiles(), settings.maxFiles());
        assertEquals(defaults.maxFileSize(), settings.maxFileSize());
    }

    @Test
    public void ratingsFollowThresholds() {
        MetricsSettings settings = MetricsSettings.DEFAULTS;
        assertEquals("A", settings.rating(0));
        assertEquals("A", settings.rating(10));
        assertEquals("B", settings.rating(10.1));
        assertEquals("C", settings.rating(35));
        assertEquals("D", settings.rating(50));
        assertEquals("E", settings.rating(50.1));
    }

    @Test
    public void badValuesAreRefusedWithTheKeyNamed() {
        assertEquals("[module.metrics] top-n takes a positive number, not 0", assertThrows(
                IllegalArgumentException.class, () -> MetricsSettings.of(config(Map.of("top_n", 0)))).getMessage());
        assertEquals("[module.metrics] rating-thresholds takes ascending scores, not [10.0, 5.0, 35.0, 50.0]",
                assertThrows(IllegalArgumentException.class, () -> MetricsSettings.of(
                        config(Map.of("rating_thresholds", new double[] {10, 5, 35, 50}))))
                        .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MetricsSettings.of(config(Map.of("windows", new int[] {30, -1}))));
        assertThrows(IllegalArgumentException.class, () -> MetricsSettings.of(config(Map.of("weight_churn", -0.5))));
        assertThrows(IllegalArgumentException.class, () -> MetricsSettings.of(config(Map.of("min_tokens", 1))));
    }

    @Test
    public void pluginAsksForHeadTextUpToTheConfiguredSize() {
        MetricsPlugin plugin = new MetricsPlugin();
        plugin.configure(config(Map.of("max_file_size", 2048L)));
        PluginDataRequirements requirements = plugin.requirements();
        assertEquals(true, requirements.headContent());
        assertEquals(false, requirements.binaryContent());
        assertEquals(2048L, requirements.maxFileSize());
        assertEquals("metrics", plugin.name());
    }
}
