package org.gstats.api;

import java.util.Locale;

/** What happened to a file in one commit, as {@code git diff --name-status} says it. */
public enum ChangeType {
    ADDED,
    MODIFIED,
    DELETED,
    RENAMED,
    COPIED;

    /** The lower-case word used in reports: {@code added}, {@code modified}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
