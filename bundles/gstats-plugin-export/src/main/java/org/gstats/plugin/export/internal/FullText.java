package org.gstats.plugin.export.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;

/**
 * The whole report for people ({@code --format text --full}): the header, then every section
 * with its fields as aligned {@code key  value} lines and its tables as aligned columns (numbers
 * right-aligned), long tables cut after {@value #MAX_ROWS} rows, and the errors at the end.
 * Plain text without colours; the same report always gives the same bytes (UTC times, no locale).
 */
final class FullText {

    static final int MAX_ROWS = 25;
    static final int MAX_CELL_WIDTH = 60;
    static final int SHORT_ID_LENGTH = 7;

    private static final String INDENT = "  ";
    private static final String NO_VALUE = "-";

    private FullText() {
    }

    static List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        header(report.header(), lines);
        for (ReportSection section : report.sections()) {
            section(section, lines);
        }
        errors(report.errors(), lines);
        return lines;
    }

    private static void header(ReportHeader header, List<String> lines) {
        lines.add("gstats report" + (header.version() == null ? "" : " (version " + header.version() + ")"));
        lines.add("");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("repository", orNoValue(header.repository())));
        rows.add(List.of("branch", orNoValue(header.branch())));
        rows.add(List.of("head", header.head() == null ? "(no commits)" : shortId(header.head())));
        rows.add(List.of("scanned at", header.started() == null ? NO_VALUE
                : header.started().truncatedTo(ChronoUnit.SECONDS).toString()));
        rows.add(List.of("duration", String.format(Locale.ROOT, "%.1f s", header.durationMs() / 1000.0)));
        if (header.peakHeapBytes() != null) {
            rows.add(List.of("peak heap", String.format(Locale.ROOT, "%.1f MB", header.peakHeapBytes() / 1048576.0)));
        }
        if (header.pressureChanges() != null) {
            rows.add(List.of("pressure", header.pressureChanges() + " level changes"));
        }
        if (header.blockedMs() != null) {
            rows.add(List.of("blocked", header.blockedMs() + " ms waiting on plugins"));
        }
        lines.addAll(AlignedColumns.layout(rows, new boolean[] {false, false}));
    }

    private static void section(ReportSection section, List<String> lines) {
        String title = singleLine(section.name());
        lines.add("");
        lines.add(title);
        lines.add("=".repeat(AlignedColumns.width(title)));
        if (section.items().isEmpty()) {
            lines.add(INDENT + "(no results)");
        }
        for (ReportItem item : section.items()) {
            lines.add("");
            lines.add(singleLine(item.name()));
            if (item instanceof Fields fields) {
                fields(fields.values(), lines);
            } else {
                table((Table) item, lines);
            }
        }
    }

    private static void fields(Map<String, Object> values, List<String> lines) {
        if (values.isEmpty()) {
            lines.add(INDENT + "(none)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        values.forEach((key, value) -> rows.add(List.of(singleLine(key), format(value))));
        indent(AlignedColumns.layout(rows, new boolean[] {false, false}), lines);
    }

    private static void table(Table table, List<String> lines) {
        List<String> columns = table.columns();
        List<List<Object>> shown = table.rows().subList(0, Math.min(MAX_ROWS, table.rows().size()));

        List<List<String>> rows = new ArrayList<>(shown.size() + 1);
        rows.add(columns.stream().map(FullText::cell).toList());
        for (List<Object> row : shown) {
            rows.add(row.stream().map(value -> cell(format(value))).toList());
        }
        boolean[] numeric = new boolean[columns.size()];
        for (int column = 0; column < numeric.length; column++) {
            numeric[column] = isNumeric(shown, column);
        }
        indent(AlignedColumns.layout(rows, numeric), lines);

        if (table.rows().isEmpty()) {
            lines.add(INDENT + "(no rows)");
        }
        int hidden = table.rows().size() - shown.size();
        if (hidden > 0) {
            lines.add(INDENT + "… " + hidden + (hidden == 1 ? " more row" : " more rows")
                    + " (use --full --format text, or --format json, for all)");
        }
    }

    private static void errors(List<ReportError> errors, List<String> lines) {
        if (errors.isEmpty()) {
            return;
        }
        lines.add("");
        String title = errors.size() == 1 ? "1 error" : errors.size() + " errors";
        lines.add(title);
        lines.add("=".repeat(title.length()));
        List<List<String>> rows = new ArrayList<>();
        for (ReportError error : errors) {
            rows.add(List.of(orNoValue(error.plugin()), orNoValue(error.message())));
        }
        indent(AlignedColumns.layout(rows, new boolean[] {false, false}), lines);
    }

    /** A column whose shown values are all numbers (ignoring nulls) reads best right-aligned. */
    private static boolean isNumeric(List<List<Object>> rows, int column) {
        boolean anyNumber = false;
        for (List<Object> row : rows) {
            Object value = row.get(column);
            if (value instanceof Number) {
                anyNumber = true;
            } else if (value != null) {
                return false;
            }
        }
        return anyNumber;
    }

    static String format(Object value) {
        if (value == null) {
            return NO_VALUE;
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return roundForPeople(new BigDecimal(value.toString()));
        }
        if (value instanceof BigDecimal decimal) {
            return roundForPeople(decimal);
        }
        return singleLine(value.toString());
    }

    private static String roundForPeople(BigDecimal number) {
        BigDecimal rounded = number.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /**
     * Table cells are shortened in the middle, so that one long value (a commit message, a path)
     * cannot widen a table off screen and a path keeps its file name.
     */
    private static String cell(String text) {
        return AlignedColumns.shorten(singleLine(text), MAX_CELL_WIDTH);
    }

    /** Line breaks and tabs inside a value would break the layout. */
    static String singleLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return line.toString();
    }

    static String shortId(String id) {
        return id.length() > SHORT_ID_LENGTH ? id.substring(0, SHORT_ID_LENGTH) : id;
    }

    private static String orNoValue(String text) {
        return text == null ? NO_VALUE : singleLine(text);
    }

    private static void indent(List<String> block, List<String> lines) {
        for (String line : block) {
            lines.add(INDENT + line);
        }
    }
}
