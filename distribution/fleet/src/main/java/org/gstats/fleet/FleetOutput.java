package org.gstats.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Where the fleet keeps its tables under {@code OUT}: the per-repository tables in the folder
 * {@value #TABLES}, the fleet tables in {@value #FLEET}, each a folder of its own name, in one
 * table format ({@code --format}). The one place that knows how a table is read and replaced.
 */
interface FleetOutput {

    /** The per-repository tables (the store's, the report tables, scan_errors). */
    String TABLES = "tables";
    /** The fleet tables. */
    String FLEET = "fleet";

    /** The table formats of {@code --format}, by name. */
    enum Format {
        PARQUET, ICEBERG;

        String option() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Format of(String option) throws FleetException {
            for (Format format : values()) {
                if (format.option().equals(option)) {
                    return format;
                }
            }
            throw new FleetException("unknown --format '" + option + "' (parquet or iceberg)");
        }
    }

    /**
     * The output in {@code out} for {@code format}; refused when {@code out} already holds the
     * fleet's tables in the other format (a table cannot be both).
     */
    static FleetOutput open(SparkSession spark, Path out, Format format) throws FleetException {
        Path scans = out.resolve(TABLES).resolve(org.gstats.store.internal.schema.Tables.SCANS.name());
        if (Files.isDirectory(scans)) {
            Format found = Files.isDirectory(scans.resolve(IcebergOutput.METADATA)) ? Format.ICEBERG : Format.PARQUET;
            if (found != format) {
                throw new FleetException(out + " holds the fleet's tables as " + found.option() + ": use --format "
                        + found.option() + ", or another --out");
            }
        }
        return format == Format.ICEBERG ? new IcebergOutput(spark, out) : new ParquetOutput(spark, out);
    }

    /** The folder of a table. */
    Path path(String namespace, String table);

    /**
     * A table as written so far, or empty when it holds nothing yet.
     *
     * @param schema the columns a Parquet folder is read with (its partition column's type is not
     *               guessed from folder names); null to take the files' own
     */
    Optional<Dataset<Row>> read(String namespace, String table, StructType schema);

    /**
     * Replaces, in a per-repository table, the partitions of the repositories that {@code rows}
     * holds, and leaves every other repository's rows as they are.
     */
    void replacePartitions(String table, Dataset<Row> rows);

    /** Replaces all of a table's rows with {@code rows}. */
    void replace(String namespace, String table, Dataset<Row> rows);
}
