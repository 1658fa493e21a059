package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.junit.Test;

/** The text summary of a report with every part the builtin plugins write. */
public class TextSummaryTest {

    private static final String LONG_PATH = "src/main/java/org/example/deeply/nested/package/structure/that/goes/"
            + "on/and/on/ImportantService.java";

    private final TextReportWriter writer = new TextReportWriter();

    @Test
    public void partsInOrderWithTheirFacts() throws IOException {
        String text = write(report(), options(100, false));

        List<String> headings = List.of("Totals", "Top authors (10 of 12)", "Activity, commits per month",
                "Hotspots, changed often and complex", "Languages", "Technical debt", "1 error");
        int at = -1;
        for (String heading : headings) {
            int next = text.indexOf("\n" + heading + "\n");
            assertTrue(heading + " in\n" + text, next > at);
            at = next;
        }
        assertTrue(text, text.contains("  1,234 commits (12 merges) by 12 authors, 2023-01-05 to 2024-03-01\n"));
        assertTrue(text, text.contains("  Ann Lee <ann@example.com>"));
        assertTrue(text, text.contains("  ! 3 identities look like 1 person: see --group-authors name, gstats mailmap\n"));
        assertTrue(text, text.contains("  rating C (score 22.6 of 100); files rated A 1, B 2, C 3, D 4, E 5\n"));
        assertTrue(text, text.contains("  metrics: could not read x.bin\n"));
        assertTrue(text, text.contains("…/ImportantService.java   0.93         40         120  3,000\n"));
        assertFalse(text, text.contains("\u001b["));
    }

    @Test
    public void noLineIsWiderThanTheWidthAndPathsKeepTheirFileName() throws IOException {
        for (int width : new int[] {40, 60, 80, 100, 160}) {
            String text = write(report(), options(width, false));
            for (String line : text.split("\n")) {
                assertTrue(width + ": " + line, AlignedColumns.width(line) <= width);
            }
            assertTrue(width + "\n" + text, text.contains("ImportantService.java"));
        }
    }

    @Test
    public void sparklineSpansTheMonthsWithGapsBlank() throws IOException {
        List<String> lines = List.of(write(report(), options(100, false)).split("\n"));
        String spark = lines.get(lines.indexOf("Activity, commits per month") + 1);
        // 2023-01 .. 2023-04 with nothing in 2023-02 and 2023-03
        assertEquals("  ▁  █", spark);
        assertEquals("  2023-01 2023-04", lines.get(lines.indexOf("Activity, commits per month") + 2));
    }

    @Test
    public void colourMarksWithoutMovingAnything() throws IOException {
        String plain = write(report(), options(80, false));
        String colored = write(report(), options(80, true));

        assertTrue(colored.contains("\u001b[1;36mTotals\u001b[0m"));
        assertEquals(plain, colored.replaceAll("\u001b\\[[0-9;]*m", ""));
        String light = write(report(), new WriterOptions(false, null, false, 80, true, WriterOptions.LIGHT));
        assertTrue(light.contains("\u001b[1;34mTotals\u001b[0m"));
    }

    /** An error is the one thing not cut to the width: its end names the pack and the commits to look at. */
    @Test
    public void errorsAreWrappedWhole() throws IOException {
        String message = "7 commits could not be read: the history stops at commit " + "a".repeat(40) + ", which is "
                + "in the damaged pack pack-" + "b".repeat(40) + ".pack (git fsck shows the damage); they are "
                + "c".repeat(40) + " " + "d".repeat(40);
        Report damaged = new Report(header(), List.of(), List.of(new ReportError("scanner", message)));
        for (int width : new int[] {40, 80, 120}) {
            List<String> lines = List.of(write(damaged, options(width, false)).split("\n"));
            int at = lines.indexOf("1 error") + 1;
            int end = at;
            while (!lines.get(end).isEmpty()) {
                end++;
            }
            List<String> error = lines.subList(at, end);
            assertTrue(error.get(0), error.get(0).startsWith("  scanner: "));
            for (String line : error.subList(1, error.size())) {
                assertTrue(line, line.startsWith("    "));
            }
            for (String line : error) {
                assertTrue(width + ": " + line, AlignedColumns.width(line) <= width);
            }
            String joined = String.join(" ", error.stream().map(String::strip).toList());
            // at 40 columns an id does not fit a line and is broken where the line ends
            assertEquals(width + "\n" + String.join("\n", error), ("scanner: " + message).replace(" ", ""),
                    joined.replace(" ", ""));
            if (width > 40) {
                assertEquals("scanner: " + message, joined);
            }
        }
    }

