package org.gstats.plugin.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.gstats.plugin.export.internal.ReportSummary.Rows;
import org.osgi.service.component.annotations.Component;

/**
 * The report as GitHub-flavoured Markdown, for a pull request, a wiki or a README: the summary
 * first (the facts of the text summary, as lists and tables), then every section's fields and
 * tables, each table cut after {@value FullText#MAX_ROWS} rows unless {@code --full}. Every
 * value is escaped, so that data (an author's name, a path) can neither break a table nor
 * become markup.
 */
@Component(service = ReportWriter.class,
        property = ReportWriter.FORMAT_PROPERTY + "=" + MarkdownReportWriter.FORMAT)
public class MarkdownReportWriter implements ReportWriter {

    static final String FORMAT = "markdown";
    /** What is markup anywhere in a line. */
    private static final String SPECIAL = "\\`*_[]<>|~&";
    /** What is markup at the start of a line or list item: a heading, a list, a quote, an ordered list. */
    private static final java.util.regex.Pattern BLOCK_START = java.util.regex.Pattern.compile("^([#+=>-]|\\d+[.)])");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Set<Option> options() {
        return Set.of(Option.FULL);
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        write(report, WriterOptions.DEFAULT, out);
    }

    @Override
    public void write(Report report, WriterOptions options, OutputStream out) throws IOException {
        List<String> lines = new ArrayList<>();
        ReportSummary summary = new ReportSummary(report);
        header(report.header(), lines);
        summary(summary, lines);
        errors(report.errors(), lines);
        for (ReportSection section : report.sections()) {
            lines.add("");
            lines.add("## " + escape(section.name()));
            for (ReportItem item : section.items()) {
                lines.add("");
                lines.add("### " + escape(item.name()));
                lines.add("");
                if (item instanceof Fields fields) {
                    fields(fields.values(), lines);
                } else {
                    table((Table) item, options.full(), lines);
                }
            }
        }
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String line : lines) {
            text.write(line);
            text.write('\n');
        }
        text.flush();
    }

    private static void header(ReportHeader header, List<String> lines) {
        lines.add("# gstats report");
        lines.add("");
        lines.add("- repository: " + code(header.repository()));
        lines.add("- " + (header.head() == null ? "no commits"
                : code(header.branch()) + " at " + code(FullText.shortId(header.head()))));
        if (header.started() != null) {
            lines.add("- scanned " + escape(header.started().toString()) + String.format(java.util.Locale.ROOT,
                    " in %.1f s", header.durationMs() / 1000.0) + (header.version() == null ? ""
                            : " by gstats " + escape(header.version())));
        }
    }

    private static void summary(ReportSummary summary, List<String> lines) {
        lines.add("");
        lines.add("## Summary");
        List<String> facts = new ArrayList<>(summary.totalsSentences());
        String debt = summary.debtSentence();
        if (debt != null) {
            facts.add("technical debt: " + debt);
        }
        String clusters = summary.clustersSentence();
        if (clusters != null) {
            facts.add(clusters);
        }
        if (!facts.isEmpty()) {
            lines.add("");
            facts.forEach(fact -> lines.add("- " + escape(fact)));
        }
        ReportSummary.Sparkline spark = summary.sparkline(80);
        if (spark != null) {
            lines.add("");
            lines.add("Commits per month" + (spark.monthsPerColumn() > 1 ? " (" + spark.monthsPerColumn()
                    + " months a column)" : "") + ", busiest " + spark.busiest() + ": " + code(spark.line()));
        }
        rows("Top authors", summary.topAuthors(), lines);
        rows("Hotspots", summary.topHotspots(), lines);
        rows("Languages", summary.languages(), lines);
        rows("Most debt", summary.worstDebt(), lines);
    }

    private static void rows(String title, Rows rows, List<String> lines) {
        if (rows.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("### " + title + (rows.total() > rows.rows().size() ? " (" + rows.rows().size() + " of "
                + ReportSummary.number(rows.total()) + ")" : ""));
        lines.add("");
        grid(rows.columns(), rows.rows(), lines);
    }

    private static void errors(List<ReportError> errors, List<String> lines) {
        if (errors.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("## " + (errors.size() == 1 ? "1 error" : errors.size() + " errors"));
        lines.add("");
        for (ReportError error : errors) {
            lines.add("- " + code(error.plugin()) + ": " + escape(String.valueOf(error.message())));
        }
    }

    private static void fields(Map<String, Object> values, List<String> lines) {
        List<List<Object>> rows = new ArrayList<>();
        values.forEach((key, value) -> rows.add(java.util.Arrays.asList(key, value)));
        grid(List.of("field", "value"), rows, lines);
    }

    private static void table(Table table, boolean full, List<String> lines) {
        List<List<Object>> shown = full ? table.rows()
                : table.rows().subList(0, Math.min(FullText.MAX_ROWS, table.rows().size()));
        grid(table.columns(), shown, lines);
        int hidden = table.rows().size() - shown.size();
        if (table.rows().isEmpty()) {
            lines.add("");
            lines.add("*no rows*");
        } else if (hidden > 0) {
            lines.add("");
            lines.add("*… " + hidden + (hidden == 1 ? " more row" : " more rows") + " (--full for all)*");
        }
    }

    /** A GitHub table: numbers right-aligned (by the first row that has a value), everything escaped. */
    private static void grid(List<String> columns, List<List<Object>> rows, List<String> lines) {
        StringBuilder head = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (int column = 0; column < columns.size(); column++) {
            head.append(' ').append(escape(columns.get(column))).append(" |");
            rule.append(isNumeric(rows, column) ? " ---: |" : " --- |");
        }
        lines.add(head.toString());
        lines.add(rule.toString());
        for (List<Object> row : rows) {
            StringBuilder line = new StringBuilder("|");
            for (Object value : row) {
                line.append(' ').append(escape(FullText.format(value))).append(" |");
            }
            lines.add(line.toString());
        }
    }

    private static boolean isNumeric(List<List<Object>> rows, int column) {
        for (List<Object> row : rows) {
            Object value = row.get(column);
            if (value != null) {
                return value instanceof Number;
            }
        }
        return false;
    }

    /** Text as a code span: backticks inside are escaped by a longer fence. */
    private static String code(String text) {
        String value = FullText.singleLine(ReportValues.text(String.valueOf(text)));
        String fence = value.contains("`") ? "``" : "`";
        return fence + (value.startsWith("`") || value.endsWith("`") ? " " + value + " " : value) + fence;
    }

    /**
     * The text on one line with what Markdown would read as markup backslash-escaped: inline
     * markup ({@code |} included) anywhere, block markup ({@code # - + > 1.}) at the start.
     */
    static String escape(String text) {
        String line = FullText.singleLine(ReportValues.text(text));
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        java.util.regex.Matcher start = BLOCK_START.matcher(line);
        int from = 0;
        if (start.find()) {
            String marker = start.group(1);
            escaped.append(marker, 0, marker.length() - 1).append('\\').append(marker.charAt(marker.length() - 1));
            from = marker.length();
        }
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
