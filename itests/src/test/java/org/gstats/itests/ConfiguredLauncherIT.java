package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gstats.itests.LauncherIT.Run;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code bin/gstats} as a process with configuration files, {@code GSTATS_*} variables and the
 * launcher's logging options. Each run has a user config folder of its own
 * ({@code XDG_CONFIG_HOME}), so the machine's ~/.config plays no part.
 */
public class ConfiguredLauncherIT {

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static Path distribution;
    private static SampleRepository sample;

    private final Map<String, String> environment = new HashMap<>();

    @BeforeClass
    public static void createRepository() {
        distribution = ShippedSystem.distribution();
        sample = SampleRepository.create(TEMP.getRoot().toPath());
    }

    private Path userConfig() {
        return TEMP.getRoot().toPath().resolve("xdg/gstats/config.toml");
    }

    private Run gstats(String... arguments) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("XDG_CONFIG_HOME", TEMP.getRoot().toPath().resolve("xdg").toString());
        return LauncherIT.run(distribution.resolve("bin/gstats"), sample.dir(), env, "", arguments);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static int commits(String json) {
        return JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("sections").getAsJsonObject("commits")
                .getAsJsonObject("totals").get("commits").getAsInt();
    }

    @Test
    public void jsonLogLinesCarryTheComponentAndTheScanId() {
        environment.put("GSTATS_LOG_FORMAT", "json");
        Run run = gstats("-v", "scan", ".", "--format", "json");

        assertEquals(run.stderr(), 0, run.exit());
        assertEquals(sample.commitCount(), commits(run.stdout()));
        List<JsonObject> lines = run.stderrLines().stream().filter(line -> line.startsWith("{"))
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        assertTrue(run.stderr(), lines.stream().anyMatch(line -> line.get("component").getAsString()
                .equals("gstats.engine") && line.has("scan") && line.get("message").getAsString().startsWith("scan of")));
        assertTrue(run.stderr(), lines.stream().allMatch(line -> line.has("time") && line.has("level")));
    }

    @Test
    public void aLogFileReceivesTheLinesWithTheScanId() throws IOException {
        Path log = TEMP.getRoot().toPath().resolve("logs/gstats.log");
        Run run = gstats("scan", ".", "--format", "json", "--log-file", log.toString(), "--verbose");

        assertEquals(run.stderr(), 0, run.exit());
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertTrue(lines.toString(), lines.stream().anyMatch(line -> line.matches(
                "\\S+Z DEBUG gstats\\.engine \\[scan [0-9a-f]{8}\\] scan finished in \\d+ ms with 0 errors")));
    }

    @Test
    public void quietPrintsTheResultsAndNothingElse() throws IOException {
        write(userConfig(), "[scanner]\nrenmaes = false\n");
        Run run = gstats("--quiet", "scan", ".", "--format", "json");

        assertEquals(run.stderr(), 0, run.exit());
        assertEquals("", run.stderr());
        assertEquals(sample.commitCount(), commits(run.stdout()));
        Files.delete(userConfig());
    }

    @Test
    public void anUnknownKeyIsWarnedAboutWithTheNearestKnownKey() throws IOException {
        write(userConfig(), "[scanner]\nrenmaes = false\n");
        Run run = gstats("scan", ".", "--format", "json");

        assertEquals(run.stderr(), 0, run.exit());
        assertTrue(run.stderr(), run.stderrLines().stream().anyMatch(line -> line.endsWith(
                "WARN gstats.config " + userConfig() + ":2: unknown key scanner.renmaes is ignored "
                        + "(did you mean scanner.renames?)")));
        Files.delete(userConfig());
    }

    @Test
    public void theUserConfigAndTheEnvironmentReachTheScan() throws IOException {
        write(userConfig(), "[module.commits]\nuntil = \"2000-01-01\"\n");
        assertEquals(0, commits(gstats("scan", ".", "--format", "json").stdout()));

        environment.put("GSTATS_UNTIL", "2100-01-01");
        Run run = gstats("scan", ".", "--format", "json");
        assertEquals(run.stderr(), sample.commitCount(), commits(run.stdout()));

        Run shown = gstats("config");
        assertEquals(shown.stderr(), 0, shown.exit());
        assertTrue(shown.stdout(), shown.stdout().lines().anyMatch(line -> line.matches(
                "until = \"2100-01-01\" +# environment \\(GSTATS_UNTIL\\)")));
        Files.delete(userConfig());
    }

    @Test
    public void aMalformedProjectConfigIsOneLineAndExitTwo() throws IOException {
        Path project = sample.dir().resolve(".gstats.toml");
        write(project, "[module.commits\nsince = \"30d\"\n");
        try {
            Run run = gstats("scan", ".", "--format", "json");
            assertEquals(run.toString(), 2, run.exit());
            assertEquals("", run.stdout());
            assertEquals(run.stderr(), 1, run.stderrLines().size());
            assertTrue(run.stderr(), run.stderr().startsWith("gstats: " + project.toRealPath() + ":1:16: malformed TOML: "));
            assertFalse(run.stderr(), run.stderr().contains("\tat "));
        } finally {
            Files.delete(project);
        }
    }

    @Test
    public void aValueOutOfRangeNamesKeyValueAndWhatIsAllowed() throws IOException {
        Path file = TEMP.getRoot().toPath().resolve("given.toml");
        write(file, "[scanner]\nmax-commits = -1\n");
        Run run = gstats("--config-file", file.toString(), "scan", ".");

        assertEquals(run.toString(), 2, run.exit());
        assertEquals("gstats: " + file + ":2: scanner.max-commits = -1 is not allowed: scanner.max-commits takes a "
                + "whole number from 0 to 2147483647", run.stderr().strip());
    }

    @Test
    public void theDefaultsCommandPrintsTheShippedDefaultsFile() throws IOException {
        Run run = gstats("config", "--defaults");

        assertEquals(run.stderr(), 0, run.exit());
        assertEquals(Files.readString(distribution.resolve("conf/gstats.toml"), StandardCharsets.UTF_8), run.stdout());
    }

    @Test
    public void diffThreadsGiveTheSameReportAsOneThread() {
        environment.put("GSTATS_THREADS", "1");
        Run one = gstats("scan", ".", "--format", "json");
        environment.put("GSTATS_THREADS", "4");
        Run four = gstats("scan", ".", "--format", "json");

        assertEquals(one.stderr(), 0, one.exit());
        assertEquals(four.stderr(), 0, four.exit());
        assertEquals(sample.commitCount(), commits(four.stdout()));
        assertEquals(withoutTimings(one.stdout()), withoutTimings(four.stdout()));
    }

    /** The report without what differs from run to run: times and the JVM's memory figures. */
    private static String withoutTimings(String json) {
        JsonObject report = JsonParser.parseString(json).getAsJsonObject();
        JsonObject header = report.getAsJsonObject("gstats");
        for (String varying : List.of("started", "duration_ms", "peak_heap_bytes", "pressure_changes", "blocked_ms")) {
            header.remove(varying);
        }
        JsonObject engine = report.getAsJsonObject("sections").getAsJsonObject("plugins");
        engine.remove("memory");
        engine.remove("pressure");
        engine.getAsJsonArray("execution").forEach(row -> row.getAsJsonObject().remove("time_ms"));
        return report.toString();
    }
}
