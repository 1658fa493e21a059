package org.gstats.plugin.export.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gstats.testkit.HeadlessChromium;

import com.google.gson.JsonElement;

/**
 * How fast a static report shows its first view in headless Chromium, and how big the file is;
 * with a directory, also a screenshot of every view at 1440 and 390 pixels wide. Run by
 * {@code benchmarks/dashboard-report.sh}; a measurement, not a test.
 */
public final class DashboardBenchmark {

    private static final int ROUNDS = 5;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: DashboardBenchmark REPORT.html [SCREENSHOT_DIR]");
            System.exit(2);
        }
        Path report = Path.of(args[0]).toAbsolutePath();
        Path executable = HeadlessChromium.find().orElseThrow(() -> new IllegalStateException(
                "Chromium is not installed (apt-get install chromium)"));
        System.out.printf("file: %s, %.2f MB%n", report, Files.size(report) / 1e6);
        try (HeadlessChromium chromium = new HeadlessChromium(executable)) {
            // the floor of any page drawn with ECharts: the library alone and one small chart
            Path baseline = Files.createTempFile("gstats-echarts-baseline", ".html");
            Files.writeString(baseline, "<!DOCTYPE html><html><body><div id=c style=\"width:600px;height:300px\"></div>"
                    + "<script>" + HtmlReportWriter.inScript(new String(HtmlReportWriter.class.getResourceAsStream(
                            HtmlReportWriter.ECHARTS).readAllBytes(), StandardCharsets.UTF_8)) + "</script><script>"
                    + "echarts.init(document.getElementById('c')).setOption({xAxis: {data: ['a', 'b']}, yAxis: {},"
                    + " series: [{type: 'bar', data: [1, 2]}]}); requestAnimationFrame(() => requestAnimationFrame(()"
                    + " => { performance.mark('gstats-first-view'); document.body.dataset.rendered = 'true'; }));"
                    + "</script></body></html>");
            List<Double> reports = new ArrayList<>();
            List<Double> baselines = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                double painted = firstView(chromium, report, round, "report");
                double floor = firstView(chromium, baseline, round, "ECharts alone");
                reports.add(painted);
                baselines.add(floor);
            }
            Files.delete(baseline);
            System.out.printf("median first view: report %.0f ms, ECharts alone %.0f ms, ratio %.2f%n",
                    median(reports), median(baselines), median(reports) / median(baselines));
            if (args.length > 1) {
                screenshots(chromium, report, Path.of(args[1]));
            }
        }
    }

    private static double firstView(HeadlessChromium chromium, Path file, int round, String name) throws Exception {
        try (HeadlessChromium.Page page = chromium.open(file.toUri())) {
            page.waitFor("document.body.dataset.rendered === 'true'");
            double painted = page.evaluate("performance.getEntriesByName('gstats-first-view')[0].startTime")
                    .getAsDouble();
            String phases = page.evaluate("(n => 'HTML and scripts parsed at ' + Math.round(n.domInteractive) + ' ms'"
                    + " + performance.getEntriesByName('gstats-data-unpacked').map(m => ', data unpacked at '"
                    + " + Math.round(m.startTime) + ' ms').join(''))"
                    + "(performance.getEntriesByType('navigation')[0])").getAsString();
            int charts = page.evaluate("[...document.querySelectorAll('.tab')].map(tab => { tab.click(); "
                    + "return document.querySelectorAll('section.view:not([hidden]) .chart-area').length; })"
                    + ".reduce((a, b) => a + b, 0)").getAsInt();
            System.out.printf("round %d, %s: first view painted %.0f ms after navigation start (%s); %d charts in"
                    + " all views; problems: %s%n", round, name, painted, phases, charts, page.problems());
            return painted;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void screenshots(HeadlessChromium chromium, Path report, Path directory) throws Exception {
        Files.createDirectories(directory);
        for (int width : new int[] {1440, 390}) {
            HeadlessChromium.Page page = chromium.open(report.toUri());
            page.viewport(width, width == 390 ? 844 : 900, width == 390);
            page.waitFor("document.body.dataset.rendered === 'true'");
            JsonElement views = page.evaluate("[...document.querySelectorAll('.tab')].map(tab => tab.dataset.view)");
            for (JsonElement view : views.getAsJsonArray()) {
                if (List.of("data").contains(view.getAsString())) {
                    continue;
                }
                page.evaluate("document.querySelector('.tab[data-view=\"" + view.getAsString() + "\"]').click()");
                Path file = directory.resolve("dashboard-" + view.getAsString() + "-" + width + ".png");
                Files.write(file, page.screenshot(width));
                System.out.println("wrote " + file);
            }
            System.out.println(width + " px problems: " + page.problems());
        }
    }
}
