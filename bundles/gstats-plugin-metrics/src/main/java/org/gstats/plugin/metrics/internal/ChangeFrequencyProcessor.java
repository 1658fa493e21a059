package org.gstats.plugin.metrics.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.gstats.api.report.Table;
import org.gstats.plugin.metrics.internal.history.ChangeHistory;
import org.gstats.plugin.metrics.internal.history.Frequency;

/**
 * The {@code change_frequency} table: one row per counted head file, then one per directory
 * holding them (rolled up: a directory's revisions are the commits that touched any counted
 * file below it), with all-time figures and the same figures per configured window.
 */
final class ChangeFrequencyProcessor {

    private final int[] windows;

    ChangeFrequencyProcessor(int[] windows) {
        this.windows = windows.clone();
    }

    ChangeHistory.Frequencies frequencies(ChangeHistory history, Collection<String> paths, Instant headTime) {
        return history.frequencies(paths, headTime, windows);
    }

    Table table(ChangeHistory.Frequencies frequencies) {
        List<String> columns = new ArrayList<>(List.of("kind", "path", "revisions", "churn", "authors"));
        for (int window : windows) {
            columns.add("revisions_" + window + "d");
            columns.add("churn_" + window + "d");
            columns.add("authors_" + window + "d");
        }
        columns.addAll(List.of("first_change", "last_change", "age_days"));
        List<List<Object>> rows = new ArrayList<>();
        addRows(rows, "file", frequencies.files());
        addRows(rows, "directory", frequencies.directories());
        return new Table("change_frequency", columns, rows);
    }

    private void addRows(List<List<Object>> rows, String kind, Map<String, Frequency> byPath) {
        byPath.forEach((path, f) -> {
            List<Object> row = new ArrayList<>(List.of(kind, path, f.revisions()[0], f.churn()[0], f.authors()[0]));
            for (int w = 1; w <= windows.length; w++) {
                row.add(f.revisions()[w]);
                row.add(f.churn()[w]);
                row.add(f.authors()[w]);
            }
            row.add(f.firstChange() == null ? null : f.firstChange().toString());
            row.add(f.lastChange() == null ? null : f.lastChange().toString());
            row.add(f.ageDays());
            rows.add(row);
        });
    }
}
