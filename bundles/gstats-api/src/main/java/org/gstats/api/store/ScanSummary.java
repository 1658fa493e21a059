package org.gstats.api.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.gstats.api.report.Table;

/**
 * The summary figures of one stored scan.
 *
 * @param scanId      the store's id of the scan
 * @param started     when the scan started
 * @param branch      the ref as requested
 * @param headId      the commit the scan started from; {@code null} for an empty repository
 * @param commits     commits reported
 * @param authors     distinct author emails among them
 * @param files       files at the head
 * @param lines       lines of the text files at the head
 * @param durationMs  how long the scan took
 * @param scope       the history options that limited which commits the scan reported ({@code --since},
 *                    {@code --until}, {@code --max-count}, {@code --author}) in words; {@code null} for the
 *                    branch's whole history, whose figures compare from scan to scan (since 1.4)
 * @param complexity  the cyclomatic complexity of the head's functions, summed, as the metrics plugin's
 *                    summary gives it; {@code null} when that plugin did not run, and for a scan stored
 *                    before these figures were (since 1.6)
 * @param debtScore   the head's technical debt, 0 (none) to 100, as the metrics plugin's debt summary scores
 *                    it; {@code null} as {@code complexity} (since 1.6)
 * @param debtRating  that score's rating, {@code "A"} (best) to {@code "E"}; {@code null} as
 *                    {@code complexity} (since 1.6)
 * @param duplication the share of the lines of the head's source files that lie in clones, 0 to 1;
 *                    {@code null} as {@code complexity} (since 1.6)
 * @param gstatsVersion the version of the gstats that ran the scan, as its report's header gives it
 *                    (since 1.7)
 */
public record ScanSummary(long scanId, Instant started, String branch, String headId, long commits, long authors,
        long files, long lines, long durationMs, String scope, Long complexity, Double debtScore, String debtRating,
        Double duplication, String gstatsVersion) {

    /** The columns of {@link #table}: the components, as {@code gstats history} heads them. @since 1.7 */
    public static final List<String> COLUMNS = List.of("scan_id", "started", "branch", "scope", "head_id", "commits",
            "authors", "files", "lines", "complexity", "debt_score", "debt_rating", "duplication", "duration_ms",
            "gstats_version");

    public ScanSummary {
        Objects.requireNonNull(started, "started");
    }

    /** A summary without the version of the gstats that ran the scan (as before 1.7). */
    public ScanSummary(long scanId, Instant started, String branch, String headId, long commits, long authors,
            long files, long lines, long durationMs, String scope, Long complexity, Double debtScore,
            String debtRating, Double duplication) {
        this(scanId, started, branch, headId, commits, authors, files, lines, durationMs, scope, complexity,
                debtScore, debtRating, duplication, null);
    }

    /** A summary without the head's metrics figures (as before 1.6). */
    public ScanSummary(long scanId, Instant started, String branch, String headId, long commits, long authors,
            long files, long lines, long durationMs, String scope) {
        this(scanId, started, branch, headId, commits, authors, files, lines, durationMs, scope, null, null, null,
                null);
    }

    /** A summary of a scan of the branch's whole history. */
    public ScanSummary(long scanId, Instant started, String branch, String headId, long commits, long authors,
            long files, long lines, long durationMs) {
        this(scanId, started, branch, headId, commits, authors, files, lines, durationMs, null);
    }

    /**
     * The scans as a table named {@code history}, one row a scan in the given order, under {@link #COLUMNS};
     * {@code started} as ISO-8601 text.
     *
     * @since 1.7
     */
    public static Table table(List<ScanSummary> scans) {
        List<List<Object>> rows = new ArrayList<>(scans.size());
        for (ScanSummary scan : scans) {
            rows.add(Arrays.asList(scan.scanId, scan.started.toString(), scan.branch, scan.scope, scan.headId,
                    scan.commits, scan.authors, scan.files, scan.lines, scan.complexity, scan.debtScore,
                    scan.debtRating, scan.duplication, scan.durationMs, scan.gstatsVersion));
        }
        return new Table("history", COLUMNS, rows);
    }
}
