package org.gstats.plugin.metrics.internal.format;

import java.util.Locale;

/** What a binary file holds. */
public enum BinaryKind {
    IMAGE, ARCHIVE, EXECUTABLE, OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
