package org.gstats.store.internal;

import java.sql.Connection;

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
 */
final class EarlyConnection {

    private static final Logger LOG = LoggerFactory.getLogger("gstats.store");

    private final Database database;
    /** Guarded by this: the connection once made (null when it failed), whether made, whether let go. */
    private Connection connection;
    private boolean made;
    private boolean released;

    private EarlyConnection(Database database) {
        this.database = database;
    }

    /** Starts connecting to {@code database} on a daemon thread of its own. */
    static EarlyConnection start(Database database) {
        EarlyConnection early = new EarlyConnection(database);
        Thread thread = new Thread(early::connect, "gstats-store-connect");
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    private void connect() {
        long start = System.nanoTime();
        Connection opened = null;
        try {
            opened = database.connect();
            LOG.debug("store connected early in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (StoreException | RuntimeException e) {
            LOG.debug("the early connection failed: {}", Database.oneLine(e));
        }
        synchronized (this) {
            made = true;
            if (released) {
                Database.closeQuietly(opened);
            } else {
                connection = opened;
            }
            notifyAll();
        }
    }

    /**
     * The connection, once made, when it reaches {@code location}; else null, and it is closed. Either
     * way it is this object's no more.
     */
    Connection take(StoreLocation location) {
        if (!database.location().equals(location)) {
            release();
            return null;
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
                Connection taken = connection;
                connection = null;
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
    }
}
