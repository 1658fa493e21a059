package org.gstats.store.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The Flyway migration that brings a store from schema version {@code version - 1} to
 * {@code version}: the DDL {@link Tables} derives for that version, then the new version in
 * {@value Schema#VERSION_TABLE}, which every gstats reads (those before Flyway too) to refuse a
 * store newer than it knows. Every statement may run again harmlessly (tables created
 * {@code IF NOT EXISTS}, columns added {@code IF NOT EXISTS}, a rename, or a table's replacement
 * by a view, only while the old name is a table, a key dropped only while it is there and
 * replaced only while it is not the new one): a store that a gstats before Flyway left between
 * two steps is taken as it is.
 */
final class Step implements JavaMigration {

    private final int version;

    Step(int version) {
        this.version = version;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public String getDescription() {
        return "gstats store schema " + version;
    }

    /** None: the DDL is derived from {@link Tables}, whose past versions do not change. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        apply(context.getConnection(), version);
    }

    /** The step to {@code version} on the connection, uncommitted (H2 commits each DDL statement itself). */
    static void apply(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (version == 1) {
                createVersionTable(statement);
            }
            for (Tables.Table table : Tables.ALL) {
                if (table.renamed() == version && Schema.isTable(connection, table.formerName())) {
                    statement.execute("ALTER TABLE " + table.formerName() + " RENAME TO " + table.name());
                }
            }
            if (version == Tables.ONE_KEY && Schema.isTable(connection, Tables.CHANGED_COMMITS.name())) {
                // the view that replaces changed_commits lists the commits that have a value
                ChangeValues.encodeMissing(connection);
            }
            for (Tables.Table table : Tables.ALL) {
                if (table.view() && table.viewSince() == version && table.since() < version
                        && Schema.isTable(connection, table.name())) {
                    statement.execute("DROP TABLE " + table.name());
                }
                if (table.keyless() == version) {
                    dropPrimaryKey(connection, statement, table.name());
                }
                if (table.rekeyed() == version) {
                    rekey(connection, statement, table);
                }
            }
            for (Tables.Table table : Tables.ALL) {
                for (String sql : table.ddl(version)) {
                    statement.execute(sql);
                }
            }
            statement.executeUpdate("UPDATE " + Schema.VERSION_TABLE + " SET version = " + version);
        }
    }

    /**
     * A new store as the steps 1..{@code version} leave it, in one statement per table and view
     * ({@link Tables.Table#createdAt}): the tables, then the views that read them, then the version.
     * Uncommitted, as a step (H2 commits each DDL statement itself): a creation stopped half-way is a
     * store of version 0, which the steps from 1 bring forward ({@link Schema}).
     */
    static void createAt(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            createVersionTable(statement);
            for (boolean views : new boolean[] {false, true}) {
                for (Tables.Table table : Tables.ALL) {
                    String sql = table.createdAt(version);
                    if (sql != null && table.tableAt(version) != views) {
                        statement.execute(sql);
                    }
                }
            }
            statement.executeUpdate("UPDATE " + Schema.VERSION_TABLE + " SET version = " + version);
        }
    }

    private static void createVersionTable(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS " + Schema.VERSION_TABLE + " (version INTEGER NOT NULL)");
        statement.execute("DELETE FROM " + Schema.VERSION_TABLE);
        statement.execute("INSERT INTO " + Schema.VERSION_TABLE + " (version) VALUES (0)");
    }

    /** Gives the table its primary key of now, unless it has it already. */
    private static void rekey(Connection connection, Statement statement, Tables.Table table) throws SQLException {
        if (!table.primaryKey().equals(String.join(", ", Schema.keyColumns(connection, table.name())))) {
            dropPrimaryKey(connection, statement, table.name());
            statement.execute("ALTER TABLE " + table.name() + " ADD PRIMARY KEY (" + table.primaryKey() + ")");
        }
    }

    /** Drops the table's primary key, if it still has one (H2 and PostgreSQL name it each their own way). */
    private static void dropPrimaryKey(Connection connection, Statement statement, String table) throws SQLException {
        String constraint = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT constraint_name FROM "
                + "information_schema.table_constraints WHERE LOWER(table_name) = ? AND LOWER(table_schema) = "
                + "LOWER(CURRENT_SCHEMA) AND constraint_type = 'PRIMARY KEY'")) {
            select.setString(1, table.toLowerCase(Locale.ROOT));
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    constraint = row.getString(1);
                }
            }
        }
        if (constraint != null) {
            statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + constraint + "\"");
        }
    }
}
