package org.gstats.fleet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.gstats.api.report.Report;
import org.gstats.api.report.Table;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.config.api.ConfigException;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.internal.StandaloneConfiguration;
import org.gstats.store.internal.ChangeRows;
import org.gstats.store.internal.ScanStoreImpl;
import org.gstats.store.internal.schema.Tables;

/**
 * One repository in one Spark task: clone it when it is remote, find its head, skip it when the
 * head is the one stored last time, else resolve its configuration (the fleet's under its own
 * {@code .gstats.toml}), scan it with gstats into the fleet's store (or one of its own, an H2
 * file in the task's scratch folder) and read this scan's rows and report back from the store's tables.
 * Every failure is a {@link RepositoryResult.Status#FAILED FAILED} result, never an exception:
 * one bad repository does not fail the job. The scratch folder and the clone are deleted at the end.
 */
final class ScanTask implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String PROJECT_FILE = StandaloneConfiguration.PROJECT_FILE;

    private final long timeoutSeconds;
    private final FleetConfiguration configuration;
    private final FleetStore store;
    private final String reports;

    /**
     * @param timeoutSeconds longest a clone or a scan may take; the scan's thread is interrupted
     *                       then and the repository reported as timed out
     * @param configuration  the fleet's configuration, under each repository's own
     * @param store          the store every scan writes into, or null for a store of each task's own
     */
    ScanTask(long timeoutSeconds, FleetConfiguration configuration, FleetStore store) {
        this(timeoutSeconds, configuration, store, null);
    }

    private ScanTask(long timeoutSeconds, FleetConfiguration configuration, FleetStore store, String reports) {
        this.timeoutSeconds = timeoutSeconds;
        this.configuration = configuration;
        this.store = store;
        this.reports = reports;
    }

    /** Readies the fleet's store, when there is one, for the tasks (on the driver, before them). */
    void prepareStore() throws IOException {
        if (store != null) {
            store.prepare();
        }
    }

    /** The same task, writing each repository's report as {@code ID.json.gz} into {@code folder} (a path text). */
    ScanTask reportingTo(Path folder) {
        return new ScanTask(timeoutSeconds, configuration, store, folder.toAbsolutePath().toString());
    }

    RepositoryResult run(FleetRepository repository) {
        long started = System.nanoTime();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("gstats-fleet-");
        } catch (IOException e) {
            return RepositoryResult.failed(repository, null, 0, "scratch", "cannot create a scratch folder: "
                    + e.getMessage());
        }
        try {
            return scan(repository, scratch, started);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private RepositoryResult scan(FleetRepository repository, Path scratch, long started) {
        Path local = Path.of(repository.location());
        if (repository.remote()) {
            local = cloneFolder(repository);
            try (Git clone = Git.cloneRepository().setURI(repository.location()).setBare(true)
                    .setDirectory(local.toFile()).setTimeout((int) Math.min(Integer.MAX_VALUE, timeoutSeconds))
                    .call()) {
                // only the objects are wanted
            } catch (GitAPIException | RuntimeException e) {
                deleteQuietly(local);
                return RepositoryResult.failed(repository, null, elapsed(started), "clone",
                        "cannot clone " + repository.location() + ": " + oneLine(e));
            }
        }
        try {
            return scanLocal(repository, local, scratch, started);
        } finally {
            if (repository.remote()) {
                deleteQuietly(local);
            }
        }
    }

    private RepositoryResult scanLocal(FleetRepository repository, Path local, Path scratch, long started) {
        String head;
        Path project;
        try {
            head = head(local, repository.branch());
            project = projectFolder(local, head, scratch);
        } catch (IOException | RuntimeException e) {
            return RepositoryResult.failed(repository, null, elapsed(started), "open", oneLine(e));
        }
        if (head != null && head.equals(repository.previousHead())) {
            return RepositoryResult.unchanged(repository, head, elapsed(started));
        }
        ScanRequest request;
        PluginSelection plugins;
        try {
            EffectiveConfiguration resolved = configuration.resolve(project, scratch);
            request = FleetConfiguration.request(local, repository.branch(), resolved, storeSettings(scratch));
            plugins = FleetConfiguration.plugins(resolved);
        } catch (ConfigException | IOException | RuntimeException e) {
            return RepositoryResult.failed(repository, head, elapsed(started), "config", oneLine(e));
        }
        String storeUrl = String.valueOf(request.settings("store").get("url"));
        try {
            return scanInto(repository, request, plugins, head, started);
        } finally {
            if (store == null) {
                dropStore(storeUrl);
            }
        }
    }

    /**
     * The store the scan writes: the fleet's, or else an H2 file in the scratch folder (measured
     * faster than an in-memory H2 database: heap and GC, see docs/fleet.md).
     */
    private Map<String, Object> storeSettings(Path scratch) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", true);
        if (store == null) {
            settings.put("url", "jdbc:h2:file:" + scratch.resolve("store").toAbsolutePath());
        } else {
            settings.put("url", store.url());
            settings.put("user", store.user() == null ? "" : store.user());
            settings.put("password", store.password() == null ? "" : store.password());
        }
        return settings;
    }

    /**
     * Where a clone goes: the same folder for the same location in every run, because the store
     * knows a repository by its path, so that its scans follow each other in the store's history.
     */
    private static Path cloneFolder(FleetRepository repository) {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "gstats-fleet-clones", repository.id() + ".git");
        deleteQuietly(folder);
        return folder;
    }

    /**
     * The folder whose {@code .gstats.toml} is the repository's: its work tree, as for
     * {@code gstats scan}; for a bare repository, a folder in scratch holding the file as committed
     * at the head scanned.
     */
    private static Path projectFolder(Path local, String head, Path scratch) throws IOException {
        try (Git git = Git.open(local.toFile())) {
            if (!git.getRepository().isBare()) {
                return local;
            }
            Path project = Files.createDirectories(scratch.resolve("project"));
            if (head == null) {
                return project;
            }
            try (RevWalk walk = new RevWalk(git.getRepository());
                    TreeWalk file = TreeWalk.forPath(git.getRepository(), PROJECT_FILE,
                            walk.parseCommit(ObjectId.fromString(head)).getTree())) {
                if (file != null) {
                    Files.write(project.resolve(PROJECT_FILE), git.getRepository().open(file.getObjectId(0)).getBytes());
                }
            }
            return project;
        }
    }

    private RepositoryResult scanInto(FleetRepository repository, ScanRequest request, PluginSelection plugins,
            String head, long started) {
        Report report;
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "gstats-fleet-scan " + repository.id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Report> scan = runner.submit(() -> StandaloneGstats.engine().scan(request, plugins,
                    ProgressListener.NONE));
            report = scan.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return RepositoryResult.failed(repository, head, elapsed(started), "timeout",
                    "the scan took longer than " + timeoutSeconds + " s and was stopped");
        } catch (ExecutionException e) {
            return RepositoryResult.failed(repository, head, elapsed(started), "scan", oneLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RepositoryResult.failed(repository, head, elapsed(started), "scan", "interrupted");
        } finally {
            runner.shutdownNow();
        }
        String storeUrl = String.valueOf(request.settings("store").get("url"));
        try {
            Map<String, List<Row>> rows = new LinkedHashMap<>(storeRows(repository.id(), report, storeUrl));
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (FleetSchema.ReportTable wanted : FleetSchema.REPORT_TABLES) {
                reportTable(report, wanted).ifPresent(table -> {
                    columns.put(wanted.name(), table.columns());
                    rows.put(wanted.name(), textRows(repository.id(), table));
                });
            }
            return new RepositoryResult(repository, RepositoryResult.Status.SCANNED, report.header().head(),
                    elapsed(started), null, null, rows, columns);
        } catch (SQLException | IOException | RuntimeException e) {
            return RepositoryResult.failed(repository, head, elapsed(started), "tables",
                    "cannot read the scan's tables back: " + oneLine(e));
        }
    }

    /**
     * The report the store kept for the scan (gstats scan --format json's), gzip-compressed, for
     * the dashboard's picker; written under a temporary name and renamed, so the page never takes
     * half of one.
     */
    private static void writeReport(Path folder, String repositoryId, Connection connection, long scanId)
            throws IOException, SQLException {
        String json = ScanStoreImpl.keptReport(connection, scanId, true);
        if (json == null) {
            throw new IOException("the store kept no report of the scan");
        }
        Files.createDirectories(folder);
        Path partial = folder.resolve(repositoryId + FleetDashboard.REPORT_SUFFIX + ".partial");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        Files.move(partial, folder.resolve(repositoryId + FleetDashboard.REPORT_SUFFIX),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The commit the scan will start from; null for a repository without commits. */
    private static String head(Path local, String branch) throws IOException {
        try (Git git = Git.open(local.toFile())) {
            ObjectId id = git.getRepository().resolve((branch == null ? "HEAD" : branch) + "^{commit}");
            if (id == null && branch != null) {
                throw new IOException("no branch, tag or commit " + branch + " in " + local);
            }
            return id == null ? null : id.name();
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            throw new IOException("not a git repository: " + local);
        }
    }

    /**
     * The rows of this scan in every table of the store, each with the repository's id in front:
     * the scan's own rows, its repository's commits, and the file changes of those commits under
     * the scan's settings. Which filter a table takes follows from its key columns.
     */
    private Map<String, List<Row>> storeRows(String repositoryId, Report report, String storeUrl)
            throws SQLException, IOException {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        try (Connection connection = store == null ? DriverManager.getConnection(storeUrl)
                : DriverManager.getConnection(storeUrl, store.user(), store.password())) {
            long[] scan = storedScan(connection, report);
            // a scan records its changes as values: their rows of file_changes are added when read
            ChangeRows.expand(connection);
            if (reports != null) {
                writeReport(Path.of(reports), repositoryId, connection, scan[0]);
            }
            for (Tables.Table table : FleetSchema.storeTables()) {
                List<StructField> fields = List.of(FleetSchema.storeSchema(table).fields());
                String columns = table.columns().stream().map(Tables.Column::name).collect(Collectors.joining(", "));
                List<Row> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT " + columns + " FROM "
                        + table.name() + " WHERE " + filter(table))) {
                    select.setLong(1, has(table, "scan_id") ? scan[0] : has(table, "repository_id") ? scan[1] : scan[2]);
                    if (has(table, "commit_id") && has(table, "settings_id")) {
                        select.setLong(2, scan[1]);
                    }
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            Object[] values = new Object[fields.size()];
                            values[0] = repositoryId;
                            for (int i = 1; i < values.length; i++) {
                                values[i] = sparkValue(result.getObject(i), fields.get(i).dataType());
                            }
                            rows.add(RowFactory.create(values));
                        }
                    }
                }
                tables.put(table.name(), rows);
            }
        }
        return tables;
    }

    /** The first parameter is the scan, the repository or the settings; changes take the repository second. */
    private static String filter(Tables.Table table) {
        if (has(table, "scan_id")) {
            return "scan_id = ?";
        }
        if (has(table, "repository_id")) {
            return "repository_id = ?";
        }
        if (has(table, "commit_id")) {
            return "settings_id = ? AND commit_id IN (SELECT commit_id FROM commits WHERE repository_id = ?)";
        }
        return "settings_id = ?";
    }

    private static boolean has(Tables.Table table, String column) {
        return table.columns().stream().anyMatch(each -> each.name().equals(column));
    }

    /**
     * The ids of the scan the store recorded for this report: scan, repository, settings. The
     * engine only warns when the store cannot write, so a scan that is not there is a failure here.
     */
    private static long[] storedScan(Connection connection, Report report) throws SQLException, IOException {
        try (PreparedStatement select = connection.prepareStatement("SELECT s.scan_id, s.repository_id, "
                + "s.settings_id FROM scans s JOIN repositories r ON r.repository_id = s.repository_id "
                + "WHERE r.path = ? ORDER BY s.scan_id DESC")) {
            select.setString(1, report.header().repository());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IOException("the store did not record the scan of " + report.header().repository());
                }
                return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
            }
        }
    }

    /** Closes the task's store before its folder is deleted; a store never created needs nothing. */
    private static void dropStore(String storeUrl) {
        try (Connection connection = DriverManager.getConnection(storeUrl + ";IFEXISTS=TRUE");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // not there: nothing to free
        }
    }

    private static Object sparkValue(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        if (type.equals(DataTypes.LongType)) {
            return ((Number) value).longValue();
        }
        if (type.equals(DataTypes.IntegerType)) {
            return ((Number) value).intValue();
        }
        if (type.equals(DataTypes.DoubleType)) {
            return ((Number) value).doubleValue();
        }
        if (type.equals(DataTypes.TimestampType)) {
            return value instanceof OffsetDateTime time ? Timestamp.from(time.toInstant()) : value;
        }
        return value;
    }

    private static java.util.Optional<Table> reportTable(Report report, FleetSchema.ReportTable wanted) {
        return report.sections().stream().filter(section -> section.name().equals(wanted.section()))
                .map(section -> section.item(wanted.table())).flatMap(java.util.Optional::stream)
                .filter(Table.class::isInstance).map(Table.class::cast).findFirst();
    }

    private static List<Row> textRows(String repositoryId, Table table) {
        List<Row> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            Object[] values = new Object[row.size() + 1];
            values[0] = repositoryId;
            for (int i = 0; i < row.size(); i++) {
                values[i + 1] = row.get(i) == null ? null : String.valueOf(row.get(i));
            }
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** The failure as its message, without class names; its cause's when it has none. */
    static String oneLine(Throwable failure) {
        Throwable shown = failure;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? "failed without a message" : shown.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a scratch folder left behind is the system temp folder's to clean
        }
    }
}
