package org.gstats.plugin.export.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.WriterOptions;
import org.gstats.plugin.export.internal.ReportSummary.Rows;

/**
 * The text report as a summary that fits the console: header, totals, top authors, a sparkline
 * of commits per month, hotspots, languages, debt and errors, each part only when its plugin took
 * part. No line is wider than {@link WriterOptions#width()}: long paths and names give way in the
 * middle. Colour, when asked for, marks headings and news and never changes the layout.
 */
final class TextSummary {

    static final String INDENT = "  ";
    private static final String GAP = "  ";
    /** The narrowest a shortened name or path gets, so that it stays recognisable. */
    private static final int MIN_FLEX = 12;
    /** Below this, a table shows fewer columns so that its first (a name, a path) stays readable. */
    private static final int MIN_FIRST = 30;
    private static final int BAR = 20;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ReportSummary summary;
    private final int width;
    private final Style style;
    private final List<String> lines = new ArrayList<>();

    private TextSummary(ReportSummary summary, WriterOptions options) {
        this.summary = summary;
        this.width = options.width();
        this.style = Style.of(options);
    }

    static List<String> lines(org.gstats.api.report.Report report, WriterOptions options) {
        TextSummary text = new TextSummary(new ReportSummary(report), options);
        text.header(report.header());
        text.totals();
        text.authors();
        text.activity();
        text.hotspots();
        text.languages();
        text.debt();
        text.errors(report.errors());
        text.lines.add("");
        text.lines.add(text.style.quiet(text.fit("--full prints every table; --format html, json or markdown "
                + "writes the whole report")));
        return text.lines;
    }

    private void header(ReportHeader header) {
        lines.add(style.heading(fit("gstats report of " + FullText.singleLine(String.valueOf(header.repository())))));
        List<String> facts = new ArrayList<>();
        facts.add(header.head() == null ? "no commits"
                : FullText.singleLine(String.valueOf(header.branch())) + " at " + FullText.shortId(header.head()));
        if (header.started() != null) {
            facts.add("scanned " + MINUTE.format(header.started()));
        }
        facts.add(String.format(Locale.ROOT, "in %.1f s", header.durationMs() / 1000.0));
        if (header.version() != null) {
            facts.add("gstats " + header.version());
        }
        lines.add(style.quiet(fit(String.join(" · ", facts))));
    }

    private void totals() {
        List<String> sentences = summary.totalsSentences();
        if (sentences.isEmpty()) {
            return;
        }
        section("Totals");
        sentences.forEach(this::line);
    }

    private void authors() {
        Rows authors = summary.topAuthors();
        if (authors.isEmpty()) {
            return;
        }
        section("Top authors" + (authors.total() > authors.rows().size()
                ? " (" + authors.rows().size() + " of " + number(authors.total()) + ")" : ""));
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        rows.add(List.of("author", "commits", "+lines", "−lines", "last commit"));
        names.add("author");
        for (int i = 0; i < authors.rows().size(); i++) {
            Object email = authors.get(i, "email");
            String name = FullText.singleLine(String.valueOf(authors.get(i, "name")));
            names.add(name);
            rows.add(List.of(name + (email == null ? "" : " <" + FullText.singleLine(email.toString()) + ">"),
                    number(authors.get(i, "commits")), number(authors.get(i, "insertions")),
                    number(authors.get(i, "deletions")), day(authors.get(i, "last_commit"))));
        }
        // where "name <email>" does not fit, the name alone does better than both cut
        table(rows, new boolean[] {false, true, true, true, false}, names, false);
        String clusters = summary.clustersSentence();
        if (clusters != null) {
            lines.add(style.warning(fit(INDENT + "! " + clusters)));
        }
    }

