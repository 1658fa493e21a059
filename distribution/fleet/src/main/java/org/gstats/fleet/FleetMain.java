package org.gstats.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code gstats-fleet scan --repos FILE --out DIR [--format parquet|iceberg] [--master URL]
 * [--timeout SECONDS] [--config FILE] [--store URL]}: the same
 * main class runs embedded ({@code local[*]} unless {@code --master} says otherwise) and under
 * {@code spark-submit}, whose {@code --master} it then keeps. Exit 0 when the job ran (failed
 * repositories are in the report), 1 when it could not run, 2 for bad usage.
 */
public final class FleetMain {

    static final String USAGE = "usage: gstats-fleet scan --repos FILE --out DIR [--format parquet|iceberg]"
            + " [--master URL] [--timeout SECONDS] [--config FILE] [--store URL] [--verbose]";

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    /**
     * The fleet tables are small (a row per author, language, month or repository): Spark's
     * default of 200 shuffle partitions makes each query 200 tiny tasks, which took most of a
     * small fleet's wall time (docs/fleet.md). {@code --conf} of spark-submit still sets it.
     */
    private static final int FLEET_SHUFFLE_PARTITIONS = 8;

    /** Longest a repository's clone or scan may take by default. */
    static final long DEFAULT_TIMEOUT_SECONDS = 3600;

    private FleetMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        FleetOptions options;
        try {
            options = FleetOptions.parse(args);
        } catch (FleetException e) {
            System.err.println("gstats-fleet: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            List<FleetRepository> repositories = RepositoryList.read(options.repos());
            List<String> warnings = new ArrayList<>();
            FleetConfiguration configuration = options.config() == null ? FleetConfiguration.none()
                    : FleetConfiguration.of(options.config(), warnings);
            warnings.forEach(warning -> System.err.println("gstats-fleet: " + warning));
            FleetStore store = options.store() == null ? null : FleetStore.of(options.store(),
                    System.getenv("GSTATS_STORE_USER"), System.getenv("GSTATS_STORE_PASSWORD"),
                    options.timeoutSeconds());
            Files.createDirectories(options.out());
            try (SparkSession spark = session(options.master())) {
                Summary summary = scan(spark, repositories, options.out(), options.format(),
                        new ScanTask(options.timeoutSeconds(), configuration, store));
                System.out.println(summary.line());
            }
            return 0;
        } catch (FleetException e) {
            System.err.println("gstats-fleet: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            System.err.println("gstats-fleet: the fleet scan failed: " + ScanTask.oneLine(e));
            if (options.verbose()) {
                e.printStackTrace();
            }
            return 1;
        }
    }

    /** What a run did, in one line for the terminal. */
    record Summary(int scanned, int unchanged, int failed, Path report) {
        String line() {
            return scanned + " scanned, " + unchanged + " unchanged, " + failed + " failed; report: " + report;
        }
    }

    /** The whole run on a session the caller owns: tasks, tables, fleet tables, report and dashboard. */
    static Summary scan(SparkSession spark, List<FleetRepository> repositories, Path out, FleetOutput.Format format,
            ScanTask task) throws IOException, FleetException {
        FleetOutput output = FleetOutput.open(spark, out, format);
        task.prepareStore();
        FleetJob job = new FleetJob(spark, output, task.reportingTo(out.resolve(FleetDashboard.REPORTS)));
        List<RepositoryResult> results = job.run(repositories);
        List<String> fleetTables = FleetTables.write(spark, output);
        Path report = FleetReport.write(spark, results, fleetTables, out);
        FleetDashboard.write(output, results, fleetTables, out);
        return new Summary(count(results, RepositoryResult.Status.SCANNED),
                count(results, RepositoryResult.Status.UNCHANGED), count(results, RepositoryResult.Status.FAILED),
                report);
    }

    private static int count(List<RepositoryResult> results, RepositoryResult.Status status) {
        return (int) results.stream().filter(result -> result.status() == status).count();
    }

    /**
     * The settings the fleet depends on: no speculative second attempt of a task (it would scan
     * and write twice), and overwriting only the partitions of the repositories written.
     */
    static SparkSession.Builder configure(SparkSession.Builder builder) {
        return builder.appName("gstats-fleet").config("spark.speculation", "false")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false");
    }

    private static SparkSession session(String master) {
        SparkConf given = new SparkConf();
        SparkSession.Builder builder = configure(SparkSession.builder());
        if (master != null) {
            builder.master(master);
        } else if (!given.contains("spark.master")) {
            builder.master("local[*]");
        }
        if (!given.contains(SHUFFLE_PARTITIONS)) {
            builder.config(SHUFFLE_PARTITIONS, String.valueOf(FLEET_SHUFFLE_PARTITIONS));
        }
        return builder.getOrCreate();
    }
}
