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
 * @param peakHeapBytes   the largest heap in use the memory tracker saw during the scan, {@code null}
 *                        when nothing measured it (since 1.2)
 * @param pressureChanges how often the memory pressure level changed during the scan, {@code null}
 *                        when nothing measured it (since 1.2)
 * @param blockedMs       how long the scanner waited on full or pressured plugin queues, {@code null}
 *                        when nothing measured it (since 1.2)
 */
public record ReportHeader(String version, String repository, String branch, String head, Instant started,
        long durationMs, Long peakHeapBytes, Integer pressureChanges, Long blockedMs) {

    /** A header without memory figures, as the 1.0 and 1.1 API made it. */
    public ReportHeader(String version, String repository, String branch, String head, Instant started,
            long durationMs) {
        this(version, repository, branch, head, started, durationMs, null, null, null);
    }

    /** The same header with the scan's memory figures. */
    public ReportHeader withMemory(long peakHeap, int changes, long blocked) {
        return new ReportHeader(version, repository, branch, head, started, durationMs, peakHeap, changes, blocked);
    }
}
