package org.gstats.api.scan;

import java.util.Objects;

/**
 * Something the scanner could not read or had to leave out without stopping the scan, e.g. a
 * blob missing from a damaged or partial clone, or the end of a shallow clone's history.
 *
 * @param commitId      the commit concerned, {@code null} when the warning is about the whole scan
 * @param objectId      the object that could not be read, {@code null} when none is concerned
 * @param message       one line for the user, naming what was skipped
 * @param unreadCommits how many commits of the requested history could not be read at all
 *                      (a damaged pack, a missing commit), 0 when every commit was read; a scan
 *                      that lost commits has failed, though its report says what it could (since 1.1)
 * @since 1.1
 */
public record ScanWarning(String commitId, String objectId, String message, long unreadCommits) {

    public ScanWarning {
        Objects.requireNonNull(message, "message");
        if (unreadCommits < 0) {
            throw new IllegalArgumentException("unreadCommits must not be negative: " + unreadCommits);
        }
    }

    /** A warning that loses no commit. */
    public ScanWarning(String commitId, String objectId, String message) {
        this(commitId, objectId, message, 0);
    }
}
