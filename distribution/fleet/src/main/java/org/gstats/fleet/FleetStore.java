package org.gstats.fleet;

import java.io.IOException;
import java.io.Serializable;

import org.gstats.api.store.StoreException;
import org.gstats.store.internal.Database;
import org.gstats.store.internal.StoreLocation;

/**
 * The store every task writes into ({@code --store URL}): gstats' store, H2 or PostgreSQL, with
 * the user and password that {@code GSTATS_STORE_USER} and {@code GSTATS_STORE_PASSWORD} give,
 * as {@code gstats scan --store} takes them. They travel to the executors with the tasks.
 *
 * @param user     null for none
 * @param password null for none
 */
record FleetStore(String url, String user, String password) implements Serializable {

    /**
     * The store at {@code url}. An H2 file store waits for a table lock as long as a task may take
     * (its own default is one second, and a concurrent task's write of a large scan holds the lock
     * longer), unless the URL sets {@code LOCK_TIMEOUT} itself; PostgreSQL waits anyway.
     */
    static FleetStore of(String url, String user, String password, long timeoutSeconds) {
        boolean h2 = url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("LOCK_TIMEOUT");
        return new FleetStore(h2 ? url + ";LOCK_TIMEOUT=" + Math.min(Integer.MAX_VALUE, timeoutSeconds * 1000) : url,
                user, password);
    }

    /**
     * Creates or upgrades the store's schema, by the store's own code, once before the tasks
     * start: tasks that found an empty store at once would each create it, and all but one fail.
     */
    void prepare() throws IOException {
        try {
            Database.closeQuietly(Database.of(new StoreLocation(url, user, password), StandaloneGstats.DRIVERS::get)
                    .open());
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        // never the password, should a task be printed
        return url;
    }
}
