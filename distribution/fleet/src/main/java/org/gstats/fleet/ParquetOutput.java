package org.gstats.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The tables as Parquet folders, the per-repository ones partitioned by repository
 * ({@code OUT/tables/TABLE/repository=ID/part-….parquet}). Partitions are replaced by Spark's
 * dynamic partition overwrite, which the fleet's session sets.
 */
final class ParquetOutput implements FleetOutput {

    private final SparkSession spark;
    private final Path out;

    ParquetOutput(SparkSession spark, Path out) {
        this.spark = spark;
        this.out = out;
    }

    @Override
    public Path path(String namespace, String table) {
        return out.resolve(namespace).resolve(table);
    }

    @Override
    public Optional<Dataset<Row>> read(String namespace, String table, StructType schema) {
        Path path = path(namespace, table);
        if (!hasData(path)) {
            return Optional.empty();
        }
        return Optional.of(schema == null ? spark.read().parquet(path.toString())
                : spark.read().schema(schema).parquet(path.toString()));
    }

    @Override
    public void replacePartitions(String table, Dataset<Row> rows) {
        rows.write().mode(SaveMode.Overwrite).partitionBy(FleetSchema.REPOSITORY)
                .parquet(path(TABLES, table).toString());
    }

    @Override
    public void replace(String namespace, String table, Dataset<Row> rows) {
        rows.coalesce(1).write().mode(SaveMode.Overwrite).option("partitionOverwriteMode", "static")
                .parquet(path(namespace, table).toString());
    }

    private static boolean hasData(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
