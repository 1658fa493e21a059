package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.gstats.api.store.ScanSummary;
import org.gstats.testkit.HeadlessChromium;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The HTML report of a report full of what breaks writers, in a real browser, headless Chromium:
 * it renders without an error and without a request, draws its charts, and its cards and folded
 * tables show the JSON report's values exactly. {@link DashboardChromiumTest} holds every view. Skipped, saying so, where
 * Chromium is not installed ({@code apt-get install chromium}; {@code .ci/run} installs it).
 */
public class HtmlReportChromiumTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    /** Shows the view that holds every section's items. */
    private static final String SHOW_ALL_DATA = "document.querySelector('.tab[data-view=\"data\"]').click()";
    private static final Pattern ISO_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z)?");
    /** Every table of the page, unfolded and paged through: item, columns, and each cell as [data-value, text]. */
    private static final String ALL_TABLES = "(async () => { " + SHOW_ALL_DATA + ";"
            + "  const folds = document.querySelectorAll('[data-item] details');"
            + "  folds.forEach(d => { d.open = true; });"
            + "  await new Promise(done => setTimeout(done, 0));"
            + "  return [...folds].map(d => { const block = d.closest('[data-item]');"
            + "  const table = block.querySelector('table');"
            + "  if (!table) { return null; } const rows = [];"
            + "  for (let p = block.querySelector('.pager .previous'); p && !p.disabled;"
            + "    p = block.querySelector('.pager .previous')) { p.click(); }"
            + "  for (;;) {"
            + "    table.querySelectorAll('tbody tr').forEach(tr => rows.push([...tr.children].map(td =>"
            + "      [td.dataset.null ? null : td.dataset.value, td.textContent])));"
            + "    const next = block.querySelector('.pager .next');"
            + "    if (!next || next.disabled) { break; } next.click(); }"
            + "  return { item: table.dataset.table, columns: [...table.querySelectorAll('th')].map(th =>"
            + "    th.dataset.column), rows }; }).filter(Boolean); })()";

    /** Opens every "Show table"; the table is built on the toggle event, a task later. */
    static final String UNFOLD = "(async () => {"
            + " document.querySelectorAll('details').forEach(d => { d.open = true; });"
            + " await new Promise(done => setTimeout(done, 0)); })()";

    private static HeadlessChromium chromium;
    private static Report report;
    private static JsonObject json;
    private static HeadlessChromium.Page page;

    @BeforeClass
    public static void openTheTrickyReport() throws Exception {
        Optional<Path> executable = HeadlessChromium.find();
        if (executable.isEmpty()) {
            System.err.println("SKIPPED HtmlReportChromiumTest: Chromium is not installed (apt-get install chromium)");
        }
        Assume.assumeTrue("Chromium is not installed (apt-get install chromium)", executable.isPresent());
        report = TrickyReport.build(TEMP.newFolder().toPath());
        json = ReportData.json(report);
        chromium = new HeadlessChromium(executable.get());
        page = open(report);
    }

    @AfterClass
    public static void closeTheBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static HeadlessChromium.Page open(Report shown) throws IOException, InterruptedException {
        return open(shown, WriterOptions.DEFAULT);
    }

    private static HeadlessChromium.Page open(Report shown, WriterOptions options)
            throws IOException, InterruptedException {
        // named .html: Chromium tells a file's type by its extension
        Path file = TEMP.newFolder().toPath().resolve("report.html");
        Files.write(file, ReportData.write(new HtmlReportWriter(), shown, options));
        HeadlessChromium.Page opened = chromium.open(file.toUri());
        opened.waitFor("document.body.dataset.rendered === 'true'");
        return opened;
    }

    @Test
    public void rendersWithoutAnyErrorOrWarning() {
        assertEquals(List.of(), page.problems());
    }

    @Test
    public void requestsNothingButItself() {
        List<String> requests = page.requests();

        assertEquals(String.valueOf(requests), 1, requests.size());
        assertTrue(requests.get(0), requests.get(0).startsWith("file:"));
    }

    @Test
    public void overviewChartsAreDrawnOnCanvasesOfRealSize() throws IOException {
        JsonArray charts = page.evaluate("[...document.querySelectorAll('section.view:not([hidden]) .chart-area')]"
                + ".map(area => ({ panel: area.closest('[data-panel]').dataset.panel,"
                + "canvases: [...area.querySelectorAll('canvas')].map(c => [c.width, c.height])}))")
                .getAsJsonArray();

        List<String> panels = new ArrayList<>();
        for (JsonElement chart : charts) {
            JsonObject figure = chart.getAsJsonObject();
            panels.add(figure.get("panel").getAsString());
            JsonArray canvases = figure.getAsJsonArray("canvases");
            assertEquals(figure.toString(), 1, canvases.size());
            assertTrue(figure.toString(), canvases.get(0).getAsJsonArray().get(0).getAsInt() > 100);
            assertTrue(figure.toString(), canvases.get(0).getAsJsonArray().get(1).getAsInt() > 100);
        }
        assertEquals(List.of("activity", "weekday-hour", "lines-over-time"), panels);
    }

    @Test
    public void activityOfAShortHistoryIsDrawnByWeekWithTheJsonCounts() throws IOException {
        JsonObject option = chartOption("activity");
        JsonArray weeks = option.getAsJsonArray("xAxis").get(0).getAsJsonObject().getAsJsonArray("data");
        JsonArray counts = option.getAsJsonArray("series").get(0).getAsJsonObject().getAsJsonArray("data");
        JsonArray days = commits().getAsJsonArray("by_day");

        // Mondays from the week of the first commit to the week of the last, quiet weeks as zero
        assertEquals("2024-01-15", weeks.get(0).getAsString());
        LocalDate last = LocalDate.parse(days.get(days.size() - 1).getAsJsonObject().get("day").getAsString());
        assertEquals(last.with(DayOfWeek.MONDAY).toString(), weeks.get(weeks.size() - 1).getAsString());
        for (int i = 0; i < weeks.size(); i++) {
            LocalDate monday = LocalDate.parse(weeks.get(i).getAsString());
            long expected = days.asList().stream().map(JsonElement::getAsJsonObject)
                    .filter(day -> !LocalDate.parse(day.get("day").getAsString()).isBefore(monday)
                            && LocalDate.parse(day.get("day").getAsString()).isBefore(monday.plusDays(7)))
                    .mapToLong(day -> day.get("commits").getAsLong()).sum();
            assertEquals(weeks.get(i).getAsString(), expected, counts.get(i).getAsLong());
        }
    }

    @Test
    public void authorChartsHaveTheJsonNumbers() throws IOException {
        page.evaluate("document.querySelector('.tab[data-view=\"people\"]').click()");
        JsonArray authors = commits().getAsJsonArray("authors");
        JsonObject commitsChart = chartOption("authors-commits");
        JsonObject linesChart = chartOption("authors-lines");

        JsonArray names = commitsChart.getAsJsonArray("yAxis").get(0).getAsJsonObject().getAsJsonArray("data");
        assertEquals(authors.size(), names.size());
        for (int i = 0; i < names.size(); i++) {
            JsonObject author = find(authors, "name", names.get(i).getAsString());
            assertEquals(author.get("commits").getAsInt(), seriesValue(commitsChart, 0, i));
        }
        JsonArray lineNames = linesChart.getAsJsonArray("yAxis").get(0).getAsJsonObject().getAsJsonArray("data");
        for (int i = 0; i < lineNames.size(); i++) {
            JsonObject author = find(authors, "name", lineNames.get(i).getAsString());
            assertEquals(author.get("insertions").getAsInt(), seriesValue(linesChart, 0, i));
            assertEquals(author.get("deletions").getAsInt(), seriesValue(linesChart, 1, i));
        }
        page.evaluate("document.querySelector('.tab[data-view=\"overview\"]').click()");
    }

    @Test
    public void cardsShowTheJsonFields() throws IOException {
        page.evaluate(SHOW_ALL_DATA);
        JsonArray blocks = page.evaluate("[...document.querySelectorAll('.item.fields')].map(block => ({"
                + "item: block.dataset.item,"
                + "cards: [...block.querySelectorAll('.card')].map(card => { const v = card.querySelector('.value');"
                + "  return [card.dataset.field, v.dataset.null ? null : v.dataset.value, v.textContent]; })}))")
                .getAsJsonArray();

        assertEquals(2, blocks.size());
        for (JsonElement block : blocks) {
            String item = block.getAsJsonObject().get("item").getAsString();
            JsonObject fields = item(item).getAsJsonObject();
            JsonArray cards = block.getAsJsonObject().getAsJsonArray("cards");
            assertEquals(item, fields.size(), cards.size());
            int i = 0;
            for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
                JsonArray card = cards.get(i++).getAsJsonArray();
                assertEquals(field.getKey(), card.get(0).getAsString());
                assertShown(item + "." + field.getKey(), field.getValue(), card.get(1), card.get(2).getAsString());
            }
        }
    }

    @Test
    public void tablesShowTheJsonRows() throws IOException {
        JsonArray tables = page.evaluate(ALL_TABLES).getAsJsonArray();

        List<String> shown = new ArrayList<>();
        for (JsonElement table : tables) {
            String item = table.getAsJsonObject().get("item").getAsString();
            shown.add(item);
            JsonArray rows = item(item).getAsJsonArray();
            JsonArray shownRows = table.getAsJsonObject().getAsJsonArray("rows");
            List<String> columns = List.copyOf(rows.get(0).getAsJsonObject().keySet());
            assertEquals(columns.toString(), table.getAsJsonObject().get("columns").toString()
                    .replace("\"", "").replace(",", ", "));
            assertEquals(item, rows.size(), shownRows.size());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    JsonArray cell = shownRows.get(r).getAsJsonArray().get(c).getAsJsonArray();
                    assertShown(item + "[" + r + "]." + columns.get(c),
                            rows.get(r).getAsJsonObject().get(columns.get(c)), cell.get(0), cell.get(1).getAsString());
                }
            }
        }
        assertEquals(List.of("commits.authors", "commits.by_month", "commits.lifecycle", "commits.by_day",
                "commits.by_weekday_hour", "commits.authors_by_month", "commits.changes", "values.texts"), shown);
    }

    @Test
    public void markupInTheDataIsShownAsText() throws IOException {
        boolean shownAsText = page.evaluate("(" + ALL_TABLES + ").then(tables => tables.some(table => table.rows.some(row => row.some(cell =>"
                + " cell[1] === \"<script>alert('x')</script>\"))))").getAsBoolean();

        assertEquals(0, page.evaluate("document.querySelectorAll('img, iframe, object, embed').length").getAsInt());
        assertEquals(4, page.evaluate("document.scripts.length").getAsInt());
        assertTrue(shownAsText);
    }

    @Test
    public void headerSummaryNamesTheRepository() throws IOException {
        assertEquals(json.getAsJsonObject("gstats").get("repository").getAsString(),
                page.evaluate("document.querySelector('.summary .repository').textContent").getAsString());
    }

    @Test
    public void aColumnSortsDescendingThenAscendingWithEmptyCellsLast() throws Exception {
        Table table = Table.builder("files", "path", "changes").row("b.txt", 3).row("a.txt", null).row("c.txt", 10)
                .row("d.txt", 1).build();
        HeadlessChromium.Page sorting = open(single(table));
        sorting.evaluate(UNFOLD);
        String click = "document.querySelectorAll('table.sortable th button')[%d].click()";
        String column = "[...document.querySelectorAll('table.sortable tbody tr')].map(tr => tr.children[%d]"
                + ".textContent).join(' ')";

        sorting.evaluate(String.format(click, 1));
        assertEquals("10 3 1 \u2013", sorting.evaluate(String.format(column, 1)).getAsString());
        sorting.evaluate(String.format(click, 1));
        assertEquals("1 3 10 \u2013", sorting.evaluate(String.format(column, 1)).getAsString());
        sorting.evaluate(String.format(click, 0));
        assertEquals("a.txt b.txt c.txt d.txt", sorting.evaluate(String.format(column, 0)).getAsString());
        assertEquals("ascending", sorting.evaluate("document.querySelectorAll('table.sortable th')[0]"
                + ".getAttribute('aria-sort')").getAsString());
        assertEquals(List.of(), sorting.problems());
    }

    @Test
    public void longTableIsShownTwentyFiveRowsAPage() throws Exception {
        Table.Builder files = Table.builder("files", "path", "changes");
        for (int i = 0; i < 1500; i++) {
            files.row("file" + i, i);
        }
        HeadlessChromium.Page longTable = open(single(files.build()));
        longTable.evaluate(UNFOLD);
        String rows = "document.querySelectorAll('table.sortable tbody tr').length";
        String note = "document.querySelector('.page-note').textContent";

        assertEquals(25, longTable.evaluate(rows).getAsInt());
        assertEquals("Rows 1\u201325 of 1,500", longTable.evaluate(note).getAsString());
        longTable.evaluate("document.querySelector('table.sortable th button').click()");
        assertEquals("file0", longTable.evaluate("document.querySelector('tbody td').textContent").getAsString());
        longTable.evaluate("document.querySelector('.pager .next').click()");
        assertEquals("Rows 26\u201350 of 1,500", longTable.evaluate(note).getAsString());
        // sorted as text: file0 file1 file10 file100 file1000 ... file1019 file102
        assertEquals("file102", longTable.evaluate("document.querySelector('tbody td').textContent").getAsString());
        assertEquals(List.of(), longTable.problems());
    }

    @Test
    public void historyViewDrawsTheStoredScansOfTheWholeHistory() throws Exception {
        Instant day = Instant.parse("2026-01-05T10:00:00Z");
        List<ScanSummary> scans = List.of(
                new ScanSummary(1, day, "main", "a".repeat(40), 10, 2, 5, 100, 900, null, 40L, 12.5, "A", 0.02),
                // a --since scan's figures are not the repository's: listed, not drawn
                new ScanSummary(2, day.plusSeconds(86400), "main", "b".repeat(40), 3, 1, 5, 110, 300,
                        "since 2026-01-01", 41L, 12.5, "A", 0.02),
                new ScanSummary(3, day.plusSeconds(2 * 86400), "</script><b>x", "c".repeat(40), 12, 3, 6, 130, 800,
                        null, 47L, 30.25, "C", 0.125));
        HeadlessChromium.Page trend = open(report, WriterOptions.DEFAULT.withHistory(ScanSummary.table(scans)));
        trend.evaluate("document.querySelector('.tab[data-view=\"history\"]').click()");

        JsonObject figures = option(trend, "history-trend");
        assertEquals("[10,12]", seriesData(figures, 0));
        assertEquals("[40,47]", seriesData(figures, 1));
        assertEquals("[100,130]", seriesData(figures, 2));
        JsonObject health = option(trend, "history-health");
        assertEquals("[12.5,30.25]", seriesData(health, 0));
        assertEquals("[2,12.5]", seriesData(health, 1));
        trend.evaluate(UNFOLD);
        assertEquals(3, trend.evaluate("document.querySelectorAll('[data-panel=\"history-trend\"] tbody tr').length")
                .getAsInt());
        assertTrue(trend.evaluate("[...document.querySelectorAll('[data-panel=\"history-trend\"] td')]"
                + ".some(td => td.textContent === '</script><b>x')").getAsBoolean());
        assertEquals(0, trend.evaluate("document.querySelectorAll('b').length").getAsInt());
        assertEquals(List.of(), trend.problems());
    }

    @Test
    public void oneStoredScanMakesNoHistoryView() throws Exception {
        List<ScanSummary> scans = List.of(new ScanSummary(1, Instant.parse("2026-01-05T10:00:00Z"), "main",
                "a".repeat(40), 10, 2, 5, 100, 900));
        HeadlessChromium.Page one = open(report, WriterOptions.DEFAULT.withHistory(ScanSummary.table(scans)));

        assertEquals(0, one.evaluate("document.querySelectorAll('.tab[data-view=\"history\"]').length").getAsInt());
        assertEquals(List.of(), one.problems());
    }

    /** The options of the page's panel's chart, as ECharts holds them after drawing. */
    private static JsonObject option(HeadlessChromium.Page shown, String panel) throws IOException {
        return shown.evaluate("echarts.getInstanceByDom(document.querySelector('[data-panel=\"" + panel
                + "\"] .chart-area')).getOption()").getAsJsonObject();
    }

    /** A series' values (the time axis' points are [time, value]). */
    private static String seriesData(JsonObject option, int series) {
        JsonArray values = new JsonArray();
        option.getAsJsonArray("series").get(series).getAsJsonObject().getAsJsonArray("data")
                .forEach(point -> values.add(point.getAsJsonArray().get(1)));
        return values.toString();
    }

    private static Report single(Table table) {
        return new Report(report.header(), List.of(new ReportSection("churn", List.of(table,
                new Fields("totals", Map.of("files", table.rows().size()))))), List.of());
    }

    private static JsonObject commits() {
        return json.getAsJsonObject("sections").getAsJsonObject("commits");
    }

    private static JsonElement item(String qualifiedName) {
        String[] names = qualifiedName.split("\\.", 2);
        return json.getAsJsonObject("sections").getAsJsonObject(names[0]).get(names[1]);
    }

    /** The options of the panel's chart, as ECharts holds them after drawing. */
    private static JsonObject chartOption(String panel) throws IOException {
        return page.evaluate("echarts.getInstanceByDom(document.querySelector('[data-panel=\"" + panel
                + "\"] .chart-area')).getOption()").getAsJsonObject();
    }

    private static int seriesValue(JsonObject option, int series, int index) {
        return option.getAsJsonArray("series").get(series).getAsJsonObject().getAsJsonArray("data").get(index)
                .getAsInt();
    }

    private static JsonObject find(JsonArray rows, String column, String value) {
        for (JsonElement row : rows) {
            if (row.getAsJsonObject().get(column).getAsString().equals(value)) {
                return row.getAsJsonObject();
            }
        }
        throw new AssertionError("no row with " + column + " = " + value);
    }

    /**
     * A value as the page shows it: its exact value in {@code data-value} (numbers compared as
     * numbers, so that {@code 1e10} and {@code 10000000000} agree), an integer's text with
     * thousands separators, text as it is, null as an en dash.
     */
    private static void assertShown(String where, JsonElement expected, JsonElement dataValue, String text) {
        if (expected.isJsonNull()) {
            assertTrue(where, dataValue.isJsonNull());
            assertEquals(where, "\u2013", text);
        } else if (expected.getAsJsonPrimitive().isNumber()) {
            BigDecimal number = new BigDecimal(dataValue.getAsString());
            assertEquals(where, expected.getAsDouble(), number.doubleValue(), 0.0);
            if (expected.getAsJsonPrimitive().getAsNumber() instanceof java.math.BigInteger integer
                    && integer.bitLength() < 53) {
                assertEquals(where, integer.toString(), text.replace(",", ""));
            }
        } else if (ISO_DATE.matcher(expected.getAsString()).matches()) {
            // a date or time reads as a date: 15 Jan 2024
            assertEquals(where, expected.getAsString(), dataValue.getAsString());
            assertTrue(where + ": " + text, text.matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}"));
        } else {
            assertEquals(where, expected.getAsString(), dataValue.getAsString());
            assertEquals(where, expected.getAsString(), text);
        }
    }
}
