package org.gstats.store.internal.schema;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.gstats.testkit.PostgresServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.AfterClass;
import org.junit.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A new store, created at {@link Schema#CREATED_AT} in one statement per table and view and
 * brought to the current version by the steps after it, is the store that Flyway's steps
 * 1..{@link Schema#CURRENT} give one by one: every table and view, each column's place, type,
 * length, nullability, default and identity, every primary key and unique constraint, every
 * index, and every view's query, as {@code INFORMATION_SCHEMA} and the driver's index metadata
 * describe them (the names the databases generate for keys and indexes aside), on H2 and on
 * PostgreSQL.
 */
public class NewStoreTest {

    private static PostgresServer server;

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void aNewH2StoreEqualsOneMigratedStepByStep() throws Exception {
        assertCreatedEqualsMigrated(h2("created"), "jdbc:h2:mem:created", h2("migrated"));
    }

    @Test
    public void aNewPostgresStoreEqualsOneMigratedStepByStep() throws Exception {
        server = PostgresServer.start();
        String created = server.newDatabase("created");
        assertCreatedEqualsMigrated(postgres(created), created, postgres(server.newDatabase("migrated")));
    }

    /**
     * A creation stopped half-way by a gstats that created stores step by step (its version table
     * at 0, the first step's tables there): the steps from 1 finish it, rather than a creation at
     * once that would keep those tables as they are.
     */
    @Test
    public void aCreationStoppedHalfWayIsFinishedByTheSteps() throws Exception {
        DataSource stopped = h2("stopped");
        try (Connection connection = stopped.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            Step.apply(connection, 1);
            statement.executeUpdate("UPDATE " + Schema.VERSION_TABLE + " SET version = 0");
            connection.commit();
        }
        try (Connection connection = stopped.getConnection()) {
            assertFalse("not created from nothing", Schema.migrate(stopped, connection, "jdbc:h2:mem:stopped"));
            Schema.verify(connection, "jdbc:h2:mem:stopped");
        }
        DataSource migrated = h2("migratedToo");
        Migrations.flyway(migrated, 0).migrate();

        assertEquals(shape(migrated), shape(stopped));
    }

    private static void assertCreatedEqualsMigrated(DataSource created, String createdUrl, DataSource migrated)
            throws Exception {
        try (Connection connection = created.getConnection()) {
            assertTrue("created from nothing", Schema.migrate(created, connection, createdUrl));
            assertFalse("a new store is created without Flyway", Schema.isTable(connection, Migrations.HISTORY_TABLE));
        }
        Migrations.flyway(migrated, 0).migrate();

        Map<String, List<String>> expected = shape(migrated);
        Map<String, List<String>> actual = shape(created);
        assertTrue("the step-by-step store has tables", expected.get("tables").size() > Tables.ALL.size());
        // one assertion per part, so that a failure names the part that differs
        for (String part : expected.keySet()) {
            assertEquals(part, String.join("\n", expected.get(part)), String.join("\n", actual.get(part)));
        }
        try (Connection connection = created.getConnection()) {
            assertEquals(Schema.CURRENT, Schema.version(connection));
        }
    }

    /** The store's tables, views, columns, keys, indexes and views' queries, each part sorted, without Flyway's history. */
    private static Map<String, List<String>> shape(DataSource dataSource) throws SQLException {
        Map<String, List<String>> shape = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            String schema = connection.getSchema();
            shape.put("tables", rows(connection, "SELECT table_name, table_type FROM information_schema.tables "
                    + "WHERE table_schema = ?", schema));
            shape.put("columns", rows(connection, "SELECT table_name, ordinal_position, column_name, data_type, "
                    + "character_maximum_length, is_nullable, column_default, is_identity FROM "
                    + "information_schema.columns WHERE table_schema = ?", schema));
            shape.put("constraints", rows(connection, "SELECT c.table_name, c.constraint_type, k.ordinal_position, "
                    + "k.column_name FROM information_schema.table_constraints c JOIN "
                    + "information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema AND "
                    + "k.constraint_name = c.constraint_name AND k.table_name = c.table_name WHERE c.table_schema = ? "
                    + "AND c.constraint_type IN ('PRIMARY KEY', 'UNIQUE')", schema));
            shape.put("views", rows(connection, "SELECT table_name, view_definition FROM information_schema.views "
                    + "WHERE table_schema = ?", schema));
            shape.put("indexes", indexes(connection, schema, shape.get("tables")));
        }
        return shape;
    }

    private static List<String> rows(Connection connection, String query, String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, schema);
            try (ResultSet row = select.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    List<String> values = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        values.add(normalised(row.getString(column)));
                    }
                    if (!isHistory(values.get(0))) {
                        rows.add(String.join(" | ", values));
                    }
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    /** Each base table's indexes by their columns and uniqueness (their names are the database's choice). */
    private static List<String> indexes(Connection connection, String schema, List<String> tables)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> indexes = new ArrayList<>();
        for (String table : tables) {
            if (!table.endsWith("| BASE TABLE")) {
                continue;
            }
            String name = table.substring(0, table.indexOf(" |"));
            Map<String, List<String>> columns = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet index = meta.getIndexInfo(null, schema, exactName(connection, name), false, false)) {
                while (index.next()) {
                    if (index.getString("COLUMN_NAME") == null) {
                        continue;
                    }
                    String indexName = index.getString("INDEX_NAME");
                    columns.computeIfAbsent(indexName, key -> new ArrayList<>()).add(index.getShort(
                            "ORDINAL_POSITION") + ":" + normalised(index.getString("COLUMN_NAME")));
                    unique.put(indexName, !index.getBoolean("NON_UNIQUE"));
                }
            }
            for (Map.Entry<String, List<String>> index : columns.entrySet()) {
                indexes.add(name + " | unique " + unique.get(index.getKey()) + " | " + index.getValue());
            }
        }
        indexes.sort(null);
        return indexes;
    }

    /** The name as the database keeps it: H2 in upper case, PostgreSQL in lower case. */
    private static String exactName(Connection connection, String lowerCase) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? lowerCase.toUpperCase(Locale.ROOT) : lowerCase;
    }

    private static boolean isHistory(String table) {
        return table.equals(Migrations.HISTORY_TABLE);
    }

    /** Lower case with runs of white space as one blank, so that a view's query compares as text. */
    private static String normalised(String value) {
        return value == null ? "null" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static DataSource postgres(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        return dataSource;
    }
}
