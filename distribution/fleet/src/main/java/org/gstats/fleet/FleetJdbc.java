package org.gstats.fleet;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The same tables in a database over JDBC (PostgreSQL, or H2), each named {@code fleet_TABLE}:
 * for every repository scanned in this run its earlier rows are deleted and its new ones
 * appended, so reruns add no duplicates; the fleet tables and {@code scan_errors} are replaced.
 * Spark creates a table the first time it writes it.
 */
final class FleetJdbc {

    static final String PREFIX = "fleet_";

    private final String url;
    private final Properties credentials = new Properties();

    /** User and password as the store takes them: {@code GSTATS_STORE_USER}, {@code GSTATS_STORE_PASSWORD}. */
    FleetJdbc(String url, String user, String password) {
        this.url = url;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
    }

    void write(SparkSession spark, FleetJob job, List<String> scanned, List<String> fleetTables,
            java.nio.file.Path out) throws IOException {
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            List<String> tables = new ArrayList<>(FleetSchema.storeTables().stream().map(t -> t.name()).toList());
            FleetSchema.REPORT_TABLES.forEach(table -> tables.add(table.name()));
            for (String table : tables) {
                if (scanned.isEmpty() || !FleetTables.hasData(job.tablePath(table))) {
                    continue;
                }
                String target = PREFIX + table;
                if (exists(connection, target)) {
                    deleteRows(connection, target, scanned);
                }
                spark.read().parquet(job.tablePath(table).toString())
                        .where(org.apache.spark.sql.functions.col(FleetSchema.REPOSITORY).isin(scanned.toArray()))
                        .write().mode(SaveMode.Append).jdbc(url, target, credentials);
            }
            replace(spark, job.tablePath(FleetSchema.SCAN_ERRORS).toString(), PREFIX + FleetSchema.SCAN_ERRORS);
            for (String table : fleetTables) {
                replace(spark, out.resolve(FleetTables.FLEET).resolve(table).toString(), PREFIX + "fleet_" + table);
            }
        } catch (SQLException e) {
            throw new IOException("cannot write to " + url + ": " + ScanTask.oneLine(e), e);
        }
    }

    private void replace(SparkSession spark, String parquet, String target) {
        spark.read().parquet(parquet).write().mode(SaveMode.Overwrite).option("truncate", "true")
                .jdbc(url, target, credentials);
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet found = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (found.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void deleteRows(Connection connection, String table, List<String> repositories)
            throws SQLException {
        // Spark creates the columns quoted, in lower case; quoted, the name matches in H2 and PostgreSQL alike
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE \""
                + FleetSchema.REPOSITORY + "\" = ?")) {
            for (String repository : repositories) {
                delete.setString(1, repository);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
