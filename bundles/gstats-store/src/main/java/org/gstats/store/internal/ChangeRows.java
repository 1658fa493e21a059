package org.gstats.store.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.gstats.api.FileChange;
import org.gstats.api.store.StoreException;
import org.gstats.store.internal.schema.Schema;
import org.gstats.store.internal.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of {@code file_changes}, derived from the values of {@code commit_changes} when
 * something reads that table (and, on the same turns, {@code commits}' from {@code pending_commits}:
 * {@link CommitRows}; the report tables' from {@code pending_head_rows}: {@link HeadRows}). A scan writes
 * a commit's changes once, as its value (what a rescan reads), and lists each step's values in a row of
 * {@code pending_changes}; the rows, the same facts for queries, were a quarter of a first scan's cost of
 * writing the store, so they are added by the first read that needs them ({@code gstats sql} naming the
 * table, which adds the rows of the derived tables it names; the fleet, all of them) and kept. The
 * values are not touched: a read with nothing pending reads one empty table.
 *
 * <p>A step's row of {@code pending_changes} is claimed (deleted) in the transaction that adds its
 * values' rows, so they go in once whatever runs beside: PostgreSQL makes a second claim of the same
 * row wait for the first and then find it gone. Expansions and {@code store gc} also take turns on a
 * lock (the server's advisory lock; an H2 file is one process's, whose readers take turns on this
 * class's), so that gc never drops a value whose rows are being added. A step a scan commits
 * meanwhile is expanded by the next read.
 */
public final class ChangeRows {

    private static final Logger LOG = LoggerFactory.getLogger("gstats.store");

    /** The key of the server's advisory lock that expansions and gc take: "gstatsfc" in ASCII. */
    private static final long LOCK_KEY = 0x6773746174736663L;

    /** What expansions and gc of an H2 store in this process take turns on. */
    private static final Object LOCAL_LOCK = new Object();

    /**
     * A step's values: joined to the listed ids, which both databases then look up by the values' key
     * (H2 looked up {@code commit_id = ANY(?)} by the settings alone, reading all their values per step).
     */
    private static final String VALUES = "SELECT c.commit_id, c.changes FROM UNNEST(?) AS t(id) JOIN commit_changes c "
            + "ON c.commit_id = t.id WHERE c.settings_id = ?";

    private ChangeRows() {
    }

    /**
     * Which derived rows a query may read, each kind by the tables it names (in any case, quoted or not; a column
     * named so, as {@code scans.commits}, counts too).
     *
     * @param commits     {@code commits}' rows: it names {@code commits} or the {@code authors} view of it
     * @param changes     {@code file_changes}' rows
     * @param reportRows  the report tables' rows: it names {@code functions} or {@code hotspots} (which their
     *                    {@code head_…} tables' names contain)
     */
    private record Reads(boolean commits, boolean changes, boolean reportRows) {

        static final Reads ALL = new Reads(true, true, true);

        static Reads of(String sql) {
            String query = sql.toLowerCase(Locale.ROOT);
            return new Reads(names(query, Stream.of(Tables.COMMITS, Tables.AUTHORS)),
                    names(query, Stream.of(Tables.FILE_CHANGES)),
                    names(query, HeadRows.KINDS.stream().map(Tables.Shared::view)));
        }

        private static boolean names(String query, Stream<Tables.Table> tables) {
            return tables.anyMatch(table -> query.contains(table.name()));
        }

        boolean any() {
            return commits || changes || reportRows;
        }
    }

    /** Whether a query may read a table whose rows are derived ({@link Reads}). */
    public static boolean readBy(String sql) {
        return Reads.of(sql).any();
    }

    /** Work on the store's connection that commits what it does. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs work that no expansion (and no gc) runs beside; what it leaves uncommitted when it
     * fails is rolled back.
     */
    public static <T> T exclusively(Connection connection, Work<T> work) throws SQLException {
        if (!Schema.shared(connection)) {
            synchronized (LOCAL_LOCK) {
                return rolledBackOnFailure(connection, work);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            connection.commit();
            try {
                return rolledBackOnFailure(connection, work);
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                connection.commit();
            }
        }
    }

    private static <T> T rolledBackOnFailure(Connection connection, Work<T> work) throws SQLException {
        try {
            return work.run();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Adds the rows of every value a scan left pending, those of {@code commits} ({@link CommitRows}), of the report
     * tables ({@link HeadRows}) and of {@code file_changes}, each step's committed with its claim. A store older than
     * {@link Tables#DERIVED_ROWS} has every value's rows (its scans wrote them) and is left as it is.
     *
     * @return the rows added
     */
    public static long expand(Connection connection) throws SQLException {
        return expand(connection, Reads.ALL);
    }

    private static long expand(Connection connection, Reads reads) throws SQLException {
        connection.setAutoCommit(false);
        if (Schema.version(connection) < Tables.DERIVED_ROWS) {
            connection.rollback();
            return 0;
        }
        return exclusively(connection, () -> (reads.commits() ? CommitRows.expand(connection) : 0)
                + (reads.reportRows() ? HeadRows.expand(connection) : 0)
                + (reads.changes() ? expandAll(connection, pending(connection)) : 0));
    }

    /**
     * Adds the pending rows of the tables a query names ({@link Reads}) to a store at this gstats' version, on a
     * connection of the store's that is returned open for the caller to close after its read: an embedded database
     * closes with its last connection. Null, and nothing done, for a store that is not there, or not at this
     * version (an older one has all its rows; a newer one is not this gstats' to write).
     */
    public static Connection expanded(Database database, String sql) throws StoreException {
        if (database.absent()) {
            return null;
        }
        Connection connection = database.openForReading();
        try {
            int version = Schema.version(connection);
            // PostgreSQL takes read-only off between transactions only
            connection.rollback();
            if (version != Schema.CURRENT) {
                Database.closeQuietly(connection);
                return null;
            }
            connection.setReadOnly(false);
            expand(connection, Reads.of(sql));
            return connection;
        } catch (SQLException | RuntimeException e) {
            Database.abandon(connection, e);
            throw Database.failure("cannot add the recorded rows to the store at " + database.location().url(), e);
        }
    }

    /** One row of pending_changes. */
    private record Pending(long id, long settingsId, String[] commitIds) {
    }

    private static List<Pending> pending(Connection connection) throws SQLException {
        List<Pending> steps = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT pending_id, settings_id, commit_ids FROM pending_changes ORDER BY pending_id")) {
            while (rows.next()) {
                steps.add(new Pending(rows.getLong(1), rows.getLong(2), rows.getString(3).split(" ")));
            }
        }
        connection.commit();
        return steps;
    }

    private static long expandAll(Connection connection, List<Pending> steps) throws SQLException {
        if (steps.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        long rows = 0;
        int damaged = 0;
        Map<String, String> paths = new HashMap<>();
        try (PreparedStatement claim = connection.prepareStatement("DELETE FROM pending_changes WHERE pending_id = ?");
                PreparedStatement values = connection.prepareStatement(VALUES);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO file_changes (settings_id, "
                        + "commit_id, seq, path, old_path, change_type, insertions, deletions, is_binary, old_size, "
                        + "new_size, lines_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending step : steps) {
                claim.setLong(1, step.id());
                if (claim.executeUpdate() == 0) {
                    connection.rollback();
                    continue; // another read's (it ran first)
                }
                try (ResultSet value = select(connection, values, step)) {
                    while (value.next()) {
                        String commitId = value.getString(1);
                        try {
                            rows += addRows(insert, step.settingsId(), commitId,
                                    ChangeCodec.decode(commitId, value.getBytes(2), paths));
                        } catch (IllegalArgumentException e) {
                            // no rows: a rescan diffs the commit again, and no read can do better
                            damaged++;
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        if (damaged > 0) {
            LOG.warn("file_changes lacks the changes of {} commits whose recorded value cannot be read", damaged);
        }
        LOG.debug("file_changes: {} rows derived from the recorded changes in {} ms", rows,
                (System.nanoTime() - started) / 1_000_000);
        return rows;
    }

    /** The values a step lists (a value gc dropped since is not there), by the values' key. */
    private static ResultSet select(Connection connection, PreparedStatement values, Pending step)
            throws SQLException {
        Array ids = connection.createArrayOf("VARCHAR", step.commitIds());
        values.setArray(1, ids);
        values.setLong(2, step.settingsId());
        return values.executeQuery();
    }

    /** A commit's rows, added to the batch; returns how many. */
    private static int addRows(PreparedStatement insert, long settingsId, String commitId, List<FileChange> changes)
            throws SQLException {
        int seq = 0;
        for (FileChange change : changes) {
            insert.setLong(1, settingsId);
            insert.setString(2, commitId);
            insert.setInt(3, seq++);
            insert.setString(4, change.path());
            insert.setString(5, change.oldPath());
            insert.setString(6, change.type().name());
            insert.setInt(7, change.insertions());
            insert.setInt(8, change.deletions());
            insert.setBoolean(9, change.binary());
            insert.setLong(10, change.oldSize());
            insert.setLong(11, change.newSize());
            insert.setInt(12, change.linesAfter());
            insert.addBatch();
        }
        return seq;
    }

    /**
     * The rows a query of a table or view gives: those there, and, for a derived table (and the views of one), those
     * of the values still pending, counted from the values without adding them.
     */
    public static long rowsOf(Connection connection, Tables.Table table) throws SQLException {
        if (table == Tables.FILE_CHANGES) {
            return count(connection);
        }
        if (table == Tables.COMMITS) {
            return CommitRows.count(connection);
        }
        if (table == Tables.AUTHORS) {
            return CommitRows.authors(connection);
        }
        long rows;
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
            count.next();
            rows = count.getLong(1);
        }
        return rows + HeadRows.pendingRows(connection, table);
    }

    /**
     * The rows {@code file_changes} gives a query: those there, and those of the values still
     * pending, counted from the values' heads without adding them.
     */
    private static long count(Connection connection) throws SQLException {
        long rows;
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM file_changes")) {
            count.next();
            rows = count.getLong(1);
        }
        if (Schema.version(connection) < Tables.DERIVED_ROWS) {
            return rows;
        }
        try (PreparedStatement values = connection.prepareStatement(VALUES)) {
            for (Pending step : pending(connection)) {
                try (ResultSet value = select(connection, values, step)) {
                    while (value.next()) {
                        try {
                            rows += ChangeCodec.count(value.getString(1), value.getBytes(2));
                        } catch (IllegalArgumentException e) {
                            // a damaged value gives no rows (expand() says so)
                        }
                    }
                }
            }
        }
        return rows;
    }
}
