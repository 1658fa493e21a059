package org.gstats.store.internal;

import java.util.ArrayList;
import java.util.List;

import org.gstats.api.scan.ScanRequest;

/**
 * The filters that only choose which commits a scan reports ({@link ChangeSettings} leaves them
 * out: they change no commit's changes), in the words of the command line. A stored scan keeps
 * them so that its summary figures are not read as the whole history's: a {@code --since
 * yesterday} scan's commit count is not a fall in the repository's trend.
 */
final class HistoryScope {

    private HistoryScope() {
    }

    /** @return the request's commit filters as options, or {@code null} when it reports the whole history */
    static String of(ScanRequest request) {
        List<String> options = new ArrayList<>();
        if (request.since() != null) {
            options.add("--since " + request.since());
        }
        if (request.until() != null) {
            options.add("--until " + request.until());
        }
        if (request.maxCommits() > 0) {
            options.add("--max-count " + request.maxCommits());
        }
        if (request.author() != null) {
            options.add("--author " + request.author());
        }
        return options.isEmpty() ? null : String.join(" ", options);
    }
}
