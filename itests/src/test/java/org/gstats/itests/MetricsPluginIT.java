package org.gstats.itests;

import static org.gstats.itests.GogoCommands.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.gstats.itests.GogoCommands.Outcome;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The metrics plugin in the shipped system: listed, and its section in a real scan, held to git. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsPluginIT {

    private static final Person ANN = new Person("Ann Example", "ann@example.com");
    private static final Person BOB = new Person("Bob Example", "bob@example.com");

    private static GitRepo repo;

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime runtime;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    private static synchronized GitRepo repo() throws Exception {
        if (repo == null) {
            repo = GitRepo.init(Files.createTempDirectory(SampleRepository.workDir(), "metrics-"));
            repo.write("src/Main.java", "class Main {\n    int x;\n}\n")
                    .write("web/vendor/lib.js", "function lib() {}\n")
                    .commit("initial", ANN, Instant.parse("2024-01-01T10:00:00Z"));
            repo.write("src/Main.java", "// entry\nclass Main {\n    int x;\n    int y;\n}\n")
                    .write("notes.md", "# notes\n")
                    .commit("grow", BOB, Instant.parse("2024-02-01T10:00:00Z"));
            repo.move("src/Main.java", "src/app/Main.java").commit("move", ANN, Instant.parse("2024-03-01T10:00:00Z"));
        }
        return repo;
    }

    @Test
    public void pluginsListsMetricsAsActive() throws Exception {
        Outcome outcome = new GogoCommands(context).execute("plugins", "--format json");
        assertNull("plugins failed: " + outcome.errors(), outcome.failure());
        JsonArray plugins = JsonParser.parseString(outcome.output()).getAsJsonObject().getAsJsonArray("plugins");
        boolean active = false;
        for (JsonElement plugin : plugins) {
            JsonObject row = plugin.getAsJsonObject();
            active |= row.get("name").getAsString().equals("metrics") && row.get("state").getAsString().equals("active");
        }
        assertTrue("metrics is listed as active: " + plugins, active);
    }

    @Test
    public void scanHasTheMetricsSectionHeldToGit() throws Exception {
        Outcome outcome = new GogoCommands(context).execute("scan", quote(repo().dir()) + " --format json");
        assertNull("scan failed: " + outcome.errors(), outcome.failure());
        JsonObject report = JsonParser.parseString(outcome.output()).getAsJsonObject();
        assertEquals("no plugin failed: " + report.getAsJsonArray("errors"), 0, report.getAsJsonArray("errors").size());
        JsonObject metrics = report.getAsJsonObject("sections").getAsJsonObject("metrics");
        assertNotNull("the report has a metrics section", metrics);

        Set<String> files = new TreeSet<>();
        for (JsonElement row : metrics.getAsJsonArray("files")) {
            files.add(row.getAsJsonObject().get("path").getAsString());
        }
        assertEquals(new TreeSet<>(repo().git("ls-tree", "-r", "--name-only", "HEAD").lines().toList()), files);

        // the engine delivers every text file's content: its line counts add up to git's
        for (JsonElement element : metrics.getAsJsonArray("files")) {
            JsonObject row = element.getAsJsonObject();
            String path = row.get("path").getAsString();
            assertTrue(path + " is counted: " + row, row.get("binary").getAsBoolean()
                    || !row.get("code_lines").isJsonNull());
            if (!row.get("code_lines").isJsonNull()) {
                int total = row.get("code_lines").getAsInt() + row.get("comment_lines").getAsInt()
                        + row.get("blank_lines").getAsInt();
                assertEquals(path, repo().git("show", "HEAD:" + path).lines().count(), total);
            }
        }

        Map<String, Integer> revisions = new HashMap<>();
        for (JsonElement element : metrics.getAsJsonArray("change_frequency")) {
            JsonObject row = element.getAsJsonObject();
            if (row.get("kind").getAsString().equals("file")) {
                revisions.put(row.get("path").getAsString(), row.get("revisions").getAsInt());
            }
        }
        assertEquals("vendored files are left out of change frequency",
                Set.of("src/app/Main.java", "notes.md"), revisions.keySet());
        assertEquals((int) repo().git("log", "--follow", "--format=%H", "--", "src/app/Main.java").lines().count(),
                (int) revisions.get("src/app/Main.java"));
        for (String item : new String[] {"summary", "languages", "functions", "hotspots", "debt", "debt_summary",
                "duplication", "duplicated_files"}) {
            assertNotNull("metrics." + item, metrics.get(item));
        }
    }

    /**
     * {@code [module.metrics]} of the project's {@code .gstats.toml} reaches the plugin through
     * gstats-config and Configuration Admin before the scan starts.
     */
    @Test
    public void pluginCommandShowsTheConfigurationSchema() throws Exception {
        Outcome outcome = new GogoCommands(context).execute("plugin", "metrics");
        assertNull("gstats:plugin failed: " + outcome.errors(), outcome.failure());
        String text = outcome.output();
        assertTrue(text, text.contains("settings:    [module.metrics]"));
        assertTrue(text, text.lines().anyMatch(line -> line.matches("\\s+windows\\s+list of whole number = "
                + "\\[30, 90, 365\\]\\s+.*")));
        assertTrue(text, text.lines().anyMatch(line -> line.matches("\\s+top-n\\s+whole number = 20\\s+.*")));
    }

    @Test
    public void pluginsCommitsAloneSkipsTheMetrics() throws Exception {
        Outcome outcome = new GogoCommands(context).execute("scan",
                quote(repo().dir()) + " --format json --plugins commits");
        assertNull("scan failed: " + outcome.errors(), outcome.failure());
        JsonObject sections = JsonParser.parseString(outcome.output()).getAsJsonObject().getAsJsonObject("sections");
        assertNotNull(sections.get("commits"));
        assertNull(sections.get("metrics"));
    }

    @Test
    public void theProjectConfigurationReachesTheScanButNotTheFrameworksConfiguration() throws Exception {
        Path projectConfig = repo().dir().resolve(".gstats.toml");
        Files.writeString(projectConfig, "[module.metrics]\nwindows = [7]\ntop-n = 1\n");
        try {
            Outcome outcome = new GogoCommands(context).execute("scan", quote(repo().dir()) + " --format json");
            assertNull("scan failed: " + outcome.errors(), outcome.failure());
            JsonObject metrics = JsonParser.parseString(outcome.output()).getAsJsonObject()
                    .getAsJsonObject("sections").getAsJsonObject("metrics");
            JsonObject row = metrics.getAsJsonArray("change_frequency").get(0).getAsJsonObject();
            assertTrue("the configured window: " + row, row.has("revisions_7d"));
            assertTrue("no default window: " + row, !row.has("revisions_30d"));
            // the repository's settings are this scan's: the component keeps the installation's
            assertEquals(List.of("[30, 90, 365]"), configuredWindows());
        } finally {
            Files.delete(projectConfig);
        }
    }

    /** The windows of each configuration SCR holds for the metrics component (gstats-config hands lists on as texts). */
    private List<String> configuredWindows() {
        List<String> seen = new ArrayList<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            if (description.name.equals("metrics")) {
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    Object windows = configuration.properties.get("windows");
                    seen.add(windows instanceof String[] values ? Arrays.toString(values) : String.valueOf(windows));
                }
            }
        }
        return seen;
    }

    @Test
    public void scannerThreadsReachTheMetricsPluginAndChangeNothingInItsSection() throws Exception {
        ConfigurationAdmin admin = context.getService(
                context.getServiceReference(ConfigurationAdmin.class));
        Configuration scanner = admin.getConfiguration("org.gstats.scanner", "?");
        Dictionary<String, Object> before = scanner.getProperties();
        try {
            List<JsonElement> sections = new ArrayList<>();
            for (int threads : new int[] {1, 3}) {
                Dictionary<String, Object> properties = new Hashtable<>();
                if (before != null) {
                    for (String key : Collections.list(before.keys())) {
                        properties.put(key, before.get(key));
                    }
                }
                properties.put("threads", threads);
                scanner.update(properties);
                awaitScanThreads(threads);
                Outcome outcome = new GogoCommands(context).execute("scan", quote(repo().dir()) + " --format json");
                assertNull("scan failed: " + outcome.errors(), outcome.failure());
                sections.add(JsonParser.parseString(outcome.output()).getAsJsonObject().getAsJsonObject("sections")
                        .get("metrics"));
            }
            assertEquals(sections.get(0), sections.get(1));
        } finally {
            if (before == null) {
                scanner.delete();
            } else {
                scanner.update(before);
            }
        }
    }

    /** Waits until DS handed {@code threads} to the metrics plugin's ScanThreads component. */
    private void awaitScanThreads(int threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Object> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
                if (description.name.equals("org.gstats.plugin.metrics.internal.ScanThreads")) {
                    for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                        seen.add(configuration.state + " " + configuration.properties);
                        // satisfied (DS activates it when the plugin next asks) or active
                        if ((configuration.state == ComponentConfigurationDTO.SATISFIED
                                || configuration.state == ComponentConfigurationDTO.ACTIVE)
                                && Integer.valueOf(threads).equals(configuration.properties.get("threads"))) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the metrics plugin's ScanThreads did not get threads = " + threads + " within 10 s: "
                + seen);
    }
}
