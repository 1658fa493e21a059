package org.gstats.store.internal;

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

import org.gstats.api.FileChange;
import org.gstats.store.internal.schema.Schema;
import org.gstats.store.internal.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of {@code file_changes}, derived from the values of {@code commit_changes} when
 * something reads that table. A scan writes a commit's changes once, as its value (what a rescan
 * reads); the rows, the same facts for queries, were a quarter of a first scan's cost of writing
 * the store, so they are added by the first read that needs them ({@code gstats sql} naming the
 * table, {@code store info}, the fleet) and kept: {@code commit_changes.rows_pending} marks the values
 * whose rows are not there yet (a scan writes it true; values stored before schema 10 have their rows).
 *
 * <p>Each value is claimed (its mark cleared only where it is still set) in the transaction that
 * adds its rows, so its rows go in once whatever runs beside: PostgreSQL makes a second claim of
 * the same value wait for the first and then find it cleared. Expansions and {@code store gc} also
 * take turns on a lock (the server's advisory lock; an H2 file is one process's, whose readers
 * take turns on this class's), so that no work is done twice and gc never drops a value whose
 * rows are being added. A value a scan commits meanwhile is expanded by the next read. The values
 * are read in one pass and expanded in steps of {@value #BATCH}, each committed with its claims:
 * one long transaction makes H2 write its pages several times over.
 */
public final class ChangeRows {

    private static final Logger LOG = LoggerFactory.getLogger("gstats.store");

    /** Values expanded (and claimed) per committed step. */
    private static final int BATCH = 1000;

    /** The key of the server's advisory lock that expansions and gc take: "gstatsfc" in ASCII. */
    private static final long LOCK_KEY = 0x6773746174736663L;

    /** What expansions and gc of an H2 store in this process take turns on. */
    private static final Object LOCAL_LOCK = new Object();

    private ChangeRows() {
    }

    /** Whether a query may read {@code file_changes}: it names the table (in any case, quoted or not). */
    public static boolean readBy(String sql) {
        return sql.toLowerCase(Locale.ROOT).contains(Tables.FILE_CHANGES.name());
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
     * Adds the rows of every value not yet expanded, committed. A store older than
     * {@link Tables#DERIVED_ROWS} has every value's rows (its scans wrote them) and is left as it is.
     *
     * @return the rows added
     */
    public static long expand(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        if (Schema.version(connection) < Tables.DERIVED_ROWS) {
            connection.rollback();
            return 0;
        }
        return exclusively(connection, () -> expandAll(connection));
    }

    private static long expandAll(Connection connection) throws SQLException {
        long started = System.nanoTime();
        // one pass, in the table's own order (the rows go in under a row id of their own: no order to keep);
        // the result is held over each step's commit (both drivers read it whole, H2 spilling a large one to disk)
        try (Expansion expansion = new Expansion(connection);
                PreparedStatement select = connection.prepareStatement("SELECT settings_id, commit_id, changes FROM "
                        + "commit_changes WHERE rows_pending", ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY, ResultSet.HOLD_CURSORS_OVER_COMMIT);
                ResultSet values = select.executeQuery()) {
            while (values.next()) {
                expansion.add(values.getLong(1), values.getString(2), values.getBytes(3));
            }
            expansion.step();
            if (expansion.damaged > 0) {
                LOG.warn("file_changes lacks the changes of {} commits whose recorded value cannot be read",
                        expansion.damaged);
            }
            LOG.debug("file_changes: {} rows derived from the recorded changes in {} ms", expansion.rows,
                    (System.nanoTime() - started) / 1_000_000);
            return expansion.rows;
        }
    }

    /** The values read so far, expanded and committed a step at a time. */
    private static final class Expansion implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement claim;
        private final PreparedStatement insert;
        private final Map<String, String> paths = new HashMap<>();
        private final List<Long> settingsIds = new ArrayList<>(BATCH);
        private final List<String> commitIds = new ArrayList<>(BATCH);
        private final List<byte[]> values = new ArrayList<>(BATCH);
        long rows;
        int damaged;

        Expansion(Connection connection) throws SQLException {
            this.connection = connection;
            claim = connection.prepareStatement("UPDATE commit_changes SET rows_pending = NULL WHERE settings_id = ? "
                    + "AND commit_id = ? AND rows_pending");
            insert = connection.prepareStatement("INSERT INTO file_changes (settings_id, commit_id, seq, path, "
                    + "old_path, change_type, insertions, deletions, is_binary, old_size, new_size, lines_after) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(long settingsId, String commitId, byte[] value) throws SQLException {
            settingsIds.add(settingsId);
            commitIds.add(commitId);
            values.add(value);
            if (values.size() == BATCH) {
                step();
            }
        }

        /** Claims the values held, adds the rows of those it claimed, and commits both. */
        void step() throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                claim.setLong(1, settingsIds.get(i));
                claim.setString(2, commitIds.get(i));
                claim.addBatch();
            }
            int[] claimed = claim.executeBatch();
            for (int i = 0; i < values.size(); i++) {
                if (claimed[i] == 0) {
                    continue; // another expansion's (it waited for ours, or ran first)
                }
                try {
                    rows += addRows(insert, settingsIds.get(i), commitIds.get(i),
                            ChangeCodec.decode(commitIds.get(i), values.get(i), paths));
                } catch (IllegalArgumentException e) {
                    // cleared all the same: a rescan diffs the commit again, and no read can do better
                    damaged++;
                }
            }
            insert.executeBatch();
            connection.commit();
            settingsIds.clear();
            commitIds.clear();
            values.clear();
        }

        @Override
        public void close() throws SQLException {
            try (insert) {
                claim.close();
            }
        }
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
     * The rows {@code file_changes} gives a query: those there, and those of the values not yet
     * expanded, counted from the values' heads without adding them.
     */
    public static long count(Connection connection) throws SQLException {
        long rows;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM file_changes")) {
                count.next();
                rows = count.getLong(1);
            }
            if (Schema.version(connection) < Tables.DERIVED_ROWS) {
                return rows;
            }
            try (ResultSet values = statement.executeQuery(
                    "SELECT commit_id, changes FROM commit_changes WHERE rows_pending")) {
                while (values.next()) {
                    try {
                        rows += ChangeCodec.count(values.getString(1), values.getBytes(2));
                    } catch (IllegalArgumentException e) {
                        // a damaged value gives no rows (expand() says so)
                    }
                }
            }
        }
        return rows;
    }
}
