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
import java.util.Optional;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gstats.api.report.Report;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.store.ScanSummary;
import org.gstats.store.internal.Database;
import org.gstats.store.internal.ScanStoreImpl;
import org.gstats.store.internal.StoreLocation;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.HeadlessChromium;
import org.gstats.testkit.Numstat;
import org.gstats.testkit.PostgresServer;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The fleet on Spark {@code local[2]} in this JVM: three generated repositories and one path that
 * is none, under a fleet configuration and one repository's own. Every repository's tables are
 * held to git and to gstats' own scan of it under the same configuration, the fleet tables to the
 * sums, the broken path to a scan_errors row, the dashboard to a browser; reruns add no rows; the
 * store (H2, and a throwaway PostgreSQL) holds the scans as gstats scan --store would.
 */
public class FleetScanTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final GitRepo.Person ADA = new GitRepo.Person("Ada", "ada@example.org");
    private static final GitRepo.Person BOB = new GitRepo.Person("Bob", "Bob@Example.org");

    /** An instant and the author's zone: 10:00 on 1 February in +1400, 17:00 on 29 February in -1200, … */
    private static final String[][] ZONED = {{"2024-01-31T20:00:00Z", "+1400"}, {"2024-03-01T05:00:00Z", "-1200"},
            {"2024-04-30T18:30:00Z", "+0545"}};

    private static SparkSession spark;
    private static List<GitRepo> repos;
    private static Path broken;
    private static Path list;
    private static FleetConfiguration configuration;

    @BeforeClass
    public static void start() throws Exception {
        // a handful of rows per table: Spark's 200 shuffle partitions would be 200 tiny tasks per query
        spark = FleetMain.configure(SparkSession.builder()).master("local[2]")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        Path root = TEMP.newFolder("repos").toPath();
        repos = List.of(generated(root.resolve("alpha"), 6), generated(root.resolve("beta"), 3),
                generated(root.resolve("gamma"), 9));
        broken = root.resolve("no-such-repository");
        list = root.resolve("repos.txt");
        Files.writeString(list, "# the fleet\nalpha\nbeta main\n\ngamma\n" + broken + "\n");
        // alpha's own configuration leaves notes out; the fleet's turns rename detection off for all
        Files.writeString(repos.get(0).dir().resolve(".gstats.toml"), "[scanner]\nexclude = [\"notes/**\"]\n");
        Path fleetFile = Files.writeString(root.resolve("fleet.toml"), "[scanner]\nrenames = false\n");
        List<String> warnings = new java.util.ArrayList<>();
        configuration = FleetConfiguration.of(fleetFile, warnings);
        assertEquals(List.of(), warnings);
    }

    /** What {@code git log --numstat} takes for the repository's configuration: no renames, alpha without notes. */
    private static String[] gitArguments(GitRepo repo) {
        return repo == repos.get(0) ? new String[] {"--no-renames", "--", ".", ":(exclude,glob)notes/**"}
                : new String[] {"--no-renames"};
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
        // authors far from UTC at month ends: their month is another on their own clock than in UTC
        for (String[] zoned : ZONED) {
            repo.write("src/Zone" + zoned[1].substring(1) + ".java", "class Zone {}\n");
            String line = "Ada <ada@example.org> " + Instant.parse(zoned[0]).getEpochSecond() + " " + zoned[1];
            repo.commitRaw("in zone " + zoned[1], line, line);
        }
        return repo;
    }

    @Test
    public void everyRepositoryIsHeldToGitAndTheFleetToTheSumsAndRerunsAddNothing() throws Exception {
        Path out = TEMP.newFolder("out").toPath();
        String database = "jdbc:h2:file:" + TEMP.newFolder("database").toPath().resolve("store");
        ScanTask task = new ScanTask(120, configuration, FleetStore.of(database, null, null, 120));
        List<FleetRepository> listed = RepositoryList.read(list);
        FleetMain.Summary first = FleetMain.scan(spark, listed, out, FleetOutput.Format.PARQUET, task);
        assertEquals(3, first.scanned());
        assertEquals(1, first.failed());

        for (GitRepo repo : repos) {
            String id = FleetRepository.idOf(repo.dir().toString());
            // commits and file changes: as git log --numstat counts them under the repository's configuration
            Map<String, List<Numstat.Entry>> git = Numstat.log(repo, gitArguments(repo));
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
            Report own = StandaloneGstats.engine().scan(FleetConfiguration.request(repo.dir(), null,
                    configuration.resolve(repo.dir(), TEMP.newFolder().toPath()), Map.of("enabled", false)),
                    ProgressListener.NONE);
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
        // activity by month on each author's clock, as git log --date=format:%Y-%m counts them
        Map<String, Long> months = new TreeMap<>();
        for (GitRepo repo : repos) {
            List<String> arguments = new java.util.ArrayList<>(List.of("log", "--date=format:%Y-%m", "--format=%ad"));
            arguments.addAll(List.of(gitArguments(repo)));
            repo.git(arguments.toArray(String[]::new)).lines().forEach(month -> months.merge(month, 1L, Long::sum));
        }
        Map<String, Long> activity = new TreeMap<>();
        fleet(out, "activity").collectAsList().forEach(row -> activity.put(row.getString(0), row.getLong(1)));
        assertEquals(months, activity);
        assertEquals(commits, months.values().stream().mapToLong(Long::longValue).sum());
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

        dashboardShowsTheFleetAndEachRepository(out);

        // a rerun: every head as stored, nothing scanned, nothing written twice
        Map<String, Long> before = rowCounts(out);
        FleetMain.Summary second = FleetMain.scan(spark, RepositoryList.read(list), out, FleetOutput.Format.PARQUET, task);
        assertEquals(0, second.scanned());
        assertEquals(3, second.unchanged());
        assertEquals(before, rowCounts(out));

        // a new commit in one repository: only its rows are replaced, none doubled
        GitRepo alpha = repos.get(0);
        alpha.write("src/Extra.java", "class Extra {}\n").commit("one more", ADA);
        FleetMain.Summary third = FleetMain.scan(spark, RepositoryList.read(list), out, FleetOutput.Format.PARQUET, task);
        assertEquals(1, third.scanned());
        String alphaId = FleetRepository.idOf(alpha.dir().toString());
        assertEquals(Numstat.log(alpha, gitArguments(alpha)).size(), table(out, "commits")
                .where("repository = '" + alphaId + "'").count());
        assertEquals(table(out, "commits").count(), table(out, "commits")
                .selectExpr("repository", "commit_id").distinct().count());
        assertEquals(before.get("commits") + 1, (long) rowCounts(out).get("commits"));

        // the store holds every scan, as gstats scan --store would have recorded it: alpha twice, the others once
        try (Connection connection = DriverManager.getConnection(database);
                Statement statement = connection.createStatement()) {
            for (String table : List.of("commits", "file_changes")) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    assertEquals(table, table(out, table).count(), rows.getLong(1));
                }
            }
        }
        Database store = Database.of(new StoreLocation(database, null, null),
                driver -> new org.h2.util.OsgiDataSourceFactory(new org.h2.Driver()));
        List<ScanSummary> history = ScanStoreImpl.history(store, alpha.dir());
        assertEquals(2, history.size());
        assertEquals(alpha.git("rev-parse", "HEAD").strip(), history.get(1).headId());
        assertEquals(1, ScanStoreImpl.history(store, repos.get(1).dir()).size());

        // the store keeps each repository's latest report, as gstats scan --store does (gstats serve shows it)
        try (Connection connection = DriverManager.getConnection(database)) {
            for (GitRepo repo : repos) {
                String id = FleetRepository.idOf(repo.dir().toString());
                List<String> reports = new java.util.ArrayList<>();
                try (var select = connection.prepareStatement("SELECT r.json FROM reports r JOIN scans s "
                        + "ON s.scan_id = r.scan_id JOIN repositories p ON p.repository_id = s.repository_id "
                        + "WHERE p.path = ?")) {
                    select.setString(1, repo.dir().toAbsolutePath().normalize().toString());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            reports.add(rows.getString(1));
                        }
                    }
                }
                assertEquals(id, 1, reports.size());
                JsonObject stored = JsonParser.parseString(reports.get(0)).getAsJsonObject();
                assertEquals(id, repo.git("rev-parse", "HEAD").strip(),
                        stored.getAsJsonObject("gstats").get("head").getAsString());
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out.resolve(FleetDashboard.REPORTS)
                        .resolve(id + FleetDashboard.REPORT_SUFFIX)))) {
                    assertEquals(id, JsonParser.parseString(new String(in.readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8)), stored);
                }
            }
        }
    }

    /**
     * --format iceberg: the same rows as the Parquet run, in Iceberg tables that any Iceberg reader
     * opens by path; a rerun adds nothing; the other format on the same folder is refused.
     */
    @Test
    public void icebergTablesHoldTheRowsOfTheParquetRun() throws Exception {
        Path parquet = TEMP.newFolder("parquet-out").toPath();
        Path iceberg = TEMP.newFolder("iceberg-out").toPath();
        ScanTask task = new ScanTask(120, configuration, null);
        FleetMain.Summary parquetRun = FleetMain.scan(spark, RepositoryList.read(list), parquet,
                FleetOutput.Format.PARQUET, task);
        FleetMain.Summary icebergRun = FleetMain.scan(spark, RepositoryList.read(list), iceberg,
                FleetOutput.Format.ICEBERG, task);
        assertEquals(3, icebergRun.scanned());
        assertEquals(parquetRun.failed(), icebergRun.failed());

        List<String> tables = new java.util.ArrayList<>(FleetSchema.storeTables().stream().map(t -> t.name()).toList());
        FleetSchema.REPORT_TABLES.forEach(table -> tables.add(table.name()));
        tables.add(FleetSchema.SCAN_ERRORS);
        Map<String, Long> counts = new HashMap<>();
        for (String name : tables) {
            org.apache.spark.sql.Dataset<Row> expected = table(parquet, name);
            String[] columns = java.util.Arrays.stream(expected.columns())
                    .filter(column -> !VARYING.contains(name + "." + column)).toArray(String[]::new);
            org.apache.spark.sql.Dataset<Row> actual = iceberg(iceberg.resolve(FleetOutput.TABLES).resolve(name));
            assertEquals(name, sortedRows(expected.selectExpr(columns)), sortedRows(actual.selectExpr(columns)));
            counts.put(name, actual.count());
        }
        for (FleetTables.FleetQuery query : FleetTables.QUERIES) {
            assertEquals(query.name(), sortedRows(fleet(parquet, query.name())),
                    sortedRows(iceberg(iceberg.resolve(FleetOutput.FLEET).resolve(query.name()))));
        }

        FleetMain.Summary rerun = FleetMain.scan(spark, RepositoryList.read(list), iceberg,
                FleetOutput.Format.ICEBERG, task);
        assertEquals(0, rerun.scanned());
        for (String name : tables) {
            assertEquals(name, counts.get(name),
                    (Long) iceberg(iceberg.resolve(FleetOutput.TABLES).resolve(name)).count());
        }
        try {
            FleetMain.scan(spark, RepositoryList.read(list), iceberg, FleetOutput.Format.PARQUET, task);
            org.junit.Assert.fail("Parquet written over Iceberg tables");
        } catch (FleetException e) {
            assertEquals(iceberg + " holds the fleet's tables as iceberg: use --format iceberg, or another --out",
                    e.getMessage());
        }
    }

    /** The columns that differ between two runs of the same scans: when they ran and how long they took. */
    private static final java.util.Set<String> VARYING = java.util.Set.of("scans.started", "scans.duration_ms",
            "scan_errors.at");

    /**
     * An Iceberg table as a user reads it (docs/fleet.md): a Hadoop catalog of their own whose
     * warehouse is the fleet's folder, the table named by its folders.
     */
    private static org.apache.spark.sql.Dataset<Row> iceberg(Path table) {
        Path warehouse = table.getParent().getParent();
        String catalog = "readback_" + Integer.toHexString(warehouse.hashCode());
        spark.conf().set("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog." + catalog + ".type", "hadoop");
        spark.conf().set("spark.sql.catalog." + catalog + ".warehouse", warehouse.toUri().toString());
        return spark.table(catalog + "." + table.getParent().getFileName() + "." + table.getFileName());
    }

    private static List<String> sortedRows(org.apache.spark.sql.Dataset<Row> frame) {
        return frame.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /**
     * fleet-report.html in headless Chromium: the fleet's view first, with its charts and tables,
     * then each repository's own dashboard through the picker; no console error, no request.
     * Skipped, saying so, where Chromium is not installed.
     */
    private static void dashboardShowsTheFleetAndEachRepository(Path out) throws Exception {
        Optional<Path> executable = HeadlessChromium.find();
        if (executable.isEmpty()) {
            System.err.println("SKIPPED the fleet dashboard check: Chromium is not installed (apt-get install chromium)");
            return;
        }
        try (HeadlessChromium chromium = new HeadlessChromium(executable.get());
                HeadlessChromium.Page page = chromium.open(out.resolve(FleetDashboard.FILE).toUri())) {
            page.waitFor("document.body.dataset.rendered === 'true'");
            assertEquals("fleet", page.evaluate("document.body.dataset.shown").getAsString());
            List<String> choices = new java.util.ArrayList<>();
            page.evaluate("[...document.querySelectorAll('#gstats-picker option')].map(o => o.textContent)")
                    .getAsJsonArray().forEach(choice -> choices.add(choice.getAsString()));
            List<String> expected = new java.util.ArrayList<>(List.of("fleet"));
            RepositoryList.read(list).stream().map(FleetRepository::id)
                    .filter(id -> !id.equals(FleetRepository.idOf(broken.toString()))).forEach(expected::add);
            assertEquals(expected.stream().sorted().toList(), choices.stream().sorted().toList());
            // the fleet's charts are drawn, and its repositories table lists every repository, the broken one too
            page.evaluate("document.querySelector('.tab[data-view=\"plugins\"]').click()");
            assertTrue(page.evaluate("document.querySelectorAll('.view[data-view=\"plugins\"] .chart-area canvas')"
                    + ".length").getAsInt() >= 4);
            page.evaluate("document.querySelector('.tab[data-view=\"data\"]').click()");
            assertTrue(page.evaluate("Boolean(document.querySelector('[data-item=\"fleet.authors\"]'))")
                    .getAsBoolean());
            for (GitRepo repo : repos) {
                String id = FleetRepository.idOf(repo.dir().toString());
                page.evaluate("(() => { const picker = document.getElementById('gstats-picker');"
                        + " picker.value = [...picker.options].find(o => o.textContent === '" + id + "').value;"
                        + " picker.dispatchEvent(new Event('change')); })()");
                page.waitFor("document.body.dataset.shown === '" + id + "' && document.body.dataset.rendered === 'true'");
                assertEquals(repo.dir().getFileName().toString(),
                        page.evaluate("document.querySelector('header h1').textContent").getAsString());
            }
            assertEquals(List.of(), page.problems());
            assertEquals(List.of(out.resolve(FleetDashboard.FILE).toUri().toString()), page.requests());
        }
    }

    @Test
    public void intoThePostgreSqlStoreAsGstatsScanWouldWriteIt() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            String url = server.newDatabase("fleet");
            Path out = TEMP.newFolder("pg-out").toPath();
            Path two = Files.writeString(TEMP.newFolder("pg").toPath().resolve("repos.txt"),
                    repos.get(1).dir() + "\n" + repos.get(2).dir() + "\n");
            FleetMain.Summary summary = FleetMain.scan(spark, RepositoryList.read(two), out, FleetOutput.Format.PARQUET, new ScanTask(120,
                    FleetConfiguration.none(), FleetStore.of(url, PostgresServer.USER, PostgresServer.PASSWORD, 120)));
            assertEquals(2, summary.scanned());
            Database store = Database.of(new StoreLocation(url, PostgresServer.USER, PostgresServer.PASSWORD),
                    driver -> new org.postgresql.osgi.PGDataSourceFactory());
            for (GitRepo repo : repos.subList(1, 3)) {
                List<ScanSummary> history = ScanStoreImpl.history(store, repo.dir());
                assertEquals(1, history.size());
                assertEquals(repo.git("rev-parse", "HEAD").strip(), history.get(0).headId());
                assertEquals(Long.parseLong(repo.git("rev-list", "--count", "HEAD").strip()), history.get(0).commits());
                // the Parquet rows are the store's, ids included
                assertEquals(history.get(0).scanId(), table(out, "scans").where("repository = '"
                        + FleetRepository.idOf(repo.dir().toString()) + "'").first().<Long>getAs("scan_id").longValue());
            }
        }
    }

    private static org.apache.spark.sql.Dataset<Row> table(Path out, String name) {
        org.apache.spark.sql.Dataset<Row> frame = spark.read().parquet(out.resolve(FleetOutput.TABLES).resolve(name)
                .toString());
        frame.createOrReplaceTempView(name);
        return frame;
    }

    private static org.apache.spark.sql.Dataset<Row> fleet(Path out, String name) {
        return spark.read().parquet(out.resolve(FleetOutput.FLEET).resolve(name).toString());
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
