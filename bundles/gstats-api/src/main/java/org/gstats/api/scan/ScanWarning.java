package org.gstats.api.scan;

import java.util.Objects;

/**
 * Something the scanner could not read or had to leave out without stopping the scan, e.g. a
 * blob missing from a damaged or partial clone, or the end of a shallow clone's history.
 *
 * @param commitId the commit concerned, {@code null} when the warning is about the whole scan
 * @param objectId the object that could not be read, {@code null} when none is concerned
 * @param message  one line for the user, naming what was skipped
 * @since 1.1
 */
public record ScanWarning(String commitId, String objectId, String message) {

    public ScanWarning {
        Objects.requireNonNull(message, "message");
    }
}
