package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.junit.Test;

/** The markdown report read back by a CommonMark parser with GitHub's tables, as GitHub renders it. */
public class MarkdownReportWriterTest {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final MarkdownReportWriter writer = new MarkdownReportWriter();

    @Test
    public void summaryFirstThenEverySectionAndTable() throws IOException {
        Node document = parse(TextSummaryTest.report(), WriterOptions.DEFAULT);

        List<String> headings = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                headings.add(heading.getLevel() + " " + text(heading));
            }
        }
        assertEquals(List.of("1 gstats report", "2 Summary", "3 Top authors (10 of 12)", "3 Hotspots",
                "3 Languages", "3 Most debt", "2 1 error", "2 commits", "3 totals", "3 authors", "3 by_month",
                "3 identity_clusters", "2 metrics", "3 summary", "3 languages", "3 hotspots", "3 debt",
                "3 debt_summary"), headings);
    }

    @Test
    public void everyValueIsOneCellShownAsTheTextSays() throws IOException {
        List<List<Object>> values = List.of(List.of("a|b", "*not bold* _nor this_", 1L),
                List.of("<script>x</script>", "`code` [link](http://x) # h", 2.5),
                List.of("line\nbreak \\ back", "&amp; ~~strike~~ 1. item", -3L),
                List.of("# not a heading", "- not a list", 4L), List.of("1. not ordered", "> no quote", 5L));
        Table table = new Table("tricky", List.of("one", "two|three", "n"), values);
        Report report = new Report(TextSummaryTest.report().header(), List.of(new ReportSection("s",
                List.of(table))), List.of());

        TableBlock parsed = lastTable(parse(report, WriterOptions.DEFAULT));

        List<List<String>> rows = cells(parsed);
        assertEquals(List.of("one", "two|three", "n"), rows.get(0));
        for (int r = 0; r < values.size(); r++) {
            List<String> expected = new ArrayList<>();
            values.get(r).forEach(value -> expected.add(FullText.format(value)));
            assertEquals(expected, rows.get(r + 1));
        }
    }

    @Test
    public void listItemsStayPlainText() throws IOException {
        Table table = new Table("t", List.of("v"), List.of(List.of("x")));
        Report report = new Report(new org.gstats.api.report.ReportHeader("0.1.0", "/r", "- main", null, null, 0),
                List.of(new ReportSection("s", List.of(table))), List.of());

        String text = ReportData.strictUtf8(ReportData.write(writer, report, WriterOptions.DEFAULT));

        assertTrue(text, text.contains("\n- no commits\n"));
        assertEquals("1\\. x", MarkdownReportWriter.escape("1. x"));
        assertEquals("\\- x", MarkdownReportWriter.escape("- x"));
        assertEquals("2024-01-31 (a.b)", MarkdownReportWriter.escape("2024-01-31 (a.b)"));
    }

    @Test
    public void longTablesAreCutUnlessFull() throws IOException {
        Table.Builder builder = Table.builder("many", "n");
        for (long i = 0; i < 30; i++) {
            builder.row(i);
        }
        Report report = new Report(TextSummaryTest.report().header(), List.of(new ReportSection("s",
                List.of(builder.build()))), List.of());

        assertEquals(1 + FullText.MAX_ROWS, cells(lastTable(parse(report, WriterOptions.DEFAULT))).size());
        String cut = ReportData.strictUtf8(ReportData.write(writer, report, WriterOptions.DEFAULT));
        assertTrue(cut, cut.endsWith("*… 5 more rows (--full for all)*\n"));
        WriterOptions full = new WriterOptions(false, null, true, 100, false, WriterOptions.DARK);
        assertEquals(31, cells(lastTable(parse(report, full))).size());
    }

    private Node parse(Report report, WriterOptions options) throws IOException {
        return PARSER.parse(ReportData.strictUtf8(ReportData.write(writer, report, options)));
    }

    private static TableBlock lastTable(Node document) {
        TableBlock last = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof TableBlock table) {
                last = table;
            }
        }
        return last;
    }

    /** The table's rows (head first) as the text each cell shows. */
    private static List<List<String>> cells(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        collectRows(table, rows);
        return rows;
    }

    private static void collectRows(Node parent, List<List<String>> rows) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(text((TableCell) cell));
                }
                rows.add(cells);
            } else {
                collectRows(node, rows);
            }
        }
    }

    /** The text a node shows: its text and code literals, nothing rendered as markup. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text literal) {
                text.append(literal.getLiteral());
            } else if (child instanceof Code code) {
                text.append(code.getLiteral());
            } else {
                throw new AssertionError("markup in a cell: " + child);
            }
        }
        return text.toString();
    }
}
