package org.gstats.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gstats.api.store.StoreOptions;

/** {@code --store URL} and {@code --no-store}, as the scan request's store options. */
final class StoreArguments {

    private StoreArguments() {
    }

    static Map<String, String> options(String store, boolean noStore) throws CommandFailure {
        Map<String, String> options = new LinkedHashMap<>();
        if (!ScanArguments.ABSENT.equals(store)) {
            if (store == null || store.isEmpty() || ScanArguments.isOption(store)) {
                throw CommandFailure.badUsage("--store needs a JDBC URL, e.g. jdbc:postgresql://host/gstats");
            }
            if (noStore) {
                throw CommandFailure.badUsage("--store and --no-store exclude each other: give one");
            }
            if (!store.startsWith("jdbc:h2:") && !store.startsWith("jdbc:postgresql:")) {
                throw CommandFailure.badUsage("--store takes a jdbc:h2:… or jdbc:postgresql://… URL, not " + store);
            }
            options.put(StoreOptions.URL, store);
        }
        if (noStore) {
            options.put(StoreOptions.ENABLED, "false");
        }
        return options;
    }
}
