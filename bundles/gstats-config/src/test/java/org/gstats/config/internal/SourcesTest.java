package org.gstats.config.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.file.Path;
import java.util.Map;

import org.junit.Test;

/** What the launcher hands over in framework properties becomes the sources of the hierarchy. */
public class SourcesTest {

    @Test
    public void launcherOptionsAndFilesComeFromFrameworkProperties() {
        Map<String, String> properties = Map.of(
                "gstats.option.base.log-format", "json",
                "gstats.option.base.quiet", "true",
                "gstats.option.no.such-key", "ignored",
                "gstats.config.file", "/work/given.toml",
                "gstats.config.defaults", "/opt/gstats/conf/gstats.toml");
        Sources sources = GstatsConfigurationImpl.sources(properties::get, Map.of("XDG_CONFIG_HOME", "/xdg"),
                ShippedSchema.get());
        assertEquals(Map.of("base.log-format", "json", "base.quiet", "true"), sources.launcherOptions());
        assertEquals(Path.of("/work/given.toml"), sources.configFile());
        assertEquals(Path.of("/opt/gstats/conf/gstats.toml"), sources.defaultsFile());
        assertEquals(Path.of("/xdg/gstats/config.toml"), sources.userFile());
    }

    @Test
    public void aUserFilePropertyReplacesTheXdgOne() {
        Sources sources = GstatsConfigurationImpl.sources(Map.of("gstats.config.user", "/tmp/u.toml")::get,
                Map.of("XDG_CONFIG_HOME", "/xdg"), ShippedSchema.get());
        assertEquals(Path.of("/tmp/u.toml"), sources.userFile());
        assertNull(sources.configFile());
        assertNull(sources.defaultsFile());
    }
}
