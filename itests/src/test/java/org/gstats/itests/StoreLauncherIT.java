package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gstats.itests.LauncherIT.Run;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Two {@code bin/gstats} processes scanning the same repository into the same H2 store at
 * once: both succeed with the cold scan's report; one of them may say in one line that it ran
 * without the store. A store that cannot be opened (the engine opens it beside the scan's start)
 * is the same one line.
 */
public class StoreLauncherIT {

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static Path launcher;
    private static SampleRepository sample;

    @BeforeClass
    public static void createRepository() {
        launcher = ShippedSystem.distribution().resolve("bin/gstats");
        sample = SampleRepository.create(TEMP.getRoot().toPath());
    }

    @Test
    public void twoProcessesScanningAtOnceBothReportTheColdScan() throws Exception {
        Map<String, String> store = Map.of("GSTATS_STORE",
                "jdbc:h2:file:" + TEMP.getRoot().toPath().resolve("shared-store"));
        Run cold = scan(Map.of(), "--no-store");
        for (int round = 0; round < 2; round++) {
            CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> scan(store));
            CompletableFuture<Run> second = CompletableFuture.supplyAsync(() -> scan(store));
            for (Run run : List.of(first.get(), second.get())) {
                assertEquals(run.stderr(), 0, run.exit());
                assertEquals(report(cold), report(run));
                List<String> lines = run.stderrLines();
                assertTrue(run.stderr(), lines.isEmpty()
                        || lines.size() == 1 && lines.get(0).contains("scanning without the store"));
            }
        }
    }

    @Test
    public void aCorruptStoreIsOneLineAndTheScanRunsWithoutIt() throws Exception {
        Path base = TEMP.getRoot().toPath().resolve("corrupt-store");
        byte[] garbage = "this is not an H2 database\n".repeat(200).getBytes();
        Files.write(Path.of(base + ".mv.db"), garbage);
        Run cold = scan(Map.of(), "--no-store");

        // without --quiet, which keeps warnings off stderr
        Run run = LauncherIT.run(launcher, sample.dir(), Map.of("GSTATS_STORE", "jdbc:h2:file:" + base), "", "scan",
                "--format", "json");

        assertEquals(run.stderr(), 0, run.exit());
        assertEquals(report(cold), report(run));
        // the progress lines aside ("gstats: scanning …", "gstats: scanned 3 commits …")
        List<String> lines = run.stderrLines().stream().filter(line -> !line.startsWith("gstats: scann")).toList();
        assertEquals(run.stderr(), 1, lines.size());
        assertTrue(run.stderr(), lines.get(0).contains("scanning without the store"));
        assertTrue(run.stderr(), lines.get(0).contains(base.toString()));
        assertTrue(Arrays.equals(garbage, Files.readAllBytes(Path.of(base + ".mv.db"))));
    }

    /**
     * A direct scan's process connects to its configured store while it starts, reads what the scan
     * will read of its repository, and the scan takes that connection and those rows: H2 is
     * connected to once. A scan naming another store with {@code --store}
     * connects early to that one, one with {@code --no-store} to none, and the configured store is
     * left as it was.
     */
    @Test
    public void aDirectScanConnectsToItsStoreOnceAndStoreStillWins() throws Exception {
        Path configured = TEMP.getRoot().toPath().resolve("configured-store");
        Path other = TEMP.getRoot().toPath().resolve("other-store");
        Map<String, String> store = Map.of("GSTATS_STORE", "jdbc:h2:file:" + configured);
        Run cold = scan(Map.of(), "--no-store");
        scan(store);

        Run rescan = verbose(store);
        assertEquals(rescan.stderr(), 0, rescan.exit());
        assertEquals(report(cold), report(rescan));
        assertEquals(rescan.stderr(), 1, connections(rescan));
        assertTrue(rescan.stderr(), rescan.stderr().contains("store connected early"));
        // and what the scan reads of its repository was read meanwhile
        assertTrue(rescan.stderr(), rescan.stderr().contains("both read while the framework started"));

        Run elsewhere = verbose(store, "--store", "jdbc:h2:file:" + other);
        assertEquals(elsewhere.stderr(), 0, elsewhere.exit());
        assertEquals(report(cold), report(elsewhere));
        assertTrue(Files.exists(Path.of(other + ".mv.db")));
        // once there, the store --store names is the one connected to early
        Run named = verbose(store, "--store", "jdbc:h2:file:" + other);
        assertEquals(named.stderr(), 0, named.exit());
        assertEquals(report(cold), report(named));
        assertEquals(named.stderr(), 1, connections(named));
        assertTrue(named.stderr(), named.stderr().contains("store connected early"));
        // and --no-store connects to none
        Run none = verbose(store, "--no-store");
        assertEquals(none.stderr(), 0, none.exit());
        assertEquals(report(cold), report(none));
        assertFalse(none.stderr(), none.stderr().contains("store connected"));
        // the configured store replays as before
        Run again = verbose(store);
        assertEquals(again.stderr(), 0, again.exit());
        assertEquals(report(cold), report(again));
        assertEquals(again.stderr(), 1, connections(again));
    }

    /**
     * The HTML report holds the repository's scans as the store the scan used lists them, this scan
     * among them: what {@code gstats history} prints. A scan without the store has none.
     */
    @Test
    public void theHtmlReportHoldsTheScansOfTheStoreTheScanUsed() throws Exception {
        String url = "jdbc:h2:file:" + TEMP.getRoot().toPath().resolve("html-store");
        Path page = TEMP.getRoot().toPath().resolve("report.html");
        // the configured store is another: the scan's --store is the one it lists
        Map<String, String> configured = Map.of("GSTATS_STORE", "jdbc:h2:file:" + TEMP.getRoot().toPath()
                .resolve("html-configured-store"));
        scan(configured);

        for (int scans = 1; scans <= 2; scans++) {
            Run run = html(configured, page, "--store", url);
            assertEquals(run.stderr(), 0, run.exit());
            Run history = LauncherIT.run(launcher, sample.dir(), Map.of(), "", "history", "--format", "json",
                    "--store", url);
            assertEquals(history.stderr(), 0, history.exit());
            JsonElement listed = JsonParser.parseString(history.stdout());
            assertEquals(scans, listed.getAsJsonArray().size());
            assertEquals(listed, storedScans(page));
        }
        Run none = html(configured, page, "--no-store");
        assertEquals(none.stderr(), 0, none.exit());
        assertNull(storedScans(page));
    }

    private static Run html(Map<String, String> environment, Path page, String... options) {
        List<String> arguments = new ArrayList<>(List.of("scan", "--format", "html", "--output", page.toString(),
                "--quiet"));
        arguments.addAll(List.of(options));
        return LauncherIT.run(launcher, sample.dir(), environment, "", arguments.toArray(String[]::new));
    }

    /**
     * The stored scans the HTML page holds beside its report, without the null values (which
     * {@code gstats history --format json} leaves out); null when it holds none.
     */
    private static JsonElement storedScans(Path page) throws IOException {
        Matcher block = Pattern.compile("<script type=\"application/json\" id=\"gstats-history\">(.*?)</script>")
                .matcher(Files.readString(page));
        if (!block.find()) {
            return null;
        }
        JsonElement scans = JsonParser.parseString(block.group(1));
        scans.getAsJsonArray().forEach(scan -> scan.getAsJsonObject().entrySet()
                .removeIf(value -> value.getValue().isJsonNull()));
        return scans;
    }

    /** A scan with the debug log on stderr (which --quiet keeps off). */
    private static Run verbose(Map<String, String> environment, String... options) {
        List<String> arguments = new ArrayList<>(List.of("scan", "--format", "json", "--verbose"));
        arguments.addAll(List.of(options));
        return LauncherIT.run(launcher, sample.dir(), environment, "", arguments.toArray(String[]::new));
    }

    /** How many times H2 was connected to, as the store's debug log says. */
    private static long connections(Run run) {
        return run.stderrLines().stream().filter(line -> line.contains("store connected in")).count();
    }

    private static Run scan(Map<String, String> environment, String... options) {
        List<String> arguments = new ArrayList<>(List.of("scan", "--format", "json", "--quiet"));
        arguments.addAll(List.of(options));
        return LauncherIT.run(launcher, sample.dir(), environment, "", arguments.toArray(String[]::new));
    }

    /** The report without timings and memory figures. */
    private static String report(Run run) {
        JsonObject report = JsonParser.parseString(run.stdout()).getAsJsonObject();
        JsonObject header = report.getAsJsonObject("gstats");
        for (String key : new String[] {"started", "duration_ms", "peak_heap_bytes", "pressure_changes",
                "blocked_ms"}) {
            header.remove(key);
        }
        JsonObject plugins = report.getAsJsonObject("sections").getAsJsonObject("plugins");
        plugins.remove("memory");
        plugins.remove("pressure");
        plugins.getAsJsonArray("execution").forEach(row -> row.getAsJsonObject().remove("time_ms"));
        return report.toString();
    }
}
