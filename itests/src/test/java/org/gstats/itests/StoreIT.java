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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.gstats.api.store.ScanStore;
import org.gstats.api.store.ScanSummary;
import org.gstats.itests.GogoCommands.Outcome;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.Numstat;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jdbc.DataSourceFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The scan store in the shipped system: H2's and pgjdbc's bundles register their
 * DataSourceFactory in Felix, the engine finds the store, a rescan's report equals the cold
 * scan's, and gstats:sql reads the recorded commits and refuses writes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoreIT {

    private static final Person ANN = new Person("Ann Example", "ann@example.com");
    private static final Person BOB = new Person("Bob Example", "bob@example.com");

    @Inject
    private BundleContext context;

    @Inject
    private ScanStore store;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    @Test
    public void bothDriversRegisterADataSourceFactory() throws Exception {
        for (String driver : new String[] {"org.h2.Driver", "org.postgresql.Driver"}) {
            var references = context.getServiceReferences(DataSourceFactory.class,
                    "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driver + ")");
            assertEquals(driver, 1, references.size());
        }
    }

    @Test
    public void aStoredRescanReportsWhatTheColdScanReports() throws Exception {
        GitRepo repo = GitRepo.init(Files.createTempDirectory(SampleRepository.workDir(), "store-"));
        repo.write("src/Main.java", "class Main {\n    int x;\n}\n").write("README", "hi\n")
                .commit("initial", ANN, Instant.parse("2024-01-01T10:00:00Z"));
        repo.write("src/Main.java", "class Main {\n    int x;\n    int y(int a) {\n        return a > 0 ? a : -a;\n    }\n}\n")
                .commit("grow", BOB, Instant.parse("2024-02-01T10:00:00Z"));
        repo.move("README", "README.md").commit("rename", ANN, Instant.parse("2024-03-01T10:00:00Z"));
        // two files sharing a block: clone detection's tokens come from the per-blob results on a rescan
        StringBuilder shared = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            shared.append("        total += values[").append(i).append("] * ").append(i + 3).append(";\n");
        }
        repo.write("src/A.java", "class A {\n    int sum(int[] values) {\n        int total = 0;\n" + shared
                + "        return total;\n    }\n}\n")
                .write("src/B.java", "class B {\n    int add(int[] values) {\n        int total = 1;\n" + shared
                        + "        return total;\n    }\n}\n")
                .commit("clones", BOB, Instant.parse("2024-04-01T10:00:00Z"));
        GogoCommands gogo = new GogoCommands(context);

        String cold = report(gogo.execute("scan", "--format json --no-store " + quote(repo.dir())));
        String first = report(gogo.execute("scan", "--format json " + quote(repo.dir())));
        String second = report(gogo.execute("scan", "--format json " + quote(repo.dir())));
        assertEquals(cold, first);
        assertEquals(cold, second);
        assertEquals(2, store.history(repo.dir()).size());
        // the first scan kept its walk, which the second told (its report the cold one) and did not write again
        Outcome walks = gogo.execute("sql", "--format json " + quote("SELECT w.scan_id = (SELECT MIN(scan_id) FROM "
                + "scans) AS first_scans FROM walks w"));
        assertNull(walks.errors(), walks.failure());
        assertEquals("[{\"first_scans\":true}]", JsonParser.parseString(walks.output()).getAsJsonArray().toString());
        // both whole-history scans (no scope: an empty cell), with -v after the path as scan takes it
        Outcome history = gogo.execute("history", "--format csv " + quote(repo.dir()) + " -v");
        assertNull(history.errors(), history.failure());
        List<String> scans = history.output().strip().lines().toList();
        assertEquals(history.output(), 3, scans.size());
        String head = repo.git("rev-parse", "HEAD").trim();
        for (String scan : scans.subList(1, 3)) {
            assertTrue(scan, scan.matches("\\d+,[^,]+,HEAD,," + head + ",4,2,4,\\d+,\\d+,[0-9.]+,[A-E],[0-9.]+,\\d+,"
                    + Pattern.quote(JsonParser.parseString(second).getAsJsonObject().getAsJsonObject("gstats")
                            .get("version").getAsString())));
        }
        // in the report formats too: the same rows, as the one table of a history section
        Outcome yaml = gogo.execute("history", "--format yaml " + quote(repo.dir()));
        assertNull(yaml.errors(), yaml.failure());
        assertEquals(yaml.output(), 2, yaml.output().lines().filter(line -> line.matches("\\s*- \\{scan_id: \\d+, .*"))
                .count());
        Outcome html = gogo.execute("history", "--format html " + quote(repo.dir()));
        assertNull(html.errors(), html.failure());
        Matcher block = Pattern.compile("<script type=\"application/json\" id=\"gstats-history\">(.*?)</script>")
                .matcher(html.output());
        assertTrue(block.find());
        JsonArray drawn = JsonParser.parseString(block.group(1)).getAsJsonArray();
        assertEquals(2, drawn.size());
        assertEquals(head, drawn.get(1).getAsJsonObject().get("head_id").getAsString());
        Outcome unknownFormat = gogo.execute("history", "--format nope " + quote(repo.dir()));
        assertEquals(2, unknownFormat.exit());
        assertEquals("unknown format 'nope' (use text, csv, json, markdown, html, xml, yaml)",
                unknownFormat.failure().getMessage());
        JsonObject metrics = JsonParser.parseString(second).getAsJsonObject().getAsJsonObject("sections")
                .getAsJsonObject("metrics");
        // the head's figures in history are the metrics plugin's summaries
        ScanSummary latest = store.history(repo.dir()).get(1);
        JsonObject summary = metrics.getAsJsonObject("summary");
        JsonObject debt = metrics.getAsJsonObject("debt_summary");
        assertEquals(List.of(summary.get("cyclomatic").getAsLong(), debt.get("score").getAsDouble(),
                debt.get("rating").getAsString(), summary.get("duplication_ratio").getAsDouble()),
                Arrays.asList(latest.complexity(), latest.debtScore(), latest.debtRating(), latest.duplication()));
        assertEquals("one clone pair", 2, metrics.getAsJsonArray("duplication").size());

        // the metrics plugin kept a result per text blob at the head, which the second scan used
        Outcome kept = gogo.execute("sql", "--format json " + quote("SELECT f.path, b.analyser FROM files f "
                + "JOIN blob_results b ON b.blob_id = f.blob_id WHERE f.scan_id = (SELECT MAX(scan_id) FROM scans) "
                + "ORDER BY f.path"));
        assertNull(kept.errors(), kept.failure());
        JsonArray keptRows = JsonParser.parseString(kept.output()).getAsJsonArray();
        assertEquals(keptRows.toString(), 4, keptRows.size());
        assertEquals("src/A.java", keptRows.get(1).getAsJsonObject().get("path").getAsString());
        assertTrue(keptRows.toString(), keptRows.get(1).getAsJsonObject().get("analyser").getAsString()
                .startsWith("metrics/3 gstats-plugin-metrics "));
        // and its clone groups under the head commit, which the second scan used instead of detecting them
        Outcome clones = gogo.execute("sql", "--format json " + quote("SELECT b.analyser FROM blob_results b "
                + "JOIN scans s ON s.head_id = b.blob_id WHERE s.scan_id = (SELECT MAX(scan_id) FROM scans)"));
        assertNull(clones.errors(), clones.failure());
        JsonArray clonesRows = JsonParser.parseString(clones.output()).getAsJsonArray();
        assertEquals(clonesRows.toString(), 1, clonesRows.size());
        assertTrue(clonesRows.toString(), clonesRows.get(0).getAsJsonObject().get("analyser").getAsString()
                .endsWith(" clones/2 min-tokens=50 min-lines=5"));

        Outcome sql = gogo.execute("sql", "--format json "
                + quote("SELECT commit_id, author_email FROM commits ORDER BY author_time"));
        assertNull(sql.errors(), sql.failure());
        JsonArray rows = JsonParser.parseString(sql.output()).getAsJsonArray();
        assertEquals(4, rows.size());
        assertEquals(repo.git("rev-list", "--reverse", "HEAD").lines().findFirst().orElseThrow(),
                rows.get(0).getAsJsonObject().get("commit_id").getAsString());

        // the scans recorded their changes as values; a query of file_changes adds the rows, each once,
        // as git log --numstat counts them
        Outcome changes = gogo.execute("sql", "--format json "
                + quote("SELECT commit_id, path, insertions, deletions FROM file_changes"));
        assertNull(changes.errors(), changes.failure());
        List<String> storedChanges = new ArrayList<>();
        for (JsonElement each : JsonParser.parseString(changes.output()).getAsJsonArray()) {
            JsonObject change = each.getAsJsonObject();
            storedChanges.add(change.get("commit_id").getAsString() + " " + change.get("path").getAsString() + " "
                    + change.get("insertions").getAsInt() + " " + change.get("deletions").getAsInt());
        }
        List<String> gitChanges = new ArrayList<>();
        Numstat.log(repo, "-M").forEach((commit, entries) -> entries.forEach(entry -> gitChanges.add(commit + " "
                + entry.path() + " " + entry.insertions() + " " + entry.deletions())));
        Collections.sort(storedChanges);
        Collections.sort(gitChanges);
        assertEquals(gitChanges, storedChanges);

        // the functions table holds the report's metrics.functions rows, column for column
        JsonObject functions = JsonParser.parseString(gogo.execute("scan", "--format json --no-store "
                + quote(repo.dir())).output()).getAsJsonObject().getAsJsonObject("sections").getAsJsonObject("metrics")
                .getAsJsonArray("functions").get(0).getAsJsonObject();
        Outcome stored = gogo.execute("sql", "--format json " + quote("SELECT * FROM functions WHERE scan_id = "
                + "(SELECT MAX(scan_id) FROM scans) ORDER BY row_no"));
        JsonObject row = JsonParser.parseString(stored.output()).getAsJsonArray().get(0).getAsJsonObject();
        row.remove("scan_id");
        row.remove("row_no");
        assertEquals(functions.keySet(), row.keySet());
        assertEquals(functions.get("name").getAsString(), row.get("name").getAsString());

        Outcome drop = gogo.execute("sql", quote("DROP TABLE commits"));
        assertEquals(2, drop.exit());
        assertNotNull(drop.failure());
        assertTrue(drop.failure().getMessage(), drop.failure().getMessage().startsWith("sql only reads"));
        Outcome unknown = gogo.execute("sql", quote("SELECT * FROM nowhere"));
        assertEquals(2, unknown.exit());
        assertTrue(unknown.failure().getMessage(), unknown.failure().getMessage().contains("NOWHERE"));
        Path missing = repo.dir().resolveSibling("no-such-repository");
        Outcome nowhere = gogo.execute("history", quote(missing));
        assertEquals(2, nowhere.exit());
        assertEquals("no such directory: " + missing, nowhere.failure().getMessage());
        // a directory never scanned: an empty table, which text says in words
        Path unscanned = GitRepo.init(Files.createTempDirectory(SampleRepository.workDir(), "never-scanned-")).dir()
                .toRealPath();
        Outcome none = gogo.execute("history", quote(unscanned));
        assertNull(none.failure());
        List<String> lines = none.output().lines().toList();
        assertEquals(none.output(), 2, lines.size());
        assertTrue(lines.get(1), lines.get(1).matches("gstats: the store at jdbc:h2:.* holds no scan of "
                + Pattern.quote(unscanned.toString()) + ": gstats scan stores one \\(unless --no-store\\)"));
        assertEquals("scan_id,started,branch,scope,head_id,commits,authors,files,lines,complexity,debt_score,"
                + "debt_rating,duplication,duration_ms,gstats_version",
                gogo.execute("history", "--format csv " + quote(unscanned)).output().strip());
        // and in a report format, the history section's empty table under a header of the path alone
        Outcome emptyYaml = gogo.execute("history", "--format yaml " + quote(unscanned));
        assertNull(emptyYaml.errors(), emptyYaml.failure());
        assertTrue(emptyYaml.output(), emptyYaml.output().contains("history: []"));

        // a commit that changes a file of the clone pair and adds a third copy: the clones among the files it
        // reaches are detected again, the kept result stands for the rest, and the report is the cold scan's
        repo.write("src/B.java", "class B {\n    long add(int[] values) {\n        int total = 1;\n" + shared
                + "        return total;\n    }\n}\n")
                .write("src/C.java", "class C {\n    int more(int[] values) {\n        int total = 2;\n" + shared
                        + "        return total;\n    }\n}\n")
                .commit("a third copy", ANN, Instant.parse("2024-05-01T10:00:00Z"));
        String changedCold = report(gogo.execute("scan", "--format json --no-store " + quote(repo.dir())));
        String changed = report(gogo.execute("scan", "--format json " + quote(repo.dir())));
        assertEquals(changedCold, changed);
        assertEquals("one group of three copies", 3, JsonParser.parseString(changed).getAsJsonObject()
                .getAsJsonObject("sections").getAsJsonObject("metrics").getAsJsonArray("duplication").size());
    }

    /** The report without what differs between any two runs: timings and memory figures. */
    private static String report(Outcome outcome) {
        assertNull(outcome.errors(), outcome.failure());
        JsonObject report = JsonParser.parseString(outcome.output()).getAsJsonObject();
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
