package org.gstats.plugin.metrics.internal.format;

import java.util.Locale;

/** What a file is for. */
public enum Category {
    SOURCE, MARKUP, DATA, CONFIG, DOCUMENTATION, BUILD, GENERATED, VENDORED, BINARY, OTHER;

    /** The lower-case word used in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
