package org.gstats.api.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A chart that a section asks the HTML report to draw from one of its own tables: what kind of
 * chart, which table, and which of its columns play which part. The columns' parts depend on the
 * kind; the factory methods name them. Writers without charts (CSV, XML, YAML, text) ignore
 * charts; the JSON report carries them so that a page fed JSON draws the same charts.
 *
 * @param title   the chart's caption, for people
 * @param kind    how the rows are drawn
 * @param table   the name of a {@link Table} in the same section
 * @param columns the table's columns, in the order the kind gives their parts
 * @since 1.3
 */
public record ChartSpec(String title, Kind kind, String table, List<String> columns) {

    /** How a chart draws its table's rows, and the parts its columns play, in order. */
    public enum Kind {
        /** Horizontal bars, the biggest on top: a label column, then one or more value columns. */
        BAR(2, Integer.MAX_VALUE),
        /** Lines over an ordered first column (a date, a month, a number): x, then one or more y columns. */
        LINE(2, Integer.MAX_VALUE),
        /** Shares of a whole: a label column and a value column. */
        PIE(2, 2),
        /**
         * Rectangles nested by the {@code /} of a path: the path column, the size column (a
         * number) and the colour column (a number for a scale, text for one colour per value).
         */
        TREEMAP(3, 3),
        /** Nodes joined by edges: a source column, a target column and the edge's weight (a number). */
        GRAPH(3, 3),
        /** A grid of cells: the x column, the y column and the cell's value (a number). */
        HEATMAP(3, 3);

        private final int minColumns;
        private final int maxColumns;

        Kind(int minColumns, int maxColumns) {
            this.minColumns = minColumns;
            this.maxColumns = maxColumns;
        }

        /** The kind's name in the JSON report and in documentation: {@code bar}, {@code treemap}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ChartSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        if (columns.size() < kind.minColumns || columns.size() > kind.maxColumns) {
            throw new IllegalArgumentException("chart " + title + ": a " + kind.label() + " chart takes "
                    + (kind.minColumns == kind.maxColumns ? String.valueOf(kind.minColumns)
                            : "at least " + kind.minColumns)
                    + " columns, not " + columns.size());
        }
    }

    /** Horizontal bars of {@code valueColumns} per {@code labelColumn}, biggest first. */
    public static ChartSpec bar(String title, String table, String labelColumn, String... valueColumns) {
        return new ChartSpec(title, Kind.BAR, table, concat(labelColumn, valueColumns));
    }

    /** Lines of {@code yColumns} over {@code xColumn}. */
    public static ChartSpec line(String title, String table, String xColumn, String... yColumns) {
        return new ChartSpec(title, Kind.LINE, table, concat(xColumn, yColumns));
    }

    /** Each row's {@code valueColumn} as a share of the total, named by {@code labelColumn}. */
    public static ChartSpec pie(String title, String table, String labelColumn, String valueColumn) {
        return new ChartSpec(title, Kind.PIE, table, List.of(labelColumn, valueColumn));
    }

    /** One rectangle per path, nested by directory, as big as {@code sizeColumn}, coloured by {@code colourColumn}. */
    public static ChartSpec treemap(String title, String table, String pathColumn, String sizeColumn,
            String colourColumn) {
        return new ChartSpec(title, Kind.TREEMAP, table, List.of(pathColumn, sizeColumn, colourColumn));
    }

    /** A node per distinct source or target, an edge per row, as strong as {@code weightColumn}. */
    public static ChartSpec graph(String title, String table, String sourceColumn, String targetColumn,
            String weightColumn) {
        return new ChartSpec(title, Kind.GRAPH, table, List.of(sourceColumn, targetColumn, weightColumn));
    }

    /** A cell per row at ({@code xColumn}, {@code yColumn}), shaded by {@code valueColumn}. */
    public static ChartSpec heatmap(String title, String table, String xColumn, String yColumn,
            String valueColumn) {
        return new ChartSpec(title, Kind.HEATMAP, table, List.of(xColumn, yColumn, valueColumn));
    }

    private static List<String> concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return Arrays.asList(all);
    }
}