    @Test
    public void partsOfPluginsThatDidNotRunAreLeftOut() throws IOException {
        Report onlyHeader = new Report(header(), List.of(), List.of());

        String text = write(onlyHeader, options(100, false));

        assertEquals("gstats report of /work/repo\n"
                + "main at 0123456 · scanned 2024-03-15 12:00 UTC · in 2.5 s · gstats 0.1.0\n\n"
                + "--full prints every table; --format html, json or markdown writes the whole report\n", text);
    }

    @Test
    public void fullPrintsEveryTable() throws IOException {
        String text = write(report(), new WriterOptions(false, null, true, 100, false, WriterOptions.DARK));

        assertTrue(text, text.contains("\nidentity_clusters\n"));
        assertTrue(text, text.startsWith("gstats report (version 0.1.0)\n"));
    }

    private static WriterOptions options(int width, boolean color) {
        return new WriterOptions(false, null, false, width, color, WriterOptions.DARK);
    }

    private String write(Report report, WriterOptions options) throws IOException {
        return ReportData.strictUtf8(ReportData.write(writer, report, options));
    }

    private static ReportHeader header() {
        return new ReportHeader("0.1.0", "/work/repo", "main", "0123456789abcdef0123456789abcdef01234567",
                Instant.parse("2024-03-15T12:00:00Z"), 2500);
    }

    static Report report() {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("commits", 1234L);
        totals.put("merges", 12L);
        totals.put("authors", 12L);
        totals.put("files_changed", 80L);
        totals.put("file_changes", 400L);
        totals.put("insertions", 12345L);
        totals.put("deletions", 2345L);
        totals.put("first_commit", "2023-01-05T10:00:00Z");
        totals.put("last_commit", "2024-03-01T10:00:00Z");
        Table.Builder authors = Table.builder("authors", "name", "email", "commits", "insertions", "deletions",
                "first_commit", "last_commit");
        authors.row("Ann Lee", "ann@example.com", 500L, 9000L, 1000L, "2023-01-05T10:00:00Z", "2024-03-01T10:00:00Z");
        for (int i = 1; i < 12; i++) {
            authors.row("Author Number " + i + " With A Rather Long Name", "author" + i + "@a-long-domain.example.com",
                    60L - i, 100L, 10L, "2023-01-05T10:00:00Z", "2023-06-01T10:00:00Z");
        }
        Table months = Table.builder("by_month", "month", "commits").row("2023-01", 2L).row("2023-04", 40L).build();
        Table clusters = Table.builder("identity_clusters", "cluster", "name", "email", "commits", "reason")
                .row(1L, "Ann Lee", "ann@example.com", 300L, "same name")
                .row(1L, "Ann Lee", "ann@home.example", 150L, "same name")
                .row(1L, "annlee", "1+annlee@users.noreply.github.com", 50L, "github noreply").build();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", 90L);
        summary.put("code_lines", 10000L);
        summary.put("comment_lines", 2000L);
        summary.put("functions", 300L);
        summary.put("duplication_ratio", 0.05);
        Table hotspots = Table.builder("hotspots", "path", "rank", "score", "revisions", "complexity", "churn")
                .row(LONG_PATH, 1L, 0.93, 40L, 120L, 3000L).row("a.java", 2L, 0.5, 10L, 10L, 100L).build();
        Table languages = Table.builder("languages", "language", "files", "code_lines", "comment_lines",
                "blank_lines").row("Java", 60L, 8000L, 1500L, 900L).row("XML", 5L, 2000L, 0L, 10L).build();
        Map<String, Object> debt = new LinkedHashMap<>();
        debt.put("files", 15L);
        debt.put("rated_a", 1L);
        debt.put("rated_b", 2L);
        debt.put("rated_c", 3L);
        debt.put("rated_d", 4L);
        debt.put("rated_e", 5L);
        debt.put("score", 22.6);
        debt.put("rating", "C");
        Table debtTable = Table.builder("debt", "path", "score", "rating").row(LONG_PATH, 70.5, "E").build();
        return new Report(header(), List.of(
                new ReportSection("commits", List.of(new Fields("totals", totals), authors.build(), months,
                        clusters)),
                new ReportSection("metrics", List.of(new Fields("summary", summary), languages, hotspots, debtTable,
                        new Fields("debt_summary", debt)))),
                List.of(new ReportError("metrics", "could not read x.bin")));
    }
}
