package org.gstats.store.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
import org.gstats.store.internal.ChangeRows;
import org.gstats.store.internal.CommitRows;
import org.gstats.store.internal.Database;
import org.gstats.store.internal.ScanStoreImpl;
import org.gstats.store.internal.schema.Migrations;
import org.gstats.store.internal.schema.Schema;
import org.gstats.store.internal.schema.Tables;

/** What the store commands do to the database: query it read-only, describe it, forget a repository, collect garbage. */
final class StoreAdmin {

    /** The query itself is wrong (syntax, unknown table or column): bad usage, not a failure. */
    static final class BadQuery extends StoreException {
        private static final long serialVersionUID = 1L;

        BadQuery(String message) {
            super(message);
        }
    }

    private final Database database;

    StoreAdmin(Database database) {
        this.database = database;
    }

    /**
     * Runs a query on a read-only connection whose transaction is rolled back, and only when the
     * statement describes a result set (a query, not an update). A query naming a derived table (file_changes,
     * commits, functions, hotspots) first has its rows recorded since the last such query added ({@link ChangeRows}).
     */
    ResultTable query(String sql) throws StoreException {
        Connection expanded = ChangeRows.readBy(sql) ? ChangeRows.expanded(database, sql) : null;
        try {
            return queried(sql);
        } finally {
            // closed after the query's: an embedded database closes with its last connection
            Database.closeQuietly(expanded);
        }
    }

    private ResultTable queried(String sql) throws StoreException {
        Connection connection = database.openForReading();
        try (PreparedStatement statement = prepare(connection, sql)) {
            if (statement.getMetaData() == null) {
                throw new BadQuery("sql only reads: the statement returns no rows");
            }
            try (ResultSet rows = statement.executeQuery()) {
                return ResultTable.of(rows);
            }
        } catch (SQLException e) {
            throw new BadQuery("the query failed: " + Database.oneLine(e));
        } finally {
            rollback(connection);
            Database.closeQuietly(connection);
        }
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException, StoreException {
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            int version = Schema.version(connection);
            String empty = version == 0 ? " (the store is empty: scan a repository first)" : "";
            throw new BadQuery("bad query: " + Database.oneLine(e) + empty);
        }
    }

    String location() {
        return database.location().url();
    }

    List<ScanSummary> history(Path repository) throws StoreException {
        return ScanStoreImpl.history(database, repository);
    }

    /** The store's location, size, schema, and what each table holds. */
    ResultTable info() throws StoreException {
        ResultTable table = new ResultTable(List.of("what", "value"));
        table.add(List.of("location", database.location().url()));
        if (database.absent()) {
            table.add(List.of("schema", "none: not created yet; the first scan creates it (this gstats writes "
                    + Schema.CURRENT + ")"));
            return table;
        }
        Connection connection = database.openForReading();
        try {
            int version = Schema.version(connection);
            table.add(List.of("schema", version + " (this gstats writes " + Schema.CURRENT + ")"));
            table.add(List.of("size", size(connection)));
            if (version > 0) {
                for (Tables.Table each : Tables.ALL) {
                    // as a query gives them: a derived table's rows not yet added too
                    table.add(List.of(each.name() + " rows", String.valueOf(ChangeRows.rowsOf(connection, each))));
                }
            }
            return table;
        } catch (SQLException e) {
            throw Database.failure("cannot read the store at " + database.location().url(), e);
        } finally {
            rollback(connection);
            Database.closeQuietly(connection);
        }
    }

