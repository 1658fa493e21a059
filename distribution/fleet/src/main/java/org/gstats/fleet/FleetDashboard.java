package org.gstats.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gstats.api.report.ChartSpec;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.gstats.plugin.export.internal.HtmlReportWriter;
import org.gstats.plugin.export.internal.JsonReportWriter;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code OUT/fleet-report.html}: gstats' own dashboard ({@code dashboard.js} and ECharts from the
 * export bundle, unchanged) with a repository picker. Its first choice is the fleet, a report
 * whose one section holds the repositories of {@code fleet-report.json} and the fleet tables,
 * with charts declared as a plugin declares them; each other choice is a repository's own report,
 * as {@code gstats scan --format json} wrote it in the task ({@code OUT/reports/ID.json.gz}).
 * Every report sits in the page gzip-compressed and in base64, unpacked only when picked. The
 * page asks for nothing from anywhere (its Content-Security-Policy allows its own scripts only).
 */
final class FleetDashboard {

    static final String FILE = "fleet-report.html";
    /** Each repository's last report, as its task wrote it. */
    static final String REPORTS = "reports";
    static final String REPORT_SUFFIX = ".json.gz";
    /** The section of the fleet's report; the dashboard labels the fleet's charts by it. */
    static final String SECTION = "fleet";
    /** Starts the dashboard on the picked report. */
    private static final String BOOT = "/html/fleet-report.js";
    private static final String PICKER_STYLE = "nav.fleet-picker{display:flex;gap:.5rem;align-items:center;"
            + "padding:.75rem 1.5rem;border-bottom:1px solid #d0d4da}nav.fleet-picker select{font:inherit}";

    private FleetDashboard() {
    }

    static Path write(FleetOutput output, List<RepositoryResult> results, List<String> fleetTables,
            Path out) throws IOException {
        String echarts = HtmlReportWriter.inScript(resource(HtmlReportWriter.class, HtmlReportWriter.ECHARTS));
        String dashboard = HtmlReportWriter.inScript(resource(HtmlReportWriter.class, HtmlReportWriter.DASHBOARD));
        String boot = HtmlReportWriter.inScript(resource(FleetDashboard.class, BOOT));
        String style = resource(HtmlReportWriter.class, HtmlReportWriter.STYLE).replace("</", "<\\/");
        Path target = out.resolve(FILE);
        Path partial = out.resolve(FILE + ".partial");
        try (Writer html = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            html.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            html.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            html.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
                    + HtmlReportWriter.sha256(echarts) + " " + HtmlReportWriter.sha256(dashboard) + " "
                    + HtmlReportWriter.sha256(boot)
                    + "; style-src 'unsafe-inline'; img-src data:\">\n");
            html.write("<title>gstats fleet report</title>\n<style>\n" + style + PICKER_STYLE + "\n</style>\n");
            html.write("</head>\n<body>\n<noscript>This report draws its tables and charts with JavaScript; the same "
                    + "data is in fleet-report.json and the tables beside it.</noscript>\n");
            html.write("<nav class=\"fleet-picker\"><label for=\"gstats-picker\">Repository</label>"
                    + "<select id=\"gstats-picker\"></select></nav>\n<main id=\"report\"></main>\n");
            data(html, "fleet", compressed(fleetReport(output, fleetTables, out)));
            for (RepositoryResult result : results) {
                Path report = out.resolve(REPORTS).resolve(result.repository().id() + REPORT_SUFFIX);
                if (result.status() != RepositoryResult.Status.FAILED && Files.isRegularFile(report)) {
                    data(html, result.repository().id(), Files.readAllBytes(report));
                }
            }
            for (String script : new String[] {echarts, dashboard, boot}) {
                html.write("<script>" + script + "</script>\n");
            }
            html.write("</body>\n</html>\n");
        }
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One report for the picker: gzip in base64 (only letters, digits, +, / and =, safe in any element). */
    private static void data(Writer html, String label, byte[] gzip) throws IOException {
        html.write("<script type=\"text/plain\" class=\"gstats-data\" data-encoding=\"gzip base64\" data-label=\""
                + HtmlReportWriter.escape(label) + "\">");
        html.write(Base64.getEncoder().encodeToString(gzip));
        html.write("</script>\n");
    }

    /** The fleet as a gstats report: its repositories and the fleet tables, and charts of them. */
    private static Report fleetReport(FleetOutput output, List<String> fleetTables, Path out) throws IOException {
        List<ReportItem> items = new ArrayList<>();
        items.add(repositories(out.resolve(FleetReport.FILE)));
        for (String name : fleetTables) {
            Dataset<Row> frame = output.read(FleetOutput.FLEET, name, null).orElseThrow();
            Table.Builder table = Table.builder(name, frame.columns());
            for (Row row : frame.collectAsList()) {
                Object[] values = new Object[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i) instanceof Timestamp time ? time.toInstant().toString() : row.get(i);
                }
                table.row(values);
            }
            items.add(table.build());
        }
        List<ChartSpec> charts = new ArrayList<>();
        charts.add(ChartSpec.bar("Lines by repository", "repositories", "id", "lines"));
        if (fleetTables.contains("activity")) {
            charts.add(ChartSpec.line("Commits by month", "activity", "month", "commits"));
        }
        if (fleetTables.contains("languages")) {
            charts.add(ChartSpec.pie("Code lines by language", "languages", "language", "code_lines"));
        }
        if (fleetTables.contains("debt")) {
            charts.add(ChartSpec.bar("Debt by repository", "debt", "repository", "debt_score"));
        }
        String listed = ((Table) items.get(0)).rows().size() + " repositories";
        return new Report(new ReportHeader("gstats-fleet", "fleet (" + listed + ")", null, null, Instant.now(), 0),
                List.of(new ReportSection(SECTION, items, charts)), List.of());
    }

    /** The repositories of fleet-report.json, the one account of this run. */
    private static Table repositories(Path report) throws IOException {
        String[] columns = {"id", "status", "head", "commits", "authors", "files", "lines", "duration_ms", "error",
            "location"};
        Table.Builder table = Table.builder("repositories", columns);
        JsonObject json = JsonParser.parseString(Files.readString(report, StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement each : json.getAsJsonArray("repositories")) {
            JsonObject entry = each.getAsJsonObject();
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                JsonElement value = entry.get(columns[i]);
                values[i] = value == null || value.isJsonNull() ? null
                        : value.getAsJsonPrimitive().isNumber() ? (Object) value.getAsLong() : value.getAsString();
            }
            table.row(values);
        }
        return table.build();
    }

    private static byte[] compressed(Report report) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            new JsonReportWriter().write(report, WriterOptions.DEFAULT, gzip);
        }
        return bytes.toByteArray();
    }

    private static String resource(Class<?> owner, String path) {
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the class path lacks " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
