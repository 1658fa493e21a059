package org.gstats.itests;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    private record Run(int exit, String stdout, String stderr) {
    }

    @BeforeClass
    public static void dropOwnershipPlugin() throws IOException {
        folder = TEMP.newFolder("my-plugins").toPath();
        Files.copy(Path.of(System.getProperty("gstats.ownership.jar")), folder.resolve("ownership.jar"));
        sample = SampleRepository.create(TEMP.getRoot().toPath());
    }

    @Test
    public void pluginDirOptionNamesTheWatchedFolder() {
        Run run = gstats(Map.of(), "--plugin-dir", folder.toString(), "plugins", "--format", "json");

        assertEquals(run.stderr(), 0, run.exit());
        assertEquals("active", state(run.stdout(), "ownership"));
    }

    @Test
    public void environmentNamesItWhenTheOptionDoesNot() {
        Run run = gstats(Map.of("GSTATS_PLUGIN_DIR", folder.toString()), "scan", "--plugins", "ownership",
                "--format", "json", "--quiet", sample.dir().toString());

        assertEquals(run.stderr(), 0, run.exit());
        JsonObject sections = JsonParser.parseString(run.stdout()).getAsJsonObject().getAsJsonObject("sections");
        assertEquals(List.of("ownership", "plugins"), List.copyOf(sections.keySet()));
    }

    @Test
    public void missingFolderIsBadUsageInOneLine() {
        Path missing = TEMP.getRoot().toPath().resolve("no-such-folder");

        Run run = gstats(Map.of(), "--plugin-dir", missing.toString(), "plugins");

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

    private static Run gstats(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(ShippedSystem.distribution().resolve("bin/gstats").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(sample.dir().toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("GSTATS_PLUGIN_DIR");
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Process process = builder.start();
            CompletableFuture<String> stdout = readAll(process.getInputStream());
            CompletableFuture<String> stderr = readAll(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Run(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
