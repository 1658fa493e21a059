package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The charts a plugin declares travel from an external plugin bundle, through the engine, to
 * the report writers of the export bundle: {@code bin/gstats scan} with the ownership plugin in
 * its plugin folder writes them into the JSON report and into the data of the HTML dashboard,
 * beside the commits tables the dashboard's activity views draw.
 */
public class DashboardLauncherIT {

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static final Pattern DATA = Pattern.compile(
            "<script type=\"text/plain\" id=\"gstats-data\" data-encoding=\"gzip base64\">([A-Za-z0-9+/=]*)</script>");

    private static Path folder;
    private static SampleRepository sample;

    @BeforeClass
    public static void dropOwnershipPlugin() throws IOException {
        folder = TEMP.newFolder("plugins").toPath();
        Files.copy(Path.of(System.getProperty("gstats.ownership.jar")), folder.resolve("ownership.jar"));
        sample = SampleRepository.create(TEMP.getRoot().toPath());
    }

    @Test
    public void jsonReportCarriesThePluginsChartSpecs() {
        LauncherIT.Run run = gstats("scan", "--plugins", "commits,ownership", "--format", "json", "--quiet",
                sample.dir().toString());

        assertEquals(run.stderr(), 0, run.exit());
        JsonObject report = JsonParser.parseString(run.stdout()).getAsJsonObject();
        assertOwnershipCharts(report);
    }

    @Test
    public void htmlDashboardCarriesTheJsonReportWithChartsAndActivityTables() throws IOException {
        Path file = TEMP.getRoot().toPath().resolve("report.html");

        LauncherIT.Run run = gstats("scan", "--plugins", "commits,ownership", "--format", "html", "--output",
                file.toString(), "--quiet", sample.dir().toString());

        assertEquals(run.stderr(), 0, run.exit());
        Matcher data = DATA.matcher(Files.readString(file, StandardCharsets.UTF_8));
        assertTrue("the page holds the report's data", data.find());
        try (GZIPInputStream json = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder()
                .decode(data.group(1))))) {
            JsonObject report = JsonParser.parseString(new String(json.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            assertOwnershipCharts(report);
            JsonObject commits = report.getAsJsonObject("sections").getAsJsonObject("commits");
            long commitCount = commits.getAsJsonObject("totals").get("commits").getAsLong();
            assertEquals(commitCount, sum(commits, "by_day", "commits"));
            assertEquals(commitCount, sum(commits, "by_weekday_hour", "commits"));
            assertTrue(commits.getAsJsonArray("authors_by_month").size() > 0);
        }
    }

    private static void assertOwnershipCharts(JsonObject report) {
        JsonObject charts = report.getAsJsonObject("charts");
        assertEquals(List.of("ownership"), List.copyOf(charts.keySet()));
        List<String> specs = charts.getAsJsonArray("ownership").asList().stream().map(JsonElement::getAsJsonObject)
                .map(spec -> spec.get("kind").getAsString() + " " + spec.get("table").getAsString() + " "
                        + spec.get("columns"))
                .toList();
        assertEquals(List.of("treemap files [\"path\",\"lines_added\",\"main_author\"]",
                "bar directories [\"directory\",\"fragmentation\"]"), specs);
    }

    private static long sum(JsonObject section, String table, String column) {
        return section.getAsJsonArray(table).asList().stream()
                .mapToLong(row -> row.getAsJsonObject().get(column).getAsLong()).sum();
    }

    private static LauncherIT.Run gstats(String... arguments) {
        return LauncherIT.run(ShippedSystem.distribution().resolve("bin/gstats"), sample.dir(),
                Map.of("GSTATS_PLUGIN_DIR", folder.toString()), "", arguments);
    }
}
