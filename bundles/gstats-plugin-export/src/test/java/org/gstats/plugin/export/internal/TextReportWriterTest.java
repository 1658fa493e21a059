package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.junit.Test;

public class TextReportWriterTest {

    private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";

    private final TextReportWriter writer = new TextReportWriter();

    @Test
    public void headerNamesRepositoryBranchShortHeadTimeAndDuration() throws IOException {
        List<String> lines = lines(report(header(HEAD)));

        assertEquals(List.of(
                "gstats report (version 0.1.0)",
                "",
                "repository  /work/repo",
                "branch      main",
                "head        0123456",
                "scanned at  2024-01-15T10:00:00Z",
                "duration    2.1 s"), lines.subList(0, 7));
    }

    @Test
    public void headerOfEmptyRepositorySaysNoCommits() throws IOException {
        assertTrue(lines(report(header(null))).contains("head        (no commits)"));
    }

    @Test
    public void sectionTitleIsUnderlined() throws IOException {
        List<String> lines = lines(report(header(HEAD), section("commits", fields())));

        int title = lines.indexOf("commits");
        assertEquals("=======", lines.get(title + 1));
    }

    @Test
    public void fieldsAreAlignedKeyValueLines() throws IOException {
        List<String> lines = lines(report(header(HEAD), section("commits", fields())));

        int start = lines.indexOf("totals");
        assertEquals(List.of(
                "  commits      12",
                "  first day    2024-01-15",
                "  share        0.33",
                "  merges only  false",
                "  note         -"), lines.subList(start + 1, start + 6));
    }

    @Test
    public void tableColumnsAreAlignedWithNumbersOnTheRight() throws IOException {
        Table authors = Table.builder("authors", "name", "commits", "share")
                .row("Alice", 120, 0.5)
                .row("李小龍", 7, 0.125)
                .row("Zoë", null, 1.0)
                .build();

        List<String> lines = lines(report(header(HEAD), section("commits", authors)));

        int start = lines.indexOf("authors");
        assertEquals(List.of(
                "  name    commits  share",
                "  Alice       120    0.5",
                "  李小龍        7   0.13",
                "  Zoë           -      1"), lines.subList(start + 1, start + 5));
    }

    @Test
    public void longTableShowsFirst25RowsAndCountsTheRest() throws IOException {
        Table.Builder files = Table.builder("files", "path", "changes");
        for (int i = 1; i <= 30; i++) {
            files.row("file" + i, i);
        }

        List<String> lines = lines(report(header(HEAD), section("frequency", files.build())));

        assertTrue(lines.contains("  file25       25"));
        assertFalse(lines.contains("  file26       26"));
        int last = lines.indexOf("  file25       25");
        assertEquals("  … 5 more rows (use --full --format text, or --format json, for all)", lines.get(last + 1));
    }

    @Test
    public void tableOf25RowsIsShownWhole() throws IOException {
        Table.Builder files = Table.builder("files", "path");
        for (int i = 1; i <= 25; i++) {
            files.row("file" + i);
        }

        String text = write(report(header(HEAD), section("frequency", files.build())));

        assertTrue(text.contains("  file25\n"));
        assertFalse(text.contains("more row"));
    }

    @Test
    public void oneHiddenRowIsSingular() throws IOException {
        Table.Builder files = Table.builder("files", "path");
        for (int i = 1; i <= 26; i++) {
            files.row("file" + i);
        }

        assertTrue(write(report(header(HEAD), section("frequency", files.build())))
                .contains("  … 1 more row (use --full --format text, or --format json, for all)\n"));
    }

    @Test
    public void emptyTableShowsHeaderAndNoRows() throws IOException {
        Table tags = Table.builder("tags", "tag", "commit").build();

        List<String> lines = lines(report(header(HEAD), section("commits", tags)));

        int start = lines.indexOf("tags");
        assertEquals(List.of("  tag  commit", "  (no rows)"), lines.subList(start + 1, start + 3));
    }

    @Test
    public void sectionWithoutItemsSaysNoResults() throws IOException {
        List<String> lines = lines(report(header(HEAD), new ReportSection("metrics", List.of())));

        assertEquals(List.of("metrics", "=======", "  (no results)"), lines.subList(lines.size() - 3, lines.size()));
    }

    @Test
    public void longAndMultiLineCellsStayOnOneShortLine() throws IOException {
        Table commits = Table.builder("recent", "summary", "lines")
                .row("x".repeat(100), 1)
                .row("first line\nsecond line", 2)
                .build();

        List<String> lines = lines(report(header(HEAD), section("commits", commits)));

        int start = lines.indexOf("recent");
        assertEquals("  " + "x".repeat(30) + "…" + "x".repeat(29) + "      1", lines.get(start + 2));
        assertEquals("  first line second line" + " ".repeat(38) + "  " + "    2", lines.get(start + 3));
    }

    @Test
    public void errorsAreListedAtTheEnd() throws IOException {
        Report report = new Report(header(HEAD), List.of(section("commits", fields())), List.of(
                new ReportError("metrics", "boom"),
                new ReportError("duplication", "ran out of memory")));

        List<String> lines = lines(report);

        assertEquals(List.of(
                "",
                "2 errors",
                "========",
                "  metrics      boom",
                "  duplication  ran out of memory"), lines.subList(lines.size() - 5, lines.size()));
    }

    @Test
    public void noErrorBlockWithoutErrors() throws IOException {
        assertFalse(write(report(header(HEAD), section("commits", fields()))).contains("error"));
    }

    @Test
    public void sameBytesWhateverTheDefaultLocaleAndZone() throws IOException {
        Report report = report(header(HEAD), section("commits", fields()));
        byte[] expected = bytes(report);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));

            assertArrayEquals(expected, bytes(report));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    public void noColoursAndNoTrailingSpaces() throws IOException {
        String text = write(JsonReportWriterTest.sampleReport());

        assertFalse(text.contains("\u001b"));
        for (String line : text.split("\n")) {
            assertEquals(line.stripTrailing(), line);
        }
    }

    @Test
    public void formatIsText() {
        assertEquals("text", writer.format());
    }

    private static ReportHeader header(String head) {
        return new ReportHeader("0.1.0", "/work/repo", "main", head, Instant.parse("2024-01-15T10:00:00.750Z"), 2100);
    }

    private static Report report(ReportHeader header, ReportSection... sections) {
        return new Report(header, List.of(sections), List.of());
    }

    private static ReportSection section(String name, ReportItem item) {
        return new ReportSection(name, List.of(item));
    }

    private static Fields fields() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("commits", 12);
        values.put("first day", "2024-01-15");
        values.put("share", 1.0 / 3);
        values.put("merges only", false);
        values.put("note", null);
        return new Fields("totals", values);
    }

    /** The whole report, as {@code --full} writes it; {@link TextSummaryTest} holds the summary. */
    private byte[] bytes(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, new WriterOptions(false, null, true, 100, false, WriterOptions.DARK), out);
        return out.toByteArray();
    }

    private String write(Report report) throws IOException {
        return new String(bytes(report), StandardCharsets.UTF_8);
    }

    /** The output's lines; every line, the last included, ends with a newline. */
    private List<String> lines(Report report) throws IOException {
        String text = write(report);
        assertTrue(text.endsWith("\n"));
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }
}
