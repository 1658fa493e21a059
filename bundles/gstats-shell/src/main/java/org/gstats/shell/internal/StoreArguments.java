package org.gstats.shell.internal;

/** {@code --store URL} and {@code --no-store} as given on the command line, checked before the scan. */
final class StoreArguments {

    private StoreArguments() {
    }

    /** @param store the URL given, or null when {@code --store} was not given */
    static void check(String store, boolean noStore) throws CommandFailure {
        if (store == null) {
            return;
        }
        if (noStore) {
            throw CommandFailure.badUsage("--store and --no-store exclude each other: give one");
        }
        if (!store.startsWith("jdbc:h2:") && !store.startsWith("jdbc:postgresql:")) {
            throw CommandFailure.badUsage("--store takes a jdbc:h2:… or jdbc:postgresql://… URL, not " + store);
        }
    }
}
