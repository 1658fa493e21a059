package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gstats.api.report.WriterOptions;
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
 * The dashboard of a real repository's report (commits, metrics, ownership and coupling) in
 * headless Chromium, at a desktop's 1440x900 and a phone's 390x844: every view shows every one
 * of its charts drawn with data, nothing scrolls sideways, nothing is logged, and the charts hold
 * the JSON report's numbers. Skipped, saying so, where Chromium is not installed.
 */
public class DashboardChromiumTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final List<String> VIEWS = List.of("overview", "people", "code", "plugins", "data");
    /** Every chart, by view: what a report of every plugin must show. */
    private static final List<String> CHARTS = List.of("overview/activity", "overview/weekday-hour",
            "overview/lines-over-time", "people/authors-commits", "people/authors-lines", "people/active-span",
            "people/authors-over-time", "code/hotspot-map", "code/hotspots", "code/code-age", "code/complexity",
            "code/languages", "code/debt", "code/duplication", "plugins/plugin-ownership-0",
            "plugins/plugin-ownership-1", "plugins/plugin-coupling-0");

    private static HeadlessChromium chromium;
    private static JsonObject json;
    private static Path file;

    @BeforeClass
    public static void writeTheReport() throws Exception {
        Optional<Path> executable = HeadlessChromium.find();
        if (executable.isEmpty()) {
            System.err.println("SKIPPED DashboardChromiumTest: Chromium is not installed (apt-get install chromium)");
        }
        Assume.assumeTrue("Chromium is not installed (apt-get install chromium)", executable.isPresent());
        var report = DashboardReport.build(TEMP.newFolder().toPath());
        json = ReportData.json(report);
        file = TEMP.newFolder().toPath().resolve("report.html");
        Files.write(file, ReportData.write(new HtmlReportWriter(), report, WriterOptions.DEFAULT));
        chromium = new HeadlessChromium(executable.get());
    }

    @AfterClass
    public static void closeTheBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static HeadlessChromium.Page open(int width, int height, boolean mobile) throws Exception {
        HeadlessChromium.Page page = chromium.open(file.toUri());
        page.viewport(width, height, mobile);
        page.waitFor("document.body.dataset.rendered === 'true'");
        return page;
    }

    @Test
    public void everyViewDrawsEveryChartWithDataAtDesktopWidth() throws Exception {
        assertEveryViewDrawn(open(1440, 900, false), 1440);
    }

    @Test
    public void everyViewDrawsEveryChartWithDataOnAPhone() throws Exception {
        assertEveryViewDrawn(open(390, 844, true), 390);
    }

    private static void assertEveryViewDrawn(HeadlessChromium.Page page, int width) throws Exception {
        assertEquals(VIEWS.toString(), page.evaluate("JSON.stringify([...document.querySelectorAll('.tab')]"
                + ".map(tab => tab.dataset.view))").getAsString().replace("\"", "").replace(",", ", "));
        List<String> drawn = new ArrayList<>();
        for (String view : VIEWS) {
            page.evaluate("document.querySelector('.tab[data-view=\"" + view + "\"]').click()");
            page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            // every folded table of the view open, so that they too must fit
            page.evaluate(HtmlReportChromiumTest.UNFOLD);
            JsonArray charts = page.evaluate("[...document.querySelectorAll('section.view:not([hidden]) .chart-area')]"
                    + ".map(area => { const chart = echarts.getInstanceByDom(area);"
                    + "  const option = chart ? chart.getOption() : null;"
                    + "  const canvas = area.querySelector('canvas');"
                    + "  return { panel: area.closest('[data-panel]').dataset.panel,"
                    + "    points: option ? option.series.reduce((n, s) => n + (s.data || []).length, 0) : 0,"
                    + "    width: canvas ? canvas.width : 0, height: canvas ? canvas.height : 0 }; })")
                    .getAsJsonArray();
            for (JsonElement element : charts) {
                JsonObject chart = element.getAsJsonObject();
                assertTrue(view + ": " + chart, chart.get("points").getAsInt() > 0);
                assertTrue(view + ": " + chart, chart.get("width").getAsInt() >= Math.min(300, width - 60));
                assertTrue(view + ": " + chart, chart.get("height").getAsInt() >= 200);
                drawn.add(view + "/" + chart.get("panel").getAsString());
            }
            assertEquals(view + " at " + width + " px scrolls sideways", page.evaluate(
                    "document.documentElement.clientWidth").getAsInt(),
                    page.evaluate("document.documentElement.scrollWidth").getAsInt());
            if (width >= 1440) {
                assertEquals(view + ": a table scrolls sideways at " + width + " px", "[]", page.evaluate(
                        "JSON.stringify([...document.querySelectorAll('section.view:not([hidden]) .table-wrap')]"
                        + ".filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.querySelector('table')"
                        + ".dataset.table))").getAsString());
            }
        }
        assertEquals(CHARTS, drawn);
        assertEquals(List.of(), page.problems());
    }

    @Test
    public void activityHeatMapAndLinesAddUpToTheHistory() throws Exception {
        HeadlessChromium.Page page = open(1440, 900, false);
        JsonObject totals = json.getAsJsonObject("sections").getAsJsonObject("commits").getAsJsonObject("totals");

        assertEquals(totals.get("commits").getAsLong(), seriesSum(page, "activity", "v"));
        assertEquals(totals.get("commits").getAsLong(), seriesSum(page, "weekday-hour", "v[2]"));
        assertEquals(totals.get("insertions").getAsLong() - totals.get("deletions").getAsLong(), page.evaluate(
                "(d => d[d.length - 1][1])(" + option("lines-over-time") + ".series[0].data)").getAsLong());
        // three years of history: by month, from the first month to the last
        JsonArray months = page.evaluate(option("activity") + ".xAxis[0].data").getAsJsonArray();
        assertEquals("2021-03", months.get(0).getAsString());
        JsonArray byMonth = json.getAsJsonObject("sections").getAsJsonObject("commits").getAsJsonArray("by_month");
        assertEquals(byMonth.get(byMonth.size() - 1).getAsJsonObject().get("month").getAsString(),
                months.get(months.size() - 1).getAsString());
    }

    @Test
    public void pluginChartsDrawTheTablesTheyDeclare() throws Exception {
        HeadlessChromium.Page page = open(1440, 900, false);
        page.evaluate("document.querySelector('.tab[data-view=\"plugins\"]').click()");
        JsonObject sections = json.getAsJsonObject("sections");
        JsonArray pairs = sections.getAsJsonObject("coupling").getAsJsonArray("pairs");
        long ownedFiles = sections.getAsJsonObject("ownership").getAsJsonArray("files").asList().stream()
                .filter(row -> row.getAsJsonObject().get("lines_added").getAsLong() > 0).count();

        assertEquals(pairs.size(), page.evaluate(option("plugin-coupling-0") + ".series[0].links.length").getAsInt());
        assertTrue(pairs.toString(), pairs.asList().stream().anyMatch(row -> row.getAsJsonObject().get("file")
                .getAsString().endsWith("Client.java")));
        assertEquals(ownedFiles, page.evaluate("(function leaves(nodes) { return nodes.reduce((n, node) => n + "
                + "(node.children ? leaves(node.children) : 1), 0); })(" + option("plugin-ownership-0")
                + ".series[0].data)").getAsLong());
        assertEquals("treemap, bar, graph", json.getAsJsonObject("charts").entrySet().stream()
                .flatMap(entry -> entry.getValue().getAsJsonArray().asList().stream())
                .map(chart -> chart.getAsJsonObject().get("kind").getAsString())
                .reduce((a, b) -> a + ", " + b).orElseThrow());
    }

    @Test
    public void showTableUnfoldsASortablePagedTableWithHumanLabelsAndDates() throws Exception {
        HeadlessChromium.Page page = open(1440, 900, false);
        page.evaluate("document.querySelector('.tab[data-view=\"people\"]').click()");
        page.evaluate(HtmlReportChromiumTest.UNFOLD);
        String table = "document.querySelector('[data-panel=\"authors-commits\"] table')";

        assertEquals("Name|Email|Commits|Insertions|Deletions|First commit|Last commit", page.evaluate(
                "[..." + table + ".querySelectorAll('th')].map(th => th.textContent).join('|')").getAsString());
        assertEquals("1 Mar 2021", page.evaluate("[..." + table + ".querySelectorAll('td')].find(td => "
                + "td.dataset.value === '2021-03-01T09:15:00Z').textContent").getAsString());
        page.evaluate(table + ".querySelectorAll('th button')[0].click()");
        assertEquals("Ann Bob Cy", page.evaluate("[..." + table + ".querySelectorAll('tbody tr')].map(tr => "
                + "tr.children[0].textContent).join(' ')").getAsString());

        page.evaluate("document.querySelector('.tab[data-view=\"data\"]').click()");
        page.evaluate(HtmlReportChromiumTest.UNFOLD);
        String functions = "document.querySelector('[data-item=\"metrics.functions\"]')";
        int rows = json.getAsJsonObject("sections").getAsJsonObject("metrics").getAsJsonArray("functions").size();
        assertTrue("enough functions to page: " + rows, rows > 25);
        assertEquals(25, page.evaluate(functions + ".querySelectorAll('tbody tr').length").getAsInt());
        assertEquals("Rows 1\u201325 of " + rows, page.evaluate(functions + ".querySelector('.page-note')"
                + ".textContent").getAsString());
        page.evaluate(functions + ".querySelector('.pager .next').click()");
        assertEquals("Rows 26\u2013" + Math.min(50, rows) + " of " + rows, page.evaluate(functions
                + ".querySelector('.page-note').textContent").getAsString());
        assertEquals(List.of(), page.problems());
    }

    /** The options of the chart in the panel, as ECharts holds them. */
    private static String option(String panel) {
        return "echarts.getInstanceByDom(document.querySelector('[data-panel=\"" + panel + "\"] .chart-area'))"
                + ".getOption()";
    }

    private static long seriesSum(HeadlessChromium.Page page, String panel, String value) throws IOException {
        return page.evaluate(option(panel) + ".series[0].data.reduce((n, d) => { const v = typeof d === 'object' "
                + "&& d !== null && !Array.isArray(d) ? d.value : d; return n + (" + value + "); }, 0)").getAsLong();
    }
}
