package org.gstats.store.internal.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.gstats.api.store.StoreException;
import org.gstats.store.internal.Database;

/**
 * The store's schema version, kept in the one-row table {@value #VERSION_TABLE}, and its
 * migration forward on open by Flyway ({@link Migrations}), each step in its own transaction; a
 * new store is created at the current version in one. A store whose version is newer than this
 * gstats knows is left as it is.
 */
public final class Schema {

    public static final String VERSION_TABLE = "store_schema";

    /** The version that added the {@code reports} table. */
    public static final int WITH_REPORTS = Tables.REPORTS.since();

    /** The version from which reports are kept deflated. */
    public static final int WITH_DEFLATED_REPORTS = Tables.REPORTS.columns().stream()
            .filter(column -> column.name().equals("json_deflated")).findFirst().orElseThrow().since();

    /** The version this gstats writes. */
    public static final int CURRENT = Tables.VERSION;

    private Schema() {
    }

    /**
     * Brings the store to {@link #CURRENT} through Flyway when it is behind. A store at the
     * current version costs one query and no Flyway at all: a rescan opens the store several
     * times, and Flyway reads its history table and takes its lock at each run.
     *
     * @param dataSource where Flyway takes its own connections
     * @param connection the caller's connection, which reads the version and holds the lock
     * @return whether this call created the store from nothing ({@link #create}): its tables are
     *         then {@link Tables}' by construction, and {@link #verify} has nothing to find
     * @throws StoreException when a newer gstats wrote the store
     */
    public static boolean migrate(DataSource dataSource, Connection connection, String location)
            throws SQLException, StoreException {
        connection.setAutoCommit(false);
        if (behind(connection, location)) {
            if (!shared(connection)) {
                // an H2 file is one process's at a time; its scans (serve) take turns here
                synchronized (Schema.class) {
                    return migrateLocked(dataSource, connection, location);
                }
            } else {
                return migrateShared(dataSource, connection, location);
            }
        }
        return false;
    }

