package org.gstats.api.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The report of a stored scan as the {@code json} report format wrote it: the store keeps the
 * latest one of each repository, so that a dashboard can be drawn again without scanning.
 *
 * @param scanId     the store's id of the scan
 * @param repository the scanned repository, as {@link ScanStore#history} takes it
 * @param json       the JSON report
 * @since 1.2
 */
public record StoredReport(long scanId, Path repository, String json) {

    public StoredReport {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(json, "json");
    }
}
