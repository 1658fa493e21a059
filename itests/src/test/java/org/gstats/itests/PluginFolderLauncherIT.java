package org.gstats.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code bin/gstats} with a plugin folder of the user's: {@code --plugin-dir} or
 * {@code GSTATS_PLUGIN_DIR} names it, and a plugin jar in it takes part from the first command.
 */
public class PluginFolderLauncherIT {

    private static final long TIMEOUT_SECONDS = 120;

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static Path folder;
    private static SampleRepository sample;

    @BeforeClass
    public static void dropOwnershipPlugin() throws IOException {
        folder = TEMP.newFolder("my-plugins").toPath();
        Files.copy(Path.of(System.getProperty("gstats.ownership.jar")), folder.resolve("ownership.jar"));
        sample = SampleRepository.create(TEMP.getRoot().toPath());
    }

    @Test
    public void pluginDirOptionNamesTheWatchedFolder() {
        LauncherIT.Run run = gstats(Map.of(), "--plugin-dir", folder.toString(), "plugins", "--format", "json");

        assertEquals(run.stderr(), 0, run.exit());
        assertEquals("active", state(run.stdout(), "ownership"));
    }

    @Test
    public void environmentNamesItWhenTheOptionDoesNot() {
        LauncherIT.Run run = gstats(Map.of("GSTATS_PLUGIN_DIR", folder.toString()), "scan", "--plugins", "ownership",
                "--format", "json", "--quiet", sample.dir().toString());

        assertEquals(run.stderr(), 0, run.exit());
        JsonObject sections = JsonParser.parseString(run.stdout()).getAsJsonObject().getAsJsonObject("sections");
        assertEquals(List.of("ownership", "plugins"), List.copyOf(sections.keySet()));
    }

    @Test
    public void missingFolderIsBadUsageInOneLine() {
        Path missing = TEMP.getRoot().toPath().resolve("no-such-folder");

        LauncherIT.Run run = gstats(Map.of(), "--plugin-dir", missing.toString(), "plugins");

        assertEquals(2, run.exit());
        assertEquals("gstats: the plugin folder " + missing + " (--plugin-dir) is not a directory; create it or "
                + "name another\n", run.stderr());
        assertEquals("", run.stdout());
    }

    private static String state(String json, String name) {
        for (JsonElement plugin : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("plugins")) {
            if (plugin.getAsJsonObject().get("name").getAsString().equals(name)) {
                return plugin.getAsJsonObject().get("state").getAsString();
            }
        }
        throw new AssertionError(name + " is not listed: " + json);
    }

    private static LauncherIT.Run gstats(Map<String, String> environment, String... arguments) {
        return LauncherIT.run(ShippedSystem.distribution().resolve("bin/gstats"), sample.dir(), environment, "",
                arguments);
    }
}
