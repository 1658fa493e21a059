package org.gstats.fleet;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.gstats.store.internal.schema.Tables;

/**
 * The driver's side of a fleet scan: one repository per Spark task (largest first), the store's
 * tables of every scanned repository written to the output ({@code OUT/tables/TABLE/}),
 * partitioned by repository, replacing only the partitions of the repositories scanned in this
 * run (so a rerun writes no duplicate rows and leaves unchanged repositories as they were).
 */
final class FleetJob {

    private final SparkSession spark;
    private final FleetOutput output;
    private final ScanTask task;

    FleetJob(SparkSession spark, FleetOutput output, ScanTask task) {
        this.spark = spark;
        this.output = output;
        this.task = task;
    }

    /** Scans, writes, and returns the results in the order the repositories were listed (largest first). */
    List<RepositoryResult> run(List<FleetRepository> listed) {
        Map<String, String> stored = storedHeads();
        List<FleetRepository> repositories = listed.stream()
                .map(repository -> repository.withPreviousHead(stored.get(repository.id()))).toList();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // one partition per repository, in list order: Spark starts tasks by partition index, so largest first
        JavaRDD<RepositoryResult> results = context.parallelize(repositories, repositories.size()).map(task::run)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // every repository scanned (and its rows kept) first: the writes then only read what is persisted
            List<RepositoryResult> collected = results.map(FleetJob::withoutRows).collect();
            List<Runnable> writes = new ArrayList<>();
            // the lambdas capture the table's name only: Spark ships them to the executors
            for (Tables.Table table : FleetSchema.storeTables()) {
                String name = table.name();
                writes.add(() -> write(name, results.flatMap(result -> result.rowsOf(name).iterator()),
                        FleetSchema.storeSchema(table)));
            }
            for (FleetSchema.ReportTable table : FleetSchema.REPORT_TABLES) {
                String name = table.name();
                collected.stream().map(result -> result.reportColumns().getOrDefault(name, List.of()))
                        .filter(columns -> !columns.isEmpty()).findFirst()
                        .ifPresent(columns -> writes.add(() -> write(name,
                                results.flatMap(result -> result.rowsOf(name).iterator()),
                                FleetSchema.reportSchema(columns))));
            }
            writes.add(() -> writeScanErrors(collected));
            ConcurrentWrites.run(spark, writes);
            return collected;
        } finally {
            results.unpersist(false);
        }
    }

    /** The summary a driver needs: without the rows, which stay on the executors, but with the report columns. */
    private static RepositoryResult withoutRows(RepositoryResult result) {
        return new RepositoryResult(result.repository(), result.status(), result.head(), result.durationMs(),
                result.stage(), result.error(), Map.of(), result.reportColumns());
    }

    private void write(String table, JavaRDD<Row> rows, StructType schema) {
        output.replacePartitions(table, spark.createDataFrame(rows, schema));
    }

    /** The errors of this run only: a repository that scans again has none. */
    private void writeScanErrors(List<RepositoryResult> results) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> rows = new ArrayList<>();
        for (RepositoryResult result : results) {
            if (result.status() == RepositoryResult.Status.FAILED) {
                rows.add(RowFactory.create(result.repository().id(), result.repository().location(), result.stage(),
                        result.error(), now));
            }
        }
        output.replace(FleetOutput.TABLES, FleetSchema.SCAN_ERRORS,
                spark.createDataFrame(rows, FleetSchema.scanErrorsSchema()));
    }

    /** The head each repository's scans row holds from earlier runs. */
    private Map<String, String> storedHeads() {
        Map<String, String> heads = new HashMap<>();
        output.read(FleetOutput.TABLES, Tables.SCANS.name(), FleetSchema.storeSchema(Tables.SCANS))
                .ifPresent(scans -> scans.selectExpr(FleetSchema.REPOSITORY, "head_id").collectAsList()
                        .forEach(row -> heads.put(row.getString(0), row.getString(1))));
        return heads;
    }
}
