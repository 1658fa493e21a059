package org.gstats.api.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin's results, named after the plugin, and the charts it asks the HTML report to draw
 * from its tables.
 */
public record ReportSection(String name, List<ReportItem> items, List<ChartSpec> charts) {

    /**
     * @throws IllegalArgumentException when a chart names a table the section lacks, or a column
     *                                  that table lacks
     * @since 1.3 (charts)
     */
    public ReportSection {
        Objects.requireNonNull(name, "name");
        items = List.copyOf(items);
        charts = List.copyOf(charts);
        for (ChartSpec chart : charts) {
            Table table = items.stream()
                    .filter(item -> item instanceof Table && item.name().equals(chart.table()))
                    .map(Table.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("section " + name + ": chart " + chart.title()
                            + " draws table " + chart.table() + ", which the section does not have"));
            for (String column : chart.columns()) {
                if (!table.columns().contains(column)) {
                    throw new IllegalArgumentException("section " + name + ": chart " + chart.title()
                            + " uses column " + column + ", which table " + table.name() + " does not have");
                }
            }
        }
    }

    /** A section without charts. */
    public ReportSection(String name, List<ReportItem> items) {
        this(name, items, List.of());
    }

    public Optional<ReportItem> item(String itemName) {
        return items.stream().filter(i -> i.name().equals(itemName)).findFirst();
    }
}
