package org.gstats.plugin.export.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** The totals in a few sentences: commits and authors, changed lines, the files at head; none without data. */
    List<String> totalsSentences() {
        Map<String, Object> commits = commitTotals();
        Map<String, Object> metrics = metricsSummary();
        List<String> sentences = new ArrayList<>();
        if (!commits.isEmpty()) {
            String first = day(commits.get("first_commit"));
            sentences.add(number(commits.get("commits")) + " commits (" + number(commits.get("merges"))
                    + " merges) by " + number(commits.get("authors")) + " authors"
                    + (first.isEmpty() ? "" : ", " + first + " to " + day(commits.get("last_commit"))));
            sentences.add(number(commits.get("files_changed")) + " files changed: +" + number(commits.get("insertions"))
                    + " −" + number(commits.get("deletions")) + " lines");
        }
        if (!metrics.isEmpty()) {
            Object ratio = metrics.get("duplication_ratio");
            sentences.add(number(metrics.get("files")) + " files at head: " + number(metrics.get("code_lines"))
                    + " code lines, " + number(metrics.get("comment_lines")) + " comments, "
                    + number(metrics.get("functions")) + " functions" + (ratio instanceof Number n
                            ? String.format(Locale.ROOT, ", %.1f%% duplicated", n.doubleValue() * 100) : ""));
        }
        return sentences;
    }

    /** {@code rating C (score 22.6 of 100); files rated A 1, B 2, ...}; null without a debt summary. */
    String debtSentence() {
        Map<String, Object> debt = debtSummary();
        if (debt.isEmpty()) {
            return null;
        }
        return "rating " + debt.get("rating") + " (score " + FullText.format(debt.get("score")) + " of 100); "
                + "files rated A " + number(debt.get("rated_a")) + ", B " + number(debt.get("rated_b")) + ", C "
                + number(debt.get("rated_c")) + ", D " + number(debt.get("rated_d")) + ", E "
                + number(debt.get("rated_e"));
    }

    /** The one line about identities that look like one person; null when there are none. */
    String clustersSentence() {
        long[] clusters = identityClusters();
        if (clusters[0] == 0) {
            return null;
        }
        return clusters[0] + " identities look like " + clusters[1] + (clusters[1] == 1 ? " person" : " people")
                + ": see --group-authors name, gstats mailmap";
    }

    /**
     * Commits per month as bars, one column for {@code monthsPerColumn} months.
     *
     * @param line            one character per column, blank for none
     * @param monthsPerColumn how many months a column adds up
     * @param busiest         the month with the most commits
     */
    record Sparkline(String line, int monthsPerColumn, YearMonth busiest) {
    }

    private static final char[] LEVELS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    /** The sparkline of {@link #commitsByMonth()} in at most {@code columns} columns; null without months. */
    Sparkline sparkline(int columns) {
        Map<YearMonth, Long> months = commitsByMonth();
        if (months.isEmpty()) {
            return null;
        }
        List<YearMonth> keys = new ArrayList<>(months.keySet());
        int perColumn = (keys.size() + columns - 1) / columns;
        List<Long> buckets = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += perColumn) {
            long sum = 0;
            for (int j = i; j < Math.min(keys.size(), i + perColumn); j++) {
                sum += months.get(keys.get(j));
            }
            buckets.add(sum);
        }
        long max = buckets.stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder line = new StringBuilder();
        for (long value : buckets) {
            line.append(value == 0 ? ' ' : LEVELS[(int) Math.min(LEVELS.length - 1,
                    Math.max(0, (value * LEVELS.length - 1) / Math.max(1, max)))]);
        }
        YearMonth busiest = keys.get(0);
        for (YearMonth month : keys) {
            if (months.get(month) > months.get(busiest)) {
                busiest = month;
            }
        }
        return new Sparkline(line.toString(), perColumn, busiest);
    }

    /** A whole number with thousands separators, {@code 12,345}; anything else as the full text shows it. */
    static String number(Object value) {
        Object normalized = value == null ? null : ReportValues.normalize(value);
        if (normalized instanceof Long || normalized instanceof java.math.BigInteger) {
            return String.format(Locale.ROOT, "%,d", normalized);
        }
        return FullText.format(value);
    }

    /** The day of an ISO instant, e.g. {@code 2024-01-15}; empty for none. */
    static String day(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return Instant.parse(instant.toString()).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return FullText.singleLine(instant.toString());
        }
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
