package org.gstats.fleet;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.gstats.api.report.Report;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.store.internal.schema.Tables;

/**
 * One repository in one Spark task: clone it when it is remote, find its head, skip it when the
 * head is the one stored last time, else scan it with gstats into a store of its own (an H2
 * file in the task's scratch folder) and read the store's tables back as rows. Every failure is
 * a {@link RepositoryResult.Status#FAILED FAILED} result, never an exception: one bad repository
 * does not fail the job. The scratch folder, clone included, is deleted at the end.
 */
final class ScanTask implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long timeoutSeconds;

    /**
     * @param timeoutSeconds longest a clone or a scan may take; the scan's thread is interrupted
     *                       then and the repository reported as timed out
     */
    ScanTask(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
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
            local = scratch.resolve("clone.git");
            try (Git clone = Git.cloneRepository().setURI(repository.location()).setBare(true)
                    .setDirectory(local.toFile()).setTimeout((int) Math.min(Integer.MAX_VALUE, timeoutSeconds))
                    .call()) {
                // only the objects are wanted
            } catch (GitAPIException | RuntimeException e) {
                return RepositoryResult.failed(repository, null, elapsed(started), "clone",
                        "cannot clone " + repository.location() + ": " + oneLine(e));
            }
        }
        String head;
        try {
            head = head(local, repository.branch());
        } catch (IOException | RuntimeException e) {
            return RepositoryResult.failed(repository, null, elapsed(started), "open", oneLine(e));
        }
        if (head != null && head.equals(repository.previousHead())) {
            return RepositoryResult.unchanged(repository, head, elapsed(started));
        }
        // a file in the scratch folder: measured faster than an in-memory H2 database (heap and GC), see docs/fleet.md
        String storeUrl = "jdbc:h2:file:" + scratch.resolve("store").toAbsolutePath();
        try {
            return scanInto(repository, local, head, storeUrl, started);
        } finally {
            dropStore(storeUrl);
        }
    }

    private RepositoryResult scanInto(FleetRepository repository, Path local, String head, String storeUrl,
            long started) {
        ScanRequest request = ScanRequest.builder(local).branch(repository.branch())
                .settings("store", Map.of("url", storeUrl)).build();
        Report report;
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "gstats-fleet-scan " + repository.id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Report> scan = runner.submit(() -> StandaloneGstats.engine().scan(request, ProgressListener.NONE));
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
        try {
            Map<String, List<Row>> rows = new LinkedHashMap<>(storeRows(repository.id(), storeUrl));
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (FleetSchema.ReportTable wanted : FleetSchema.REPORT_TABLES) {
                reportTable(report, wanted).ifPresent(table -> {
                    columns.put(wanted.name(), table.columns());
                    rows.put(wanted.name(), textRows(repository.id(), table));
                });
            }
            return new RepositoryResult(repository, RepositoryResult.Status.SCANNED, report.header().head(),
                    elapsed(started), null, null, rows, columns);
        } catch (SQLException | RuntimeException e) {
            return RepositoryResult.failed(repository, head, elapsed(started), "tables",
                    "cannot read the scan's tables back: " + oneLine(e));
        }
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

    /** Every table of the store, each row with the repository's id in front. */
    private static Map<String, List<Row>> storeRows(String repositoryId, String storeUrl) throws SQLException {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(storeUrl);
                Statement statement = connection.createStatement()) {
            for (Tables.Table table : FleetSchema.storeTables()) {
                List<StructField> fields = List.of(FleetSchema.storeSchema(table).fields());
                String columns = table.columns().stream().map(Tables.Column::name).collect(Collectors.joining(", "));
                List<Row> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT " + columns + " FROM " + table.name())) {
                    while (result.next()) {
                        Object[] values = new Object[fields.size()];
                        values[0] = repositoryId;
                        for (int i = 1; i < values.length; i++) {
                            values[i] = sparkValue(result.getObject(i), fields.get(i).dataType());
                        }
                        rows.add(RowFactory.create(values));
                    }
                }
                tables.put(table.name(), rows);
            }
        }
        return tables;
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