    /**
     * Processes sharing a server take turns on a lock of the server's. Flyway's own lock is taken
     * only after it has decided whether to baseline: two processes creating a fresh store at once
     * could both decide to, and one failed.
     */
    private static boolean migrateShared(DataSource dataSource, Connection connection, String location)
            throws SQLException, StoreException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                return migrateLocked(dataSource, connection, location);
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                connection.commit();
            }
        }
    }

    /** The database product whose processes share a store. */
    private static final String SHARED = "PostgreSQL";

    /** Whether other processes may use the store at once (a server's); else it is an H2 file, one process's. */
    public static boolean shared(Connection connection) throws SQLException {
        return SHARED.equals(connection.getMetaData().getDatabaseProductName());
    }

    /** The key of the server's advisory lock that migrations take: "gstats" in ASCII. */
    private static final long LOCK_KEY = 0x677374617473L;

    /**
     * Brings the store forward if it is still behind, once the caller holds the lock: a store
     * that is not there yet is created at once, an older one is migrated by Flyway.
     */
    private static boolean migrateLocked(DataSource dataSource, Connection connection, String location)
            throws SQLException, StoreException {
        if (!behind(connection, location)) {
            return false;
        }
        int version = version(connection);
        if (version == 0 && !isTable(connection, Migrations.HISTORY_TABLE)) {
            // without the version table nothing of a store is there; with it, a creation stopped half-way
            boolean fromNothing = !isTable(connection, VERSION_TABLE);
            create(connection, fromNothing);
            return fromNothing;
        }
        Migrations.flyway(dataSource, version).migrate();
        return false;
    }

    /**
     * The version a new store is created at in one statement per table and view, derived from
     * {@link Tables} as the steps are; the steps after it run as they are. A fixed version, not
     * {@link #CURRENT}: a new step lands on top without a change here (a step may do more than
     * {@link Tables} says, as step 8 encoded values), and raising it later only needs
     * {@code NewStoreTest} to pass.
     */
    static final int CREATED_AT = Tables.DERIVED_HEADS;

    /**
     * A new store at the current version in one transaction, without Flyway: loading Flyway and
     * running each step in a transaction of its own with its history row was half of a first
     * scan's opening of the store; running the steps one by one (creating tables that later
     * steps rename, re-key, alter or replace by views) was most of the rest, so a store made from
     * nothing is created at {@link #CREATED_AT} at once. A creation stopped half-way (H2 commits each
     * DDL statement) leaves the version table at 0 beside some tables, of whichever shape the
     * stopped gstats created them: the steps from 1, each of which may run again harmlessly, bring
     * that forward. Flyway, needed only when a later gstats adds a step, then takes the store's
     * version as its baseline, as it does for the stores written before it.
     *
     * @param fromNothing whether the database holds nothing of a store (no version table)
     */
    private static void create(Connection connection, boolean fromNothing) throws SQLException {
        int created = 0;
        if (fromNothing) {
            Step.createAt(connection, CREATED_AT);
            created = CREATED_AT;
        }
        for (int step = created + 1; step <= CURRENT; step++) {
            Step.apply(connection, step);
        }
        connection.commit();
    }

    /**
     * Whether the store's version is older than this gstats writes.
     *
     * @throws StoreException when it is newer
     */
    private static boolean behind(Connection connection, String location) throws SQLException, StoreException {
        int version = version(connection);
        connection.commit();
        if (version > CURRENT) {
            throw new StoreException("the store at " + location + " was written by a newer gstats (schema " + version
                    + ", this one knows " + CURRENT + "); left untouched");
        }
        return version < CURRENT;
    }

    /**
     * Checks that the store holds every table, view and column this version names, with one
     * query that reads no row: a store whose recorded version disagrees with its tables (another
     * build of gstats, numbering its steps otherwise, wrote it) would fail every write.
     *
     * @throws StoreException naming what is missing and what to do
     */
    public static void verify(Connection connection, String location) throws SQLException, StoreException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(PROBE)) {
            rows.next();
        } catch (SQLException e) {
            connection.rollback();
            // class 42: an unknown table or column (H2 42S02 and 42S22, PostgreSQL 42P01 and 42703)
            if (e.getSQLState() == null || !e.getSQLState().startsWith("42")) {
                throw e;
            }
            throw new StoreException("the store at " + location + " lacks what its schema version " + CURRENT
                    + " names (" + Database.oneLine(e) + "; another build of gstats wrote "
                    + "it): 'gstats store clear --all' empties it", e);
        }
    }

    /** Every column of every table and view, reading no row. */
    private static final String PROBE = Tables.ALL.stream()
            .map(table -> "SELECT 1 FROM (SELECT " + table.columns().stream().map(Tables.Column::name)
                    .collect(Collectors.joining(", ")) + " FROM " + table.name() + " WHERE 1 = 0) " + table.name())
            .collect(Collectors.joining(" UNION ALL "));

    /** The store's version; 0 for an empty database. */
    public static int version(Connection connection) throws SQLException {
        if (!isTable(connection, VERSION_TABLE)) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version FROM " + VERSION_TABLE)) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** Whether a table (not a view) of that name exists, as H2 (upper case) or PostgreSQL (lower case) keeps it. */
    public static boolean isTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String each : List.of(name, name.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(null, null, each, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The columns of the table's primary key in order, in lower case; none when it has no key. */
    public static List<String> keyColumns(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        // H2 keeps names in upper case, PostgreSQL in lower case
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            SortedMap<Short, String> columns = new TreeMap<>();
            try (ResultSet keys = meta.getPrimaryKeys(null, connection.getSchema(), name)) {
                while (keys.next()) {
                    columns.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (!columns.isEmpty()) {
                return List.copyOf(columns.values());
            }
        }
        return List.of();
    }
}
