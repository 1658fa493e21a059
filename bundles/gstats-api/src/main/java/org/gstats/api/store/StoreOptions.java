package org.gstats.api.store;

/**
 * The keys of a scan request's options that choose the store for that scan, so that
 * concurrent scans may use different stores.
 */
public final class StoreOptions {

    /** A JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql://…}) in place of the configured store. */
    public static final String URL = "store.url";

    /** {@code false} scans without reading or writing the store. */
    public static final String ENABLED = "store.enabled";

    private StoreOptions() {
    }
}
