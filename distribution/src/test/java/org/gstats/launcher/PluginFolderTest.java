package org.gstats.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PluginFolderTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void optionWinsOverTheEnvironment() throws Exception {
        Path option = temp.newFolder("option").toPath();
        Path environment = temp.newFolder("environment").toPath();

        assertEquals(Optional.of(option), PluginFolder.choose("option", environment.toString(),
                temp.getRoot().toPath()));
    }

    @Test
    public void environmentWhenNoOption() throws Exception {
        Path environment = temp.newFolder("environment").toPath();

        assertEquals(Optional.of(environment), PluginFolder.choose(null, environment.toString(), Path.of("/")));
    }

    @Test
    public void neitherLeavesTheConfiguredDefault() throws Exception {
        assertEquals(Optional.empty(), PluginFolder.choose(null, null, Path.of("/")));
        assertEquals(Optional.empty(), PluginFolder.choose(null, " ", Path.of("/")));
    }

    @Test
    public void missingFolderIsAUsageErrorNamingWhereItCameFrom() throws IOException {
        Path file = temp.newFile("plugins.jar").toPath();

        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                () -> PluginFolder.choose(null, file.toString(), Path.of("/")));
        assertEquals("the plugin folder " + file + " (GSTATS_PLUGIN_DIR) is not a directory; create it or name "
                + "another", e.getMessage());
        Files.delete(file);
    }
}
