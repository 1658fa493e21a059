package org.gstats.api.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;

public class ChartSpecTest {

    private static final Table PAIRS = Table.builder("pairs", "file", "coupled_file", "degree").row("a", "b", 50)
            .build();

    @Test
    public void factoriesPutTheColumnsInTheKindsOrder() {
        ChartSpec graph = ChartSpec.graph("Coupling", "pairs", "file", "coupled_file", "degree");

        assertEquals(ChartSpec.Kind.GRAPH, graph.kind());
        assertEquals(List.of("file", "coupled_file", "degree"), graph.columns());
        assertEquals(List.of("file", "a", "b"), ChartSpec.bar("Top", "t", "file", "a", "b").columns());
        assertEquals("treemap", ChartSpec.Kind.TREEMAP.label());
    }

    @Test
    public void aKindTakesOnlyItsNumberOfColumns() {
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> new ChartSpec("Map", ChartSpec.Kind.TREEMAP, "files", List.of("path", "lines")));
        assertEquals("chart Map: a treemap chart takes 3 columns, not 2", tooFew.getMessage());
        IllegalArgumentException noValue = assertThrows(IllegalArgumentException.class,
                () -> ChartSpec.line("Lines", "t", "day"));
        assertEquals("chart Lines: a line chart takes at least 2 columns, not 1", noValue.getMessage());
    }

    @Test
    public void aSectionKeepsChartsOfItsOwnTables() {
        ChartSpec chart = ChartSpec.graph("Coupling", "pairs", "file", "coupled_file", "degree");

        ReportSection section = new ReportSection("coupling", List.of(PAIRS), List.of(chart));

        assertEquals(List.of(chart), section.charts());
        assertEquals(List.of(), new ReportSection("coupling", List.of(PAIRS)).charts());
    }

    @Test
    public void aChartOfAMissingTableOrColumnIsRefused() {
        IllegalArgumentException table = assertThrows(IllegalArgumentException.class, () -> new ReportSection(
                "coupling", List.of(PAIRS), List.of(ChartSpec.pie("Files", "files", "path", "lines"))));
        assertEquals("section coupling: chart Files draws table files, which the section does not have",
                table.getMessage());
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class, () -> new ReportSection(
                "coupling", List.of(PAIRS), List.of(ChartSpec.bar("Pairs", "pairs", "file", "shared"))));
        assertEquals("section coupling: chart Pairs uses column shared, which table pairs does not have",
                column.getMessage());
    }
}
