package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.PluginMetrics;
import org.gstats.api.scan.PluginState;
import org.gstats.api.scan.PluginStatus;
import org.gstats.api.scan.PluginValidation;
import org.junit.After;
import org.junit.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code gstats:plugins}, {@code gstats:plugin} and {@code gstats:plugin-validate} run through Gogo's real parser. */
public class PluginsCommandTest {

    private static final PluginStatus COMMITS = new PluginStatus("commits", "Commit and author activity",
            "0.1.0.202401151000", "[1.1,2)", "gstats-plugin-commits", 12, PluginState.ACTIVE, null, null,
            PluginDataRequirements.NONE, new PluginMetrics(2, 40, Duration.ofMillis(15), 0), List.of("org.gstats.api.ScannerPlugin"));
    private static final PluginStatus OLD = new PluginStatus("com.example.old", null, "0.9.0", "[2.0.0,3.0.0)",
            "com.example.old", 31, PluginState.REJECTED, "needs org.gstats.api [2.0.0,3.0.0), this gstats provides "
                    + "1.1.0", null, null, PluginMetrics.NONE, List.of());
    private static final PluginStatus FLAKY = new PluginStatus("flaky", "Fails a lot", "1.0.0", "[1.1,2)",
            "com.example.flaky", 40, PluginState.DISABLED, "failed in 3 scans in a row (last: boom); left out of "
                    + "scans until 2026-01-15T10:05:00Z", Instant.parse("2026-01-15T10:05:00Z"),
            PluginDataRequirements.headText(), new PluginMetrics(3, 9, Duration.ofMillis(2), 3),
            List.of("org.gstats.api.ScannerPlugin", "org.gstats.api.report.ReportWriter"));

    private final FakeRegistry registry = new FakeRegistry();
    private final GogoSession gogo = new GogoSession().register("plugins", new PluginsCommand(registry))
            .register("plugin", new PluginCommand(registry, null))
            .register("plugin-validate", new PluginValidateCommand(registry));

    @After
    public void tearDown() {
        gogo.close();
    }

    @Test
    public void listsPluginsWithStateAndReasonAsAnAlignedTable() {
        registry.statuses.addAll(List.of(COMMITS, OLD));

        assertNull(gogo.execute("gstats:plugins"));

        assertEquals(""
                + "name             version             api            bundle                      state     reason / description\n"
                + "commits          0.1.0.202401151000  [1.1,2)        gstats-plugin-commits (12)  active    Commit and author activity\n"
                + "com.example.old  0.9.0               [2.0.0,3.0.0)  com.example.old (31)        rejected  needs org.gstats.api [2.0.0,3.0.0), this gstats provides 1.1.0\n",
                gogo.out());
        assertEquals(0, gogo.exitCode());
    }

    @Test
    public void verboseAddsTheMetrics() {
        registry.statuses.addAll(List.of(COMMITS, FLAKY));

        assertNull(gogo.execute("gstats:plugins --verbose"));

        List<String> lines = gogo.out().lines().toList();
        assertTrue(lines.get(0), lines.get(0).contains("state     scans  events  time_ms  failures  reason"));
        assertTrue(lines.get(1), lines.get(1).contains("active    2      40      15       0         Commit"));
        assertTrue(lines.get(2), lines.get(2).contains("disabled  3      9       2        3         failed in 3"));
    }

    @Test
    public void saysSoWhenThereAreNoPlugins() {
        assertNull(gogo.execute("gstats:plugins"));

        assertEquals("no plugins\n", gogo.out());
    }

