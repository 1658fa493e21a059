package org.gstats.store.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import javax.sql.DataSource;

import org.gstats.api.store.StoreException;
import org.gstats.store.internal.schema.Schema;
import org.osgi.service.jdbc.DataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store location and the driver's {@link DataSourceFactory} that reaches it: H2 for
 * {@code jdbc:h2:} URLs, PostgreSQL for {@code jdbc:postgresql:}. Every failure becomes a
 * {@link StoreException} with one line for the user, without the password.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger("gstats.store");

    static final String H2_DRIVER = "org.h2.Driver";
    static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";

    private final StoreLocation location;
    private final DataSource dataSource;
    private final DataSourceFactory factory;

    private Database(StoreLocation location, DataSource dataSource, DataSourceFactory factory) {
        this.location = location;
        this.dataSource = dataSource;
        this.factory = factory;
    }

    /**
     * @param factories the registered factories by their {@code osgi.jdbc.driver.class}
     */
    public static Database of(StoreLocation location, Function<String, DataSourceFactory> factories) throws StoreException {
        String driver = driverOf(location.url());
        DataSourceFactory factory = factories.apply(driver);
        if (factory == null) {
            throw new StoreException("no JDBC driver for " + location.url() + " is installed (the bundle that "
                    + "registers a DataSourceFactory for " + driver + " is missing)");
        }
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, h2Settings(location.url()));
        if (location.user() != null) {
            properties.setProperty(DataSourceFactory.JDBC_USER, location.user());
        }
        if (location.password() != null) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, location.password());
        }
        try {
            return new Database(location, factory.createDataSource(properties), factory);
        } catch (SQLException e) {
            throw failure("cannot use the store at " + location.url(), e);
        }
    }

    /**
     * H2 settings the URL does not give itself. H2 writes a trace file beside the store and
     * prints to stderr, in its own words, when it cannot: a store that cannot be used is one
     * warning line of ours, so no trace file. H2 compacts the file for up to 200 ms each time
     * the last connection closes, twice a scan: on a rescan, which writes a scan row and the
     * report, that was 40 % of the CPU of a rescan in a warm JVM (commons-lang), and the file
     * grows by about 0.6 MB a rescan without it. So no compaction on close: {@code gstats store
     * gc} compacts the file whole (docs/store.md). Pages are compressed (LZF) as H2 writes them:
     * hex ids, paths and names repeat from row to row, and a cold scan of commons-lang left a
     * file of 10 MB instead of 17 MB for the same CPU time within the noise. H2 reads pages
     * written either way, so older stores need nothing.
     */
    static String h2Settings(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String settings = url;
        for (String setting : List.of("TRACE_LEVEL_FILE=0", "MAX_COMPACT_TIME=0", "COMPRESS=TRUE")) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            if (!url.toUpperCase(Locale.ROOT).contains(";" + key)) {
                settings += ";" + setting;
            }
        }
        return settings;
    }

    /**
     * Whether the store is an embedded H2 file that is not there yet: it holds nothing, so a scan
     * needs nothing from it before the scan is written, and its walk need not wait for its creation.
     * False for every other location (a server, an H2 URL this does not read as a plain file),
     * which is opened as it is.
     */
    public boolean absent() {
        return file().filter(file -> !Files.exists(file)).isPresent();
    }

    /** The embedded H2 file of the store, when it is one named by its absolute path ({@link #h2File}). */
    public Optional<Path> file() {
        return Optional.ofNullable(h2File(location.url()));
    }

    /**
     * The file of an H2 URL naming a file by its absolute path ({@code jdbc:h2:file:/…} or
     * {@code jdbc:h2:/…}, as the default store and {@code --store} give it), with the
     * {@code .mv.db} H2 adds; null for any other URL (memory, a server, a relative or {@code ~} path).
     */
    static Path h2File(String url) {
        String rest = url.startsWith("jdbc:h2:file:") ? url.substring("jdbc:h2:file:".length())
                : url.startsWith("jdbc:h2:/") ? url.substring("jdbc:h2:".length()) : null;
        if (rest == null) {
            return null;
        }
        int settings = rest.indexOf(';');
        String path = settings < 0 ? rest : rest.substring(0, settings);
        if (!path.startsWith("/")) {
            return null;
        }
        try {
            return Path.of(path + ".mv.db");
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Whether the store is an embedded H2 file, which {@link #compact} can shrink. */
    public boolean embedded() {
        return location.url().startsWith("jdbc:h2:");
    }

    /**
     * Rewrites an embedded H2 file without the space its deleted and replaced rows left, and
     * closes the database ({@code SHUTDOWN COMPACT}); PostgreSQL reclaims space on its own.
     */
    public void compact(Connection connection) throws SQLException {
        if (embedded()) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
        }
    }

    static String driverOf(String url) throws StoreException {
        for (Map.Entry<String, String> prefix : Map.of("jdbc:h2:", H2_DRIVER, "jdbc:postgresql:", POSTGRESQL_DRIVER)
                .entrySet()) {
            if (url.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        throw new StoreException("unsupported store URL " + url + " (use jdbc:h2:… or jdbc:postgresql://…)");
    }

    public StoreLocation location() {
        return location;
    }

    /** A connection to a store at the current schema, in manual-commit mode. */
    public Connection open() throws StoreException {
        long start = System.nanoTime();
        return prepare(connect(), start);
    }

    /**
     * A connection to the store as it is, neither migrated nor checked ({@link #prepare} does both):
     * what a connection made before a scan asks for it does ({@link EarlyConnection}), which must not
     * migrate a store the scan may not use.
     */
    Connection connect() throws StoreException {
        try {
            if (absent()) {
                createFolder();
            }
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw failure("cannot open the store at " + location.url(), e);
        }
    }

    /**
     * Brings a {@linkplain #connect() connection} to the current schema and checks its tables; closes it
     * when that fails.
     *
     * @param start when the connection was asked for ({@link System#nanoTime()}), for the log
     */
    Connection prepare(Connection connection, long start) throws StoreException {
        try {
            long connected = System.nanoTime();
            boolean created = Schema.migrate(dataSource, connection, location.url());
            long migrated = System.nanoTime();
            if (!created) {
                Schema.verify(connection, location.url());
            }
            LOG.debug("store connected in {} ms, its version checked (or created) in {} ms, its tables in {} ms",
                    (connected - start) / 1_000_000, (migrated - connected) / 1_000_000,
                    (System.nanoTime() - migrated) / 1_000_000);
            return connection;
        } catch (SQLException | StoreException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof StoreException store) {
                throw store;
            }
            throw failure("cannot open the store at " + location.url(), e);
        }
    }

    /**
     * The folder of a new H2 file, made here so that one that cannot be made is named in words
     * (H2 says "IO Exception" and the path twice).
     */
    private void createFolder() throws StoreException {
        Path folder = file().orElseThrow().getParent();
        try {
            Files.createDirectories(folder);
        } catch (FileSystemException e) {
            String why = e instanceof AccessDeniedException ? "permission denied for " + e.getFile()
                    : e instanceof FileAlreadyExistsException ? e.getFile() + " is not a folder"
                    : e.getMessage();
            throw new StoreException("cannot create the store at " + location.url() + ": " + why
                    + " (give --store a path in a folder you may write)", e);
        } catch (IOException e) {
            throw failure("cannot create the store at " + location.url(), e);
        }
    }

    /** A connection without migration, for reading only: a store of another version is read as it is. */
    public Connection openForReading() throws StoreException {
        try {
            // a store that is not there yet reads as an empty one, and a read does not create its file
            Connection connection = absent() ? emptyStore() : dataSource.getConnection();
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            throw failure("cannot open the store at " + location.url(), e);
        }
    }

    /** A private in-memory H2 database, gone with its connection: what a store not created yet holds. */
    private Connection emptyStore() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, "jdbc:h2:mem:");
        return factory.createDataSource(properties).getConnection();
    }

    /**
     * Writes what was committed to an embedded H2 file now, so that a full disk fails the scan's
     * write in one line: H2 writes committed changes later on its own, and on a full disk it would
     * lose them without a word. The file is synced (fsync) by H2 itself as the session's last
     * connection closes the database; a {@code CHECKPOINT SYNC} here synced it a first time, which
     * none of the store's guarantees needs (a process killed after the write leaves the written
     * file whole; after a crash of the system H2 opens its last whole version). PostgreSQL commits
     * durably.
     */
    public void checkpoint(Connection connection) throws SQLException {
        if (embedded()) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        }
    }

    public static StoreException failure(String what, Exception e) {
        return new StoreException(what + ": " + oneLine(e), e);
    }

    /** The first line of the message, without H2's error-code suffix. */
    public static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "unknown database error" : cause.getMessage();
        message = message.strip().lines().findFirst().orElse("");
        if (message.contains("Writing to ") && message.contains(" failed")) {
            return "writing the store's file failed (is the disk full?)";
        }
        // H2 nests its exceptions' class names in the text
        message = message.replaceAll("\"?(?:[a-z_]+\\.)+[A-Z]\\w*(?:Exception|Error): ", "")
                .replaceAll(" \\[[\\d./]+\\]", "");
        return message.replaceAll("\\s*\\[\\d+-\\d+\\]$", "").replaceAll(";? ?SQL statement:$", "");
    }

    /**
     * Rolls back the transaction that failed with {@code failure} and closes its connection; a rollback that
     * fails too is added to {@code failure}, suppressed.
     */
    static void abandon(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
        closeQuietly(connection);
    }

    public static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the work is done or abandoned already; nothing else to tell
            }
        }
    }
}
