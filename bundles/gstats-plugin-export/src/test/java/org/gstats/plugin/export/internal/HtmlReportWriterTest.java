package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.WriterOptions;
import org.gstats.api.store.ScanSummary;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The HTML report as a file: self-contained, its data the JSON report's. The test in a browser
 * is {@link HtmlReportChromiumTest}.
 */
public class HtmlReportWriterTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);

    private static Report report;
    private static String html;

    @BeforeClass
    public static void writeTheTrickyReport() throws Exception {
        report = TrickyReport.build(TEMP.getRoot().toPath());
        html = ReportData.strictUtf8(ReportData.write(new HtmlReportWriter(), report, WriterOptions.DEFAULT));
    }

    @Test
    public void fourScriptsTheDataEChartsTheDashboardAndItsStart() {
        List<String> attributes = new ArrayList<>();
        Matcher script = SCRIPT.matcher(html);
        while (script.find()) {
            attributes.add(script.group(1));
        }

        assertEquals(List.of(" type=\"text/plain\" id=\"gstats-data\" data-encoding=\"gzip base64\"", "", "", ""),
                attributes);
        assertTrue(html.contains("Licensed to the Apache Software Foundation"));
        assertTrue(html.contains("echarts"));
    }

    @Test
    public void embeddedDataIsTheJsonReportCompressed() throws IOException {
        Matcher script = SCRIPT.matcher(html);
        assertTrue(script.find());
        assertTrue("base64 only", script.group(2).matches("[A-Za-z0-9+/]*=*"));

        try (GZIPInputStream json = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder()
                .decode(script.group(2))))) {
            assertEquals(ReportData.text(ReportData.json(report)), ReportData.text(ReportData.canonical(
                    JsonParser.parseString(ReportData.strictUtf8(json.readAllBytes())))));
        }
    }

    @Test
    public void noElementLoadsAnything() {
        String markup = SCRIPT.matcher(html).replaceAll("<script$1></script>");

        assertFalse(markup, Pattern.compile("<[a-z]+[^>]*\\s(src|href|srcset|data)=", Pattern.CASE_INSENSITIVE)
                .matcher(markup).find());
        assertFalse(markup, markup.contains("<link"));
    }

    @Test
    public void contentSecurityPolicyAllowsExactlyTheInlineScriptsAndNoConnection() throws Exception {
        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")
                .matcher(html);
        assertTrue(policy.find());
        List<String> hashes = new ArrayList<>();
        Matcher script = SCRIPT.matcher(html);
        while (script.find()) {
            if (script.group(1).isEmpty()) {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(script.group(2).getBytes(StandardCharsets.UTF_8));
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            }
        }

        assertEquals("default-src 'none'; script-src " + String.join(" ", hashes)
                + "; style-src 'unsafe-inline'; img-src data:", policy.group(1));
    }

    @Test
    public void titleNamesTheRepositoryEscaped() {
        assertTrue(html, html.contains("<title>gstats report \u2013 repo, &quot;quoted&quot; 😀</title>"));
    }

    @Test
    public void scriptTextCannotEndItsElement() {
        assertEquals("a = '<\\/script>' + '<\\/SCRIPT >' + '<\\!-- x -->' + '</style>'",
                HtmlReportWriter.inScript("a = '</script>' + '</SCRIPT >' + '<!-- x -->' + '</style>'"));
    }

    @Test
    public void takesTheStoredScansAlone() {
        assertEquals(Set.of(ReportWriter.Option.HISTORY), new HtmlReportWriter().options());
        assertEquals("html", new HtmlReportWriter().format());
    }

    @Test
    public void storedScansSitBesideTheReportAsJsonThatCannotEndItsElement() throws IOException {
        List<ScanSummary> scans = List.of(new ScanSummary(7, Instant.parse("2026-01-05T10:00:00Z"),
                "</script><!-- & '", "a".repeat(40), 10, 2, 5, 100, 900));
        String page = ReportData.strictUtf8(ReportData.write(new HtmlReportWriter(), report,
                WriterOptions.DEFAULT.withHistory(ScanSummary.table(scans))));

        Matcher block = Pattern.compile("<script type=\"application/json\" id=\"gstats-history\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertTrue(block.find());
        assertFalse(block.group(1), block.group(1).contains("<"));
        JsonObject scan = JsonParser.parseString(block.group(1)).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("</script><!-- & '", scan.get("branch").getAsString());
        assertEquals(ScanSummary.COLUMNS, List.copyOf(scan.keySet()));
        assertEquals(7, scan.get("scan_id").getAsLong());
        assertEquals("2026-01-05T10:00:00Z", scan.get("started").getAsString());
        // and the report is the same as without them
        assertEquals(SCRIPT.matcher(html).results().map(MatchResult::group).toList(), SCRIPT.matcher(page).results()
                .map(MatchResult::group).filter(script -> !script.contains("gstats-history\">")).toList());
        assertFalse(html.contains("id=\"gstats-history\""));
    }
}
