package org.gstats.fleet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gstats.api.report.Report;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.Numstat;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The fleet on Spark {@code local[2]} in this JVM: three generated repositories and one path that
 * is none. Every repository's tables are held to git and to gstats' own scan of it, the fleet
 * tables to the sums, the broken path to a scan_errors row; reruns add no rows.
 */
public class FleetScanTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final GitRepo.Person ADA = new GitRepo.Person("Ada", "ada@example.org");
    private static final GitRepo.Person BOB = new GitRepo.Person("Bob", "Bob@Example.org");

    private static SparkSession spark;
    private static List<GitRepo> repos;
    private static Path broken;
    private static Path list;

    @BeforeClass
    public static void start() throws IOException {
        // a handful of rows per table: Spark's 200 shuffle partitions would be 200 tiny tasks per query
        spark = FleetMain.configure(SparkSession.builder()).master("local[2]")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        Path root = TEMP.newFolder("repos").toPath();
        repos = List.of(generated(root.resolve("alpha"), 6), generated(root.resolve("beta"), 3),
                generated(root.resolve("gamma"), 9));
        broken = root.resolve("no-such-repository");
        list = root.resolve("repos.txt");
        Files.writeString(list, "# the fleet\nalpha\nbeta main\n\ngamma\n" + broken + "\n");
    }

    @AfterClass
    public static void stop() throws IOException {
        spark.close();
    }

    /** {@code commits} commits by two authors, Java sources that change, a rename. */
    private static GitRepo generated(Path dir, int commits) {
        GitRepo repo = GitRepo.init(dir);
        for (int i = 0; i < commits; i++) {
            StringBuilder body = new StringBuilder("class " + dir.getFileName() + " {\n");
            for (int j = 0; j <= i; j++) {
                body.append("  int f").append(j).append("(int x) { if (x > ").append(j).append(") { return x; } return ")
                        .append(j).append("; }\n");
            }
            repo.write("src/Main.java", body.append("}\n").toString());
            repo.write("notes/n" + (i % 3) + ".txt", "note " + i + "\n".repeat(i + 1));
            if (i == commits / 2) {
                repo.move("notes/n0.txt", "notes/renamed.txt");
            }
            repo.commit("change " + i, i % 2 == 0 ? ADA : BOB);
        }
        return repo;
    }

    @Test
    public void everyRepositoryIsHeldToGitAndTheFleetToTheSumsAndRerunsAddNothing() throws Exception {
        Path out = TEMP.newFolder("out").toPath();
        String database = "jdbc:h2:file:" + TEMP.newFolder("database").toPath().resolve("fleet");
        FleetJdbc jdbc = new FleetJdbc(database, null, null);
        List<FleetRepository> listed = RepositoryList.read(list);
        FleetMain.Summary first = FleetMain.scan(spark, listed, out, 120, jdbc);
        assertEquals(3, first.scanned());
        assertEquals(1, first.failed());

        for (GitRepo repo : repos) {
            String id = FleetRepository.idOf(repo.dir().toString());
            // commits and file changes: as git log --numstat -M counts them
            Map<String, List<Numstat.Entry>> git = Numstat.log(repo, "-M");
            Map<String, Long> gitLines = new TreeMap<>();
            git.forEach((commit, entries) -> entries.forEach(entry -> gitLines.put(commit + " " + entry.path(),
                    (long) entry.insertions() * 1_000_000 + entry.deletions())));
            Map<String, Long> fleetLines = new TreeMap<>();
            for (Row row : table(out, "file_changes").where("commit_id IN (SELECT commit_id FROM commits "
                    + "WHERE repository = '" + id + "') AND repository = '" + id + "'")
                    .selectExpr("commit_id", "path", "insertions", "deletions").collectAsList()) {
                fleetLines.put(row.getString(0) + " " + row.getString(1),
                        (long) row.getInt(2) * 1_000_000 + row.getInt(3));
            }
            assertEquals(id, gitLines, fleetLines);
            assertEquals(git.size(), table(out, "commits").where("repository = '" + id + "'").count());
            Row scan = table(out, "scans").where("repository = '" + id + "'").selectExpr("head_id", "commits")
                    .first();
            assertEquals(repo.git("rev-parse", "HEAD").strip(), scan.getString(0));
            assertEquals(git.size(), scan.getLong(1));

            // the metrics tables: as gstats' own scan of the repository reports them
            Report own = StandaloneGstats.engine().scan(ScanRequest.builder(repo.dir())
                    .settings("store", Map.of("enabled", false)).build(), ProgressListener.NONE);
            assertEquals(id, reportRows(own, "hotspots", "path", "rank", "revisions", "complexity", "churn"),
                    table(out, "hotspots").where("repository = '" + id + "'")
                            .selectExpr("path", "rank", "revisions", "complexity", "churn").orderBy("rank")
                            .collectAsList().stream().map(Row::toString).toList());
            assertEquals(id, reportRows(own, "languages", "language", "files", "code_lines"),
                    table(out, "languages").where("repository = '" + id + "'")
                            .selectExpr("language", "files", "code_lines").collectAsList().stream()
                            .map(Row::toString).sorted().toList());
        }

        // fleet tables: the sums over the repositories, as git shortlog counts authors
        Map<String, Long> shortlog = new TreeMap<>();
        for (GitRepo repo : repos) {
            for (String line : repo.git("shortlog", "-sne", "HEAD").strip().split("\n")) {
                String[] parts = line.strip().split("\t");
                String email = parts[1].substring(parts[1].indexOf('<') + 1, parts[1].indexOf('>')).toLowerCase();
                shortlog.merge(email, Long.parseLong(parts[0].strip()), Long::sum);
            }
        }
        Map<String, Long> authors = new TreeMap<>();
        fleet(out, "authors").collectAsList().forEach(row -> authors.put(row.getString(0), row.getLong(3)));
        assertEquals(shortlog, authors);
        long commits = shortlog.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(commits, (long) fleet(out, "activity").selectExpr("sum(commits)").first().getLong(0));
        assertEquals(table(out, "hotspots").count(), Math.min(FleetTables.TOP_HOTSPOTS,
                fleet(out, "hotspots").count()));
        assertEquals(3, fleet(out, "debt").count());

        // the broken path: one scan_errors row and a report entry
        List<Row> errors = table(out, "scan_errors").collectAsList();
        assertEquals(1, errors.size());
        assertEquals(broken.toString(), errors.get(0).getAs("location"));
        JsonObject report = JsonParser.parseString(Files.readString(out.resolve(FleetReport.FILE)))
                .getAsJsonObject();
        assertEquals(1, report.getAsJsonObject("totals").get("failed").getAsInt());
        assertEquals(commits, report.getAsJsonObject("totals").get("commits").getAsLong());

        // a rerun: every head as stored, nothing scanned, nothing written twice
        Map<String, Long> before = rowCounts(out);
        FleetMain.Summary second = FleetMain.scan(spark, RepositoryList.read(list), out, 120, jdbc);
        assertEquals(0, second.scanned());
        assertEquals(3, second.unchanged());
        assertEquals(before, rowCounts(out));

        // a new commit in one repository: only its rows are replaced, none doubled
        GitRepo alpha = repos.get(0);
        alpha.write("src/Extra.java", "class Extra {}\n").commit("one more", ADA);
        FleetMain.Summary third = FleetMain.scan(spark, RepositoryList.read(list), out, 120, jdbc);
        assertEquals(1, third.scanned());
        String alphaId = FleetRepository.idOf(alpha.dir().toString());
        assertEquals(Numstat.log(alpha).size(), table(out, "commits").where("repository = '" + alphaId + "'")
                .count());
        assertEquals(table(out, "commits").count(), table(out, "commits")
                .selectExpr("repository", "commit_id").distinct().count());
        assertEquals(before.get("commits") + 1, (long) rowCounts(out).get("commits"));

        // the database holds the same rows: the rescanned repository's replaced, none twice
        try (Connection connection = DriverManager.getConnection(database);
                Statement statement = connection.createStatement()) {
            for (String table : List.of("commits", "file_changes", "hotspots")) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + FleetJdbc.PREFIX + table)) {
                    rows.next();
                    assertEquals(table, table(out, table).count(), rows.getLong(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + FleetJdbc.PREFIX
                    + FleetSchema.SCAN_ERRORS)) {
                rows.next();
                assertEquals(1, rows.getLong(1));
            }
        }
    }

    private static org.apache.spark.sql.Dataset<Row> table(Path out, String name) {
        org.apache.spark.sql.Dataset<Row> frame = spark.read().parquet(out.resolve(FleetJob.TABLES).resolve(name)
                .toString());
        frame.createOrReplaceTempView(name);
        return frame;
    }

    private static org.apache.spark.sql.Dataset<Row> fleet(Path out, String name) {
        return spark.read().parquet(out.resolve(FleetTables.FLEET).resolve(name).toString());
    }

    private static Map<String, Long> rowCounts(Path out) {
        Map<String, Long> counts = new HashMap<>();
        for (var table : FleetSchema.storeTables()) {
            counts.put(table.name(), table(out, table.name()).count());
        }
        return counts;
    }

    /** A report table's columns as Spark prints a row of them, in the report's order. */
    private static List<String> reportRows(Report report, String name, String... columns) {
        Table table = report.sections().stream().filter(section -> section.name().equals("metrics"))
                .map(section -> section.item(name)).flatMap(java.util.Optional::stream).map(Table.class::cast)
                .findFirst().orElseThrow();
        List<String> rows = table.rows().stream().map(row -> {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < columns.length; i++) {
                text.append(i == 0 ? "" : ",").append(row.get(table.columns().indexOf(columns[i])));
            }
            return text.append("]").toString();
        }).toList();
        return name.equals("languages") ? rows.stream().sorted().toList() : rows;
    }
}