    private void activity() {
        Map<YearMonth, Long> months = summary.commitsByMonth();
        if (months.isEmpty()) {
            return;
        }
        section("Activity, commits per month");
        List<YearMonth> keys = new ArrayList<>(months.keySet());
        ReportSummary.Sparkline spark = summary.sparkline(width - INDENT.length());
        lines.add(INDENT + style.good(spark.line().stripTrailing()));
        int perColumn = spark.monthsPerColumn();
        YearMonth busiest = spark.busiest();
        String from = keys.get(0).toString();
        String to = keys.get(keys.size() - 1).toString();
        String note = (perColumn > 1 ? perColumn + " months a column; " : "") + "busiest " + busiest + ": "
                + number(months.get(busiest));
        int room = Math.max(spark.line().length(), from.length() + to.length() + 1);
        String axis = keys.size() == 1 ? from : from + " ".repeat(Math.max(1, room - from.length() - to.length()))
                + to;
        lines.add(style.quiet(fit(INDENT + axis)));
        lines.add(style.quiet(fit(INDENT + note)));
    }

    private void hotspots() {
        Rows hotspots = summary.topHotspots();
        if (hotspots.isEmpty()) {
            return;
        }
        section("Hotspots, changed often and complex" + (hotspots.total() > hotspots.rows().size()
                ? " (" + hotspots.rows().size() + " of " + number(hotspots.total()) + ")" : ""));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("path", "score", "revisions", "complexity", "churn"));
        for (int i = 0; i < hotspots.rows().size(); i++) {
            rows.add(List.of(FullText.singleLine(String.valueOf(hotspots.get(i, "path"))),
                    FullText.format(hotspots.get(i, "score")), number(hotspots.get(i, "revisions")),
                    number(hotspots.get(i, "complexity")), number(hotspots.get(i, "churn"))));
        }
        pathTable(rows, new boolean[] {false, true, true, true, true});
    }

    private void languages() {
        Rows languages = summary.languages();
        if (languages.isEmpty()) {
            return;
        }
        section("Languages" + (languages.total() > languages.rows().size()
                ? " (" + languages.rows().size() + " of " + number(languages.total()) + ")" : ""));
        Object total = summary.metricsSummary().get("code_lines");
        long all = total instanceof Number n ? n.longValue() : 0;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("language", "files", "code lines", "share"));
        for (int i = 0; i < languages.rows().size(); i++) {
            Object code = languages.get(i, "code_lines");
            double share = all > 0 && code instanceof Number n ? n.doubleValue() / all : 0;
            rows.add(List.of(FullText.singleLine(String.valueOf(languages.get(i, "language"))),
                    number(languages.get(i, "files")), number(code),
                    String.format(Locale.ROOT, "%3.0f%% ", share * 100) + "█".repeat((int) Math.round(share * BAR))));
        }
        table(rows, new boolean[] {false, true, true, false}, null, false);
    }

    private void debt() {
        Map<String, Object> debt = summary.debtSummary();
        if (debt.isEmpty()) {
            return;
        }
        section("Technical debt");
        String rating = String.valueOf(debt.get("rating"));
        String head = "rating ";
        String rest = summary.debtSentence().substring(head.length() + rating.length());
        String plain = fit(INDENT + head + rating + rest);
        int at = INDENT.length() + head.length();
        lines.add(plain.startsWith(INDENT + head + rating)
                ? plain.substring(0, at) + style.rating(rating) + plain.substring(at + rating.length()) : plain);
        Rows worst = summary.worstDebt();
        if (!worst.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("most debt", "rating", "score"));
            for (int i = 0; i < worst.rows().size(); i++) {
                rows.add(List.of(FullText.singleLine(String.valueOf(worst.get(i, "path"))),
                        String.valueOf(worst.get(i, "rating")), FullText.format(worst.get(i, "score"))));
            }
            pathTable(rows, new boolean[] {false, false, true});
        }
    }

    private void errors(List<ReportError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(style.bad(errors.size() == 1 ? "1 error" : errors.size() + " errors"));
        int shown = Math.min(errors.size(), 10);
        for (ReportError error : errors.subList(0, shown)) {
            lines.addAll(wrapped(FullText.singleLine(String.valueOf(error.plugin())) + ": "
                    + FullText.singleLine(String.valueOf(error.message()))));
        }
        if (errors.size() > shown) {
            lines.add(style.quiet(INDENT + "… " + (errors.size() - shown) + " more (see --full or --format json)"));
        }
    }

    /**
     * An indented line over as many lines of the width as it takes, broken between words, continued
     * one indent deeper: an error is not cut, since its end names what to act on (a damaged pack,
     * the commits behind it). A word wider than a line is broken where the line ends.
     */
    private List<String> wrapped(String text) {
        List<String> out = new ArrayList<>();
        String continuation = INDENT + INDENT;
        StringBuilder line = new StringBuilder(INDENT);
        boolean empty = true;
        for (String word : text.strip().split(" +")) {
            String rest = word;
            while (!rest.isEmpty()) {
                int room = width - AlignedColumns.width(line.toString()) - (empty ? 0 : 1);
                if (AlignedColumns.width(rest) <= room) {
                    line.append(empty ? "" : " ").append(rest);
                    empty = false;
                    rest = "";
                } else if (!empty) {
                    out.add(line.toString());
                    line = new StringBuilder(continuation);
                    empty = true;
                } else {
                    String head = AlignedColumns.prefix(rest, Math.max(1, room));
                    out.add(line.append(head).toString());
                    line = new StringBuilder(continuation);
                    rest = rest.substring(head.length());
                }
            }
        }
        if (!empty) {
            out.add(line.toString());
        }
        return out;
    }

    private void section(String title) {
        lines.add("");
        lines.add(style.heading(fit(title)));
    }

    private void line(String text) {
        lines.add(fit(INDENT + text));
    }

    /**
     * Lays out a table with its first row as header (quiet), shortening the cells of column
     * {@code flexible} in the middle so that every line fits the width.
     */
    private void pathTable(List<List<String>> rows, boolean[] numeric) {
        table(rows, numeric, null, true);
    }

    /**
     * @param shorter per row, what the first column shows when its cell does not fit; null for none
     * @param paths   whether the first column holds paths, which keep their file name
     */
    private void table(List<List<String>> rows, boolean[] numeric, List<String> shorter, boolean paths) {
        int columns = numeric.length;
        int room = room(rows, columns);
        // on a narrow console the last columns give way before the first gets unreadable
        while (room < MIN_FIRST && columns > 2) {
            room = room(rows, --columns);
        }
        room = Math.max(MIN_FLEX, room);
        List<List<String>> fitted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = new ArrayList<>(rows.get(i).subList(0, columns));
            String cell = cells.get(0);
            if (shorter != null && AlignedColumns.width(cell) > room) {
                cell = shorter.get(i);
            }
            cells.set(0, paths ? AlignedColumns.shortenPath(cell, room) : AlignedColumns.shorten(cell, room));
            fitted.add(cells);
        }
        List<String> laid = AlignedColumns.layout(fitted, java.util.Arrays.copyOf(numeric, columns));
        for (int i = 0; i < laid.size(); i++) {
            String line = fit(INDENT + laid.get(i));
            lines.add(i == 0 ? style.quiet(line) : line);
        }
    }

    /** The columns left for the first column when the next {@code columns - 1} are shown whole. */
    private int room(List<List<String>> rows, int columns) {
        int others = INDENT.length() + GAP.length() * (columns - 1);
        for (int column = 1; column < columns; column++) {
            int widest = 0;
            for (List<String> row : rows) {
                widest = Math.max(widest, AlignedColumns.width(row.get(column)));
            }
            others += widest;
        }
        return width - others;
    }

    /** The line within the width: cut at the end (it is prose, not a path) with {@code …}. */
    private String fit(String line) {
        return AlignedColumns.width(line) <= width ? line : AlignedColumns.prefix(line, width - 1) + "…";
    }

    private static String day(Object instant) {
        return ReportSummary.day(instant);
    }

    static String number(Object value) {
        return ReportSummary.number(value);
    }
}
