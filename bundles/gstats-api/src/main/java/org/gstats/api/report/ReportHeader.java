package org.gstats.api.report;

import java.time.Instant;

/**
 * What was scanned, when and how long it took.
 *
 * @param version    gstats version
 * @param repository absolute path of the scanned repository
 * @param branch     the ref scanned, as named by the user ({@code HEAD} by default)
 * @param head       the commit id the scan started from, {@code null} for an empty repository
 * @param started    when the scan started
 * @param durationMs wall time of the scan in milliseconds
 */
public record ReportHeader(String version, String repository, String branch, String head, Instant started,
        long durationMs) {
}
