package org.gstats.api.scan;

import java.util.Locale;

/** Where a plugin stands, as {@code gstats:plugins} lists it (since 2.0). */
public enum PluginState {
    /** Takes part in scans. */
    ACTIVE,
    /** Cannot take part: unresolved bundle, not a bundle, or a name another plugin holds. */
    REJECTED,
    /** Takes part in scans, but failed in the last one. */
    FAILING,
    /** Failed too often in a row; left out of scans until its cool-down ends. */
    DISABLED;

    /** The word {@code gstats:plugins} prints and its JSON carries: {@code active}, {@code rejected}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
