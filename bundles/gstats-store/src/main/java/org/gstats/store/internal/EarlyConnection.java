package org.gstats.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.gstats.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured store's connection, made on a thread of its own while a direct {@code gstats scan}
 * process is still starting (its framework's components, its command), and handed to the scan's
 * open when the scan names the same store; the open then migrates and checks it as it does its own
 * ({@link Database#prepare}), since a store the scan does not use must not be migrated. In a fresh
 * JVM H2's first connection is its engine's start, the file's header and last chunk, and its
 * tables' statements replayed: 80 to 200 ms that the scan's open used to wait for. A scan that
 * names another store, or none, has it closed, so that a file this process will not use is not
 * left locked to other processes longer than that; so does the store's deactivation, which does
 * not wait for it (a usage error ends as fast as before; a process that exits while H2 is still
 * opening the file, which it only reads then, leaves it as a killed one would, and H2 keeps its files
 * whole through that). A connection that fails is dropped in silence: the scan's own open fails the
 * same way and says so in its one line.
 *
 * <p>Once connected, it also reads what the scan's open would read of the repository the scan is
 * likely to name ({@link StoreSessionImpl#prefetch}): a rescan of commons-lang waited some 0.15 s
 * for that read after the framework had started.
 */
final class EarlyConnection {

    private static final Logger LOG = LoggerFactory.getLogger("gstats.store");

    private final Database database;
    /** Where the scan's repository may be, most likely first ({@link StoreSessionImpl#prefetch}). */
    private final List<String> repositories;
    /** Guarded by this: the connection once made (null when it failed), whether made, whether let go. */
    private Connection connection;
    /** Guarded by this: what was read of a repository on the connection; null for nothing. */
    private StoreSessionImpl.Prefetched prefetched;
    private boolean made;
    private boolean released;

    /** The connection and what it read, taken by the scan's open; both null when there is none. */
    record Taken(Connection connection, StoreSessionImpl.Prefetched prefetched) {
        static final Taken NONE = new Taken(null, null);
    }

    private EarlyConnection(Database database, List<String> repositories) {
        this.database = database;
        this.repositories = List.copyOf(repositories);
    }

    /**
     * Starts connecting to {@code database} on a daemon thread of its own, then reading what a scan of
     * one of {@code repositories} would read.
     */
    static EarlyConnection start(Database database, List<String> repositories) {
        EarlyConnection early = new EarlyConnection(database, repositories);
        Thread thread = new Thread(early::connect, "gstats-store-connect");
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    private void connect() {
        long start = System.nanoTime();
        Connection opened = null;
        StoreSessionImpl.Prefetched read = null;
        try {
            opened = database.connect();
            long connected = System.nanoTime();
            LOG.debug("store connected early in {} ms", (connected - start) / 1_000_000);
            read = prefetch(opened);
            if (read != null) {
                LOG.debug("store read early: {} commits' changes of {} in {} ms", read.settled().changes().size(),
                        read.repository(), (System.nanoTime() - connected) / 1_000_000);
            }
        } catch (StoreException | RuntimeException e) {
            LOG.debug("the early connection failed: {}", Database.oneLine(e));
        }
        synchronized (this) {
            made = true;
            if (released) {
                Database.closeQuietly(opened);
            } else {
                connection = opened;
                prefetched = read;
            }
            notifyAll();
        }
    }

    /** What a scan of the likely repository would read; null when it cannot be read now (the open reads it). */
    private StoreSessionImpl.Prefetched prefetch(Connection opened) {
        if (repositories.isEmpty() || released()) {
            return null;
        }
        try {
            return StoreSessionImpl.prefetch(opened, repositories);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("the early read failed: {}", Database.oneLine(e));
            return null;
        }
    }

    private synchronized boolean released() {
        return released;
    }

    /**
     * The connection, once made, and what it read, when it reaches {@code location}; else
     * {@link Taken#NONE}, and it is closed. Either way it is this object's no more.
     */
    Taken take(StoreLocation location) {
        if (!database.location().equals(location)) {
            release();
            return Taken.NONE;
        }
        boolean interrupted = false;
        try {
            synchronized (this) {
                while (!made) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // the connection is being made: it is taken whole or closed, not let go half made
                        interrupted = true;
                    }
                }
                released = true;
                Taken taken = connection == null ? Taken.NONE : new Taken(connection, prefetched);
                connection = null;
                prefetched = null;
                return taken;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the connection, now when it is made, else as soon as it is. */
    synchronized void release() {
        released = true;
        Database.closeQuietly(connection);
        connection = null;
        prefetched = null;
    }
}