    @Test
    public void jsonListsEveryAttribute() {
        registry.statuses.addAll(List.of(COMMITS, FLAKY));

        assertNull(gogo.execute("gstats:plugins --format json"));

        JsonArray list = JsonParser.parseString(gogo.out()).getAsJsonObject().getAsJsonArray("plugins");
        assertEquals(2, list.size());
        JsonObject commits = list.get(0).getAsJsonObject();
        assertEquals("commits", commits.get("name").getAsString());
        assertEquals("[1.1,2)", commits.get("api_version").getAsString());
        assertEquals(12, commits.get("bundle_id").getAsLong());
        assertEquals("active", commits.get("state").getAsString());
        assertTrue(commits.get("reason").isJsonNull());
        assertEquals(40, commits.getAsJsonObject("metrics").get("events").getAsLong());
        JsonObject flaky = list.get(1).getAsJsonObject();
        assertEquals("2026-01-15T10:05:00Z", flaky.get("disabled_until").getAsString());
        assertTrue(flaky.getAsJsonObject("requirements").get("head_content").getAsBoolean());
        assertTrue(gogo.out().startsWith("{\n  \"plugins\": [\n"));
    }

    @Test
    public void unknownFormatIsBadUsage() {
        Exception failure = gogo.execute("gstats:plugins --format xml");

        assertEquals("unknown format 'xml' (available: json, text)", failure.getMessage());
        assertEquals(2, gogo.exitCode());
    }

    @Test
    public void unexpectedArgumentPointsToThePluginCommand() {
        assertEquals("unexpected argument 'commits' (gstats:plugins takes --format json|text and -v/--verbose; "
                + "gstats:plugin NAME describes one plugin)", gogo.execute("gstats:plugins commits").getMessage());
        assertEquals(2, gogo.exitCode());
    }

    @Test
    public void pluginDescribesOnePlugin() {
        registry.statuses.addAll(List.of(COMMITS, FLAKY));

        assertNull(gogo.execute("gstats:plugin flaky"));

        assertEquals(""
                + "name:        flaky\n"
                + "description: Fails a lot\n"
                + "version:     1.0.0\n"
                + "built for:   org.gstats.api [1.1,2)\n"
                + "bundle:      com.example.flaky (id 40)\n"
                + "state:       disabled\n"
                + "reason:      failed in 3 scans in a row (last: boom); left out of scans until 2026-01-15T10:05:00Z\n"
                + "reads:       commits, file changes, file content at the head (text files only, up to 1048576 bytes each)\n"
                + "provides:    org.gstats.api.ScannerPlugin, org.gstats.api.report.ReportWriter\n"
                + "metrics:     3 scans, 9 events, 2 ms, 3 failed scans\n", gogo.out());
        assertEquals(0, gogo.exitCode());
    }

    @Test
    public void unknownPluginIsBadUsage() {
        registry.statuses.add(COMMITS);

        assertEquals("no plugin named 'comits' (plugins: commits)", gogo.execute("gstats:plugin comits").getMessage());
        assertEquals(2, gogo.exitCode());
    }

    @Test
    public void validateSaysWhyAJarWouldNotLoad() throws Exception {
        Path jar = Files.createTempFile("old-plugin", ".jar");
        try {
            registry.validation = new PluginValidation(false, "com.example.old", "0.9.0", "[2.0.0,3.0.0)",
                    List.of("needs org.gstats.api [2.0.0,3.0.0), this gstats provides 1.1.0"));

            Exception failure = gogo.execute("gstats:plugin-validate '" + jar + "'");

            assertEquals("com.example.old 0.9.0 would not load: needs org.gstats.api [2.0.0,3.0.0), this gstats "
                    + "provides 1.1.0", failure.getMessage());
            assertEquals(1, gogo.exitCode());
            assertEquals(jar, registry.validated);
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    public void validateSaysWhenAJarWouldLoad() throws Exception {
        Path jar = Files.createTempFile("good-plugin", ".jar");
        try {
            registry.validation = new PluginValidation(true, "com.example.good", "1.0.0", "[1.1,2)", List.of());

            assertNull(gogo.execute("gstats:plugin-validate '" + jar + "'"));

            assertEquals("com.example.good 1.0.0 would load: it resolves against this gstats (built for "
                    + "org.gstats.api [1.1,2))\n", gogo.out());
            assertEquals(0, gogo.exitCode());
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    public void validateOfAMissingFileIsBadInput() {
        Exception failure = gogo.execute("gstats:plugin-validate /no/such/plugin.jar");

        assertEquals("no such file: /no/such/plugin.jar", failure.getMessage());
        assertEquals(2, gogo.exitCode());
    }
}
