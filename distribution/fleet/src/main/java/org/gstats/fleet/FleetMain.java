package org.gstats.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code gstats-fleet scan --repos FILE --out DIR [--master URL] [--timeout SECONDS]}: the same
 * main class runs embedded ({@code local[*]} unless {@code --master} says otherwise) and under
 * {@code spark-submit}, whose {@code --master} it then keeps. Exit 0 when the job ran (failed
 * repositories are in the report), 1 when it could not run, 2 for bad usage.
 */
public final class FleetMain {

    static final String USAGE = "usage: gstats-fleet scan --repos FILE --out DIR [--master URL] [--timeout SECONDS]"
            + " [--jdbc URL] [--verbose]";

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
            Files.createDirectories(options.out());
            try (SparkSession spark = session(options.master())) {
                FleetJdbc jdbc = options.jdbc() == null ? null : new FleetJdbc(options.jdbc(),
                        System.getenv("GSTATS_STORE_USER"), System.getenv("GSTATS_STORE_PASSWORD"));
                Summary summary = scan(spark, repositories, options.out(), options.timeoutSeconds(), jdbc);
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

    /**
     * The whole run on a session the caller owns: tasks, tables, fleet tables, the database when
     * {@code jdbc} is not null, report.
     */
    static Summary scan(SparkSession spark, List<FleetRepository> repositories, Path out, long timeoutSeconds,
            FleetJdbc jdbc) throws IOException {
        FleetJob job = new FleetJob(spark, out, timeoutSeconds);
        List<RepositoryResult> results = job.run(repositories);
        List<String> fleetTables = FleetTables.write(spark, job, out);
        if (jdbc != null) {
            jdbc.write(spark, job, results.stream().filter(result -> result.status() == RepositoryResult.Status.SCANNED)
                    .map(result -> result.repository().id()).toList(), fleetTables, out);
        }
        Path report = FleetReport.write(spark, results, fleetTables, out);
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
        return builder.getOrCreate();
    }
}
