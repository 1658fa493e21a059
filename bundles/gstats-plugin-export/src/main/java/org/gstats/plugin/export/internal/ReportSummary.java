package org.gstats.plugin.export.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.Table;

/**
 * The few facts of a report that a person reads first, taken from the items the builtin plugins
 * write ({@code commits.*}, {@code metrics.*}); each part is empty when its plugin did not take
 * part. The text summary and the markdown report show the same facts from here.
 */
final class ReportSummary {

    static final int TOP_AUTHORS = 10;
    static final int TOP_HOTSPOTS = 5;
    static final int TOP_LANGUAGES = 6;
    static final int TOP_DEBT = 5;

    private final Report report;

    ReportSummary(Report report) {
        this.report = report;
    }

    Report report() {
        return report;
    }

    /** {@code commits.totals}. */
    Map<String, Object> commitTotals() {
        return fields("commits.totals");
    }

    /** {@code metrics.summary}. */
    Map<String, Object> metricsSummary() {
        return fields("metrics.summary");
    }

    /** {@code metrics.debt_summary}. */
    Map<String, Object> debtSummary() {
        return fields("metrics.debt_summary");
    }

    /** The first {@value #TOP_AUTHORS} rows of {@code commits.authors}. */
    Rows topAuthors() {
        return rows("commits.authors", TOP_AUTHORS, "name", "email", "commits", "insertions", "deletions",
                "last_commit");
    }

    Rows topHotspots() {
        return rows("metrics.hotspots", TOP_HOTSPOTS, "path", "score", "revisions", "complexity", "churn");
    }

    Rows languages() {
        return rows("metrics.languages", TOP_LANGUAGES, "language", "files", "code_lines");
    }

    /** The files with the highest debt scores (the debt table lists the worst first). */
    Rows worstDebt() {
        return rows("metrics.debt", TOP_DEBT, "path", "rating", "score");
    }

    /** How many author identities are in clusters, and how many clusters; zeros when none. */
    long[] identityClusters() {
        Optional<Table> clusters = table("commits.identity_clusters");
        if (clusters.isEmpty() || clusters.get().rows().isEmpty()) {
            return new long[] {0, 0};
        }
        int cluster = clusters.get().columns().indexOf("cluster");
        long count = clusters.get().rows().stream().map(row -> row.get(cluster)).distinct().count();
        return new long[] {clusters.get().rows().size(), count};
    }

    /** Commits in every month from the first to the last with commits, gaps as 0, in order. */
    Map<YearMonth, Long> commitsByMonth() {
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        Optional<Table> table = table("commits.by_month");
        if (table.isEmpty() || table.get().rows().isEmpty()) {
            return months;
        }
        int month = table.get().columns().indexOf("month");
        int commits = table.get().columns().indexOf("commits");
        Map<YearMonth, Long> given = new LinkedHashMap<>();
        try {
            for (List<Object> row : table.get().rows()) {
                given.merge(YearMonth.parse(String.valueOf(row.get(month))),
                        ((Number) row.get(commits)).longValue(), Long::sum);
            }
        } catch (DateTimeParseException | ClassCastException e) {
            return months;
        }
        YearMonth first = given.keySet().stream().min(YearMonth::compareTo).orElseThrow();
        YearMonth last = given.keySet().stream().max(YearMonth::compareTo).orElseThrow();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.put(m, given.getOrDefault(m, 0L));
        }
        return months;
    }

    /**
     * Some rows of a table, the chosen columns only (those the table lacks are left out).
     *
     * @param columns the columns shown
     * @param rows    the first rows
     * @param total   all rows of the table
     */
    record Rows(List<String> columns, List<List<Object>> rows, int total) {

        static final Rows NONE = new Rows(List.of(), List.of(), 0);

        boolean isEmpty() {
            return rows.isEmpty();
        }

        /** The value of {@code column} in row {@code row}, null when the table lacks the column. */
        Object get(int row, String column) {
            int index = columns.indexOf(column);
            return index < 0 ? null : rows.get(row).get(index);
        }
    }

    private Rows rows(String item, int limit, String... wanted) {
        Optional<Table> found = table(item);
        if (found.isEmpty()) {
            return Rows.NONE;
        }
        Table table = found.get();
        List<String> columns = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (String column : wanted) {
            int index = table.columns().indexOf(column);
            if (index >= 0) {
                columns.add(column);
                indexes.add(index);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows().subList(0, Math.min(limit, table.rows().size()))) {
            List<Object> picked = new ArrayList<>();
            indexes.forEach(index -> picked.add(row.get(index)));
            rows.add(picked);
        }
        return new Rows(columns, rows, table.rows().size());
    }

    private Map<String, Object> fields(String item) {
        Optional<ReportItem> found = report.item(item);
        return found.isPresent() && found.get() instanceof Fields fields ? fields.values() : Map.of();
    }

    private Optional<Table> table(String item) {
        Optional<ReportItem> found = report.item(item);
        return found.isPresent() && found.get() instanceof Table table ? Optional.of(table) : Optional.empty();
    }
}