    private String size(Connection connection) throws SQLException {
        Optional<Path> file = database.file();
        if (file.isPresent()) {
            try {
                return Files.size(file.get()) + " bytes (" + file.get() + ")";
            } catch (java.io.IOException e) {
                return "unknown (" + file.get() + ": " + e.getMessage() + ")";
            }
        }
        if (database.location().url().startsWith("jdbc:postgresql:")) {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT pg_database_size(current_database())")) {
                row.next();
                return row.getLong(1) + " bytes (the whole database)";
            }
        }
        return "unknown";
    }

    /**
     * Deletes a repository's scans, head files and commits (rows and pending) in one transaction.
     *
     * @return the scans deleted, -1 when the repository is not in the store
     */
    long clear(Path repository) throws StoreException {
        Connection connection = database.open();
        try {
            Long id;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT repository_id FROM repositories WHERE path = ?")) {
                select.setString(1, repository.toString());
                try (ResultSet row = select.executeQuery()) {
                    id = row.next() ? row.getLong(1) : null;
                }
            }
            if (id == null) {
                return -1;
            }
            for (String table : Tables.PER_SCAN) {
                update(connection, "DELETE FROM " + table
                        + " WHERE scan_id IN (SELECT scan_id FROM scans WHERE repository_id = ?)", id);
            }
            long scans = update(connection, "DELETE FROM scans WHERE repository_id = ?", id);
            update(connection, "DELETE FROM commits WHERE repository_id = ?", id);
            update(connection, "DELETE FROM pending_commits WHERE repository_id = ?", id);
            update(connection, "DELETE FROM repositories WHERE repository_id = ?", id);
            connection.commit();
            return scans;
        } catch (SQLException e) {
            rollback(connection);
            throw Database.failure("cannot change the store at " + database.location().url(), e);
        } finally {
            Database.closeQuietly(connection);
        }
    }

    /**
     * Drops every table and view of the store, its schema version and Flyway's history, whatever their state (a
     * store another build of gstats wrote, whose tables disagree with its version): the next
     * scan starts it afresh. Other tables in the database are left alone.
     */
    void clearAll() throws StoreException {
        Connection connection = database.openForReading();
        try (Statement statement = connection.createStatement()) {
            connection.setReadOnly(false);
            for (int i = Tables.ALL.size() - 1; i >= 0; i--) {
                Tables.Table table = Tables.ALL.get(i);
                // a table that a later schema made a view (changed_commits) is dropped as what the store has
                boolean view = table.view() && (table.since() == table.viewSince()
                        || !Schema.isTable(connection, table.name()));
                statement.execute(view ? "DROP VIEW IF EXISTS " + table.name() + " CASCADE"
                        : "DROP TABLE IF EXISTS " + table.name() + " CASCADE");
            }
            statement.execute("DROP TABLE IF EXISTS " + Schema.VERSION_TABLE);
            statement.execute("DROP TABLE IF EXISTS " + Migrations.HISTORY_TABLE_SQL);
            connection.commit();
        } catch (SQLException e) {
            rollback(connection);
            throw Database.failure("cannot change the store at " + database.location().url(), e);
        } finally {
            Database.closeQuietly(connection);
        }
    }

    /**
     * Drops what no stored scan can replay any more: the recorded changes of commits no stored
     * repository has, and those recorded under settings that no repository's latest scan used
     * (e.g. an older scanner's); then the settings nothing refers to; and the per-blob results
     * of blobs at no repository's latest head. An embedded store's file is then compacted.
     *
     * @return rows deleted
     */
    long gc() throws StoreException {
        Connection connection = database.open();
        try {
            // no expansion beside: it could add rows of a value this drops
            long rows = ChangeRows.exclusively(connection, () -> {
                // which commits the stored repositories have: their rows, once the pending ones are added
                CommitRows.expand(connection);
                // Uncorrelated NOT IN: both databases evaluate the subquery once into a set; a
                // correlated lookup of commit_id, which no index leads with, took minutes on git/git.
                String unusedSettings = "settings_id NOT IN (SELECT s.settings_id FROM scans s WHERE s.scan_id = "
                        + "(SELECT MAX(x.scan_id) FROM scans x WHERE x.repository_id = s.repository_id))";
                String unreachable = unusedSettings + " OR commit_id NOT IN (SELECT c.commit_id FROM commits c)";
                // the values before their rows: a row is never left without its value
                long dropped = update(connection, "DELETE FROM commit_changes WHERE " + unreachable);
                dropped += update(connection, "DELETE FROM file_changes WHERE " + unreachable);
                // what is left of a pending step (values of commits no repository has) finds no value to expand
                dropped += update(connection, "DELETE FROM pending_changes WHERE " + unusedSettings);
                dropped += update(connection, "DELETE FROM settings s WHERE NOT EXISTS "
                        + "(SELECT 1 FROM scans x WHERE x.settings_id = s.settings_id) AND NOT EXISTS "
                        + "(SELECT 1 FROM commit_changes x WHERE x.settings_id = s.settings_id)");
                String latestScans = "(SELECT MAX(x.scan_id) FROM scans x GROUP BY x.repository_id)";
                // a result is kept for a blob at a latest scan's head, or for the head commit itself
                dropped += update(connection, "DELETE FROM blob_results WHERE blob_id NOT IN (SELECT f.blob_id FROM "
                        + "files f WHERE f.blob_id IS NOT NULL AND f.scan_id IN " + latestScans + ") AND blob_id NOT "
                        + "IN (SELECT h.head_id FROM scans h WHERE h.head_id IS NOT NULL AND h.scan_id IN "
                        + latestScans + ")");
                connection.commit();
                return dropped;
            });
            database.compact(connection);
            return rows;
        } catch (SQLException e) {
            rollback(connection);
            throw Database.failure("cannot change the store at " + database.location().url(), e);
        } finally {
            Database.closeQuietly(connection);
        }
    }

    private static long update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // read-only work: nothing to undo
        }
    }
}
