package org.gstats.fleet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The tables as Apache Iceberg tables of a Hadoop catalog whose warehouse is {@code OUT}: the
 * namespaces {@value #TABLES} and {@value #FLEET}, so a table lives in the same folder as its
 * Parquet twin ({@code OUT/tables/commits/} with {@code data/} and {@code metadata/}), and any
 * Iceberg reader finds it by that path. The per-repository tables are partitioned by repository;
 * a run replaces the partitions it wrote ({@code overwritePartitions}), each write one Iceberg
 * commit.
 * <p>
 * The catalog is registered in the session under a name of its own per {@code OUT} (the
 * {@code spark.sql.catalog.*} settings are read when a catalog is first used), so that one session
 * can write several outputs, as the tests do.
 */
final class IcebergOutput implements FleetOutput {

    /** The folder of an Iceberg table's metadata, beside its data. */
    static final String METADATA = "metadata";

    private final SparkSession spark;
    private final Path out;
    private final String catalog;

    IcebergOutput(SparkSession spark, Path out) {
        this.spark = spark;
        this.out = out.toAbsolutePath().normalize();
        this.catalog = "gstats_fleet_" + digest(this.out.toString());
        String prefix = "spark.sql.catalog." + catalog;
        spark.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set(prefix + ".type", "hadoop");
        spark.conf().set(prefix + ".warehouse", this.out.toUri().toString());
    }

    @Override
    public Path path(String namespace, String table) {
        return out.resolve(namespace).resolve(table);
    }

    @Override
    public Optional<Dataset<Row>> read(String namespace, String table, StructType schema) {
        String name = name(namespace, table);
        return spark.catalog().tableExists(name) ? Optional.of(spark.table(name)) : Optional.empty();
    }

    @Override
    public void replacePartitions(String table, Dataset<Row> rows) {
        String name = name(TABLES, table);
        commit(name, () -> {
            if (spark.catalog().tableExists(name)) {
                rows.writeTo(name).overwritePartitions();
            } else {
                rows.writeTo(name).using("iceberg").partitionedBy(col(FleetSchema.REPOSITORY)).create();
            }
        });
    }

    @Override
    public void replace(String namespace, String table, Dataset<Row> rows) {
        String name = name(namespace, table);
        commit(name, () -> {
            if (spark.catalog().tableExists(name)) {
                rows.coalesce(1).writeTo(name).overwrite(lit(true));
            } else {
                rows.coalesce(1).writeTo(name).using("iceberg").create();
            }
        });
    }

    /** A write of Spark's catalog API, which declares its analysis exceptions as checked. */
    private interface Write {
        void run() throws AnalysisException;
    }

    /** The table vanished or appeared between the check and the write: another writer of the same OUT. */
    private static void commit(String name, Write write) {
        try {
            write.run();
        } catch (AnalysisException e) {
            throw new IllegalStateException("cannot write the Iceberg table " + name + " (is another fleet run "
                    + "writing the same --out?): " + e.getMessage(), e);
        }
    }

    private String name(String namespace, String table) {
        return catalog + "." + namespace + "." + table;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
