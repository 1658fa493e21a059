package org.gstats.fleet;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gstats.store.internal.schema.Tables;

/**
 * The tables the fleet writes per repository: every table of the store ({@link Tables}, the one
 * description of their columns), each with the fleet's {@value #REPOSITORY} column in front; the
 * report tables the store does not keep but the fleet tables need ({@link #REPORT_TABLES}, as
 * text, as the report's CSV writer gives them); and {@value #SCAN_ERRORS}.
 */
final class FleetSchema {

    /** The fleet's id of the repository in every table, and the Parquet partition column. */
    static final String REPOSITORY = "repository";

    static final String SCAN_ERRORS = "scan_errors";

    /** Report tables kept as they are in the report: {@code SECTION.TABLE} and their columns. */
    static final List<ReportTable> REPORT_TABLES = List.of(
            new ReportTable("languages", "metrics", "languages"),
            new ReportTable("debt", "metrics", "debt"));

    /** A report table copied whole: every column as text, named as in the report. */
    record ReportTable(String name, String section, String table) {
    }

    private FleetSchema() {
    }

    /**
     * The store's tables, with a scan's head rows read through their per-scan views ({@code files},
     * {@code functions}, {@code hotspots}) instead of the tables that keep them once for the scans
     * sharing them, and {@code changed_commits}, a view since it replaced its table; other views
     * left out, and {@code reports}: a JSON document a row is no table to
     * query (the fleet keeps each report as {@code OUT/reports/ID.json.gz}, the store in its own); and
     * {@code blob_results}, {@code commit_changes} and {@code walks}, caches in gstats' own encodings
     * that no query reads, and {@code pending_changes}, {@code pending_commits} and {@code pending_head_rows}, the
     * store's notes of the rows of {@code file_changes}, {@code commits} and the head tables still to be added (none
     * once the task has read them).
     */
    static List<Tables.Table> storeTables() {
        List<Tables.Table> shared = Tables.PER_SCAN_VIEWS.stream().map(Tables::rowsOf).toList();
        return Tables.ALL.stream().filter(table -> table.view()
                ? Tables.PER_SCAN_VIEWS.contains(table) || table.since() < table.viewSince()
                : table != Tables.REPORTS && table != Tables.BLOB_RESULTS && table != Tables.COMMIT_CHANGES
                        && table != Tables.PENDING_CHANGES && table != Tables.PENDING_COMMITS
                        && table != Tables.PENDING_HEAD_ROWS && table != Tables.WALKS
                        && !shared.contains(table))
                .toList();
    }

    static StructType storeSchema(Tables.Table table) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(REPOSITORY, DataTypes.StringType, false));
        for (Tables.Column column : table.columns()) {
            fields.add(DataTypes.createStructField(column.name(), sparkType(column), true));
        }
        return DataTypes.createStructType(fields);
    }

    /** A report table's columns are known only from a report: they come with its first row. */
    static StructType reportSchema(List<String> columns) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(REPOSITORY, DataTypes.StringType, false));
        columns.forEach(column -> fields.add(DataTypes.createStructField(column, DataTypes.StringType, true)));
        return DataTypes.createStructType(fields);
    }

    static StructType scanErrorsSchema() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField(REPOSITORY, DataTypes.StringType, false),
                DataTypes.createStructField("location", DataTypes.StringType, false),
                DataTypes.createStructField("stage", DataTypes.StringType, false),
                DataTypes.createStructField("message", DataTypes.StringType, false),
                DataTypes.createStructField("at", DataTypes.TimestampType, false)));
    }

    /** The SQL types {@link Tables} uses, as Spark's. */
    static DataType sparkType(Tables.Column column) {
        return switch (column.jdbcType()) {
            case Types.BIGINT -> DataTypes.LongType;
            case Types.INTEGER -> DataTypes.IntegerType;
            case Types.VARCHAR -> DataTypes.StringType;
            case Types.BOOLEAN -> DataTypes.BooleanType;
            case Types.TIMESTAMP_WITH_TIMEZONE -> DataTypes.TimestampType;
            case Types.DOUBLE -> DataTypes.DoubleType;
            default -> throw new IllegalArgumentException("the store uses an SQL type the fleet does not map: "
                    + column.type());
        };
    }
}
