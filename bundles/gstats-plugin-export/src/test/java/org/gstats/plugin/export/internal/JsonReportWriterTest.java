package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gstats.api.report.ChartSpec;
import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.junit.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

public class JsonReportWriterTest {

    private static final String UNICODE = "Zoë Ødegård 日本 😀 \"quoted\" \\ tab\t";

    private final JsonReportWriter writer = new JsonReportWriter();

    @Test
    public void memoryFiguresFollowTheDurationWhenTheEngineMeasuredThem() throws Exception {
        Report measured = new Report(sampleReport().header().withMemory(52_428_800L, 3, 95),
                sampleReport().sections(), sampleReport().errors());
        JsonObject header = parse(write(measured)).getAsJsonObject("gstats");
        assertEquals(List.of("version", "repository", "branch", "head", "started", "duration_ms", "peak_heap_bytes",
                "pressure_changes", "blocked_ms"), List.copyOf(header.keySet()));
        assertEquals(52_428_800L, header.get("peak_heap_bytes").getAsLong());
        assertEquals(3, header.get("pressure_changes").getAsInt());
        assertEquals(95L, header.get("blocked_ms").getAsLong());
    }

    @Test
    public void headerRoundTripsWithNullHead() throws IOException {
        JsonObject header = parse(write(sampleReport())).getAsJsonObject("gstats");

        assertEquals(List.of("version", "repository", "branch", "head", "started", "duration_ms"),
                new ArrayList<>(header.keySet()));
        assertEquals("0.1.0", header.get("version").getAsString());
        assertEquals("/tmp/répo with space", header.get("repository").getAsString());
        assertEquals("main", header.get("branch").getAsString());
        assertTrue(header.get("head").isJsonNull());
        assertEquals("2024-01-15T10:00:00.250Z", header.get("started").getAsString());
        assertEquals(2150L, header.get("duration_ms").getAsLong());
    }

    @Test
    public void fieldsKeepOrderAndEveryValueKind() throws IOException {
        JsonObject totals = parse(write(sampleReport())).getAsJsonObject("sections")
                .getAsJsonObject("commits").getAsJsonObject("totals");

        assertEquals(List.of("commits", "lines", "share", "precise", "merges", "active", "note", "name"),
                new ArrayList<>(totals.keySet()));
        assertEquals(12, totals.get("commits").getAsInt());
        assertEquals(123_456_789_012L, totals.get("lines").getAsLong());
        assertEquals(0.25, totals.get("share").getAsDouble(), 0.0);
        assertEquals(new BigDecimal("1234567890.123456789"), totals.get("precise").getAsBigDecimal());
        assertEquals(0, totals.get("merges").getAsInt());
        assertTrue(totals.get("active").getAsJsonPrimitive().isBoolean());
        assertTrue(totals.get("active").getAsBoolean());
        assertTrue(totals.get("note").isJsonNull());
        assertEquals(UNICODE, totals.get("name").getAsString());
    }

    @Test
    public void chartsFollowTheSectionsOnlyWhenASectionDeclaresOne() throws IOException {
        Table pairs = Table.builder("pairs", "file", "coupled_file", "degree").row("a", "b", 50.0).build();
        Report charted = new Report(sampleReport().header(), List.of(sampleReport().sections().get(0),
                new ReportSection("coupling", List.of(pairs), List.of(ChartSpec.graph("Coupling", "pairs", "file",
                        "coupled_file", "degree")))), List.of());

        JsonObject json = parse(write(charted));

        assertEquals(List.of("gstats", "sections", "charts", "columns", "errors"), List.copyOf(json.keySet()));
        assertEquals("{\"coupling\":[{\"title\":\"Coupling\",\"kind\":\"graph\",\"table\":\"pairs\","
                + "\"columns\":[\"file\",\"coupled_file\",\"degree\"]}]}", json.get("charts").toString());
        assertEquals(List.of("gstats", "sections", "columns", "errors"),
                List.copyOf(parse(write(sampleReport())).keySet()));
    }

    @Test
    public void columnsNameTheTablesWithoutRowsOnly() throws IOException {
        JsonObject json = parse(write(sampleReport()));

        // "tags" has no rows to name its columns; "authors" has
        assertEquals("{\"commits\":{\"tags\":[\"tag\",\"commit\"]}}", json.get("columns").toString());
        Report withRows = new Report(sampleReport().header(), List.of(new ReportSection("commits",
                List.of(Table.builder("tags", "tag", "commit").row("v1", "abc").build()))), List.of());
        assertEquals(List.of("gstats", "sections", "errors"), List.copyOf(parse(write(withRows)).keySet()));
    }

    @Test
    public void tablesBecomeArraysOfRowObjects() throws IOException {
        JsonObject commits = parse(write(sampleReport())).getAsJsonObject("sections").getAsJsonObject("commits");

        assertEquals(List.of("totals", "authors", "tags"), new ArrayList<>(commits.keySet()));
        JsonArray authors = commits.getAsJsonArray("authors");
        assertEquals(2, authors.size());
        JsonObject first = authors.get(0).getAsJsonObject();
        assertEquals(List.of("name", "email", "commits"), new ArrayList<>(first.keySet()));
        assertEquals(UNICODE, first.get("name").getAsString());
        assertTrue(first.get("email").isJsonNull());
        assertEquals(10, first.get("commits").getAsInt());
        assertEquals("bob@example.org", authors.get(1).getAsJsonObject().get("email").getAsString());
        assertEquals(0, commits.getAsJsonArray("tags").size());
    }

    @Test
    public void sectionsKeepOrderAndEmptySectionIsEmptyObject() throws IOException {
        JsonObject sections = parse(write(sampleReport())).getAsJsonObject("sections");

        assertEquals(List.of("commits", "empty"), new ArrayList<>(sections.keySet()));
        assertEquals(0, sections.getAsJsonObject("empty").size());
    }

    @Test
    public void errorsListPluginAndMessage() throws IOException {
        JsonArray errors = parse(write(sampleReport())).getAsJsonArray("errors");

        assertEquals(1, errors.size());
        JsonObject error = errors.get(0).getAsJsonObject();
        assertEquals(List.of("plugin", "message"), new ArrayList<>(error.keySet()));
        assertEquals("metrics", error.get("plugin").getAsString());
        assertEquals("failed on 日本.txt", error.get("message").getAsString());
    }

    @Test
    public void topLevelKeysInOrder() throws IOException {
        assertEquals(List.of("gstats", "sections", "columns", "errors"),
                new ArrayList<>(parse(write(sampleReport())).keySet()));
    }

    @Test
    public void integersHaveNoFractionAndDoublesKeepTheirs() throws IOException {
        String json = write(sampleReport());

        assertTrue(json, json.contains("\"commits\":12,"));
        assertTrue(json, json.contains("\"lines\":123456789012,"));
        assertTrue(json, json.contains("\"merges\":0,"));
        assertTrue(json, json.contains("\"share\":0.25,"));
        assertTrue(json, json.contains("\"precise\":1234567890.123456789,"));
        assertTrue(json, json.contains("\"duration_ms\":2150"));
        assertFalse(json, json.contains("12.0"));
    }

    @Test
    public void compactByDefaultOnOneLineWithRawUtf8() throws IOException {
        String json = write(sampleReport());

        assertTrue(json, json.startsWith("{\"gstats\":{\"version\":\"0.1.0\","));
        assertEquals(json, 1, json.lines().count());
        assertTrue(json, json.endsWith("}\n"));
        assertTrue(json, json.contains("Zoë Ødegård 日本 😀"));
    }

    @Test
    public void prettyIsIndentedByTwoSpaces() throws IOException {
        String json = write(sampleReport(), new WriterOptions(true, null));

        assertTrue(json, json.startsWith("{\n  \"gstats\": {\n    \"version\": \"0.1.0\",\n"));
        assertTrue(json, json.contains("\n      \"totals\": {\n        \"commits\": 12,\n"));
        assertTrue(json, json.contains("\"tags\": []"));
        assertTrue(json, json.endsWith("\n}\n"));
        assertEquals(parse(write(sampleReport())), parse(json));
    }

    @Test
    public void sameReportGivesTheSameBytes() throws IOException {
        assertEquals(write(sampleReport()), write(sampleReport()));
        assertEquals(write(sampleReport(), new WriterOptions(true, null)),
                write(sampleReport(), new WriterOptions(true, null)));
    }

    @Test
    public void aReportWrittenAgainIsTheSameDocumentAndAnotherReportIsItsOwn() throws IOException {
        Report first = sampleReport();
        Report second = new Report(sampleHeader(), List.of(new ReportSection("other", List.of())), List.of());
        String compact = write(first);
        String pretty = write(first, new WriterOptions(true, null));

        // the second write of a report copies the first's bytes; other options or reports serialise afresh
        assertEquals(compact, write(first));
        assertEquals(compact, write(first));
        assertEquals(pretty, write(first, new WriterOptions(true, null)));
        assertTrue(pretty, pretty.startsWith("{\n  \"gstats\""));
        assertEquals(parse(compact), parse(pretty));
        String other = write(second);
        assertTrue(other, other.contains("\"sections\":{\"other\":{}}"));
        assertEquals(compact, write(first));
    }

    /**
     * The store keeps a report's JSON while the same report is written to the user's output: the
     * write that comes second waits for the first's bytes instead of serialising the report again.
     */
    @Test
    public void aSecondWriteOfTheReportDuringTheFirstWaitsForItsBytes() throws Exception {
        Report report = sampleReport();
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream firstBytes = new ByteArrayOutputStream();
        OutputStream held = new FilterOutputStream(firstBytes) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                firstWriting.countDown();
                await(release);
                out.write(bytes, offset, length);
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> {
                writer.write(report, held);
                return null;
            });
            firstWriting.await();
            ByteArrayOutputStream secondBytes = new ByteArrayOutputStream();
            Thread[] secondThread = new Thread[1];
            Future<?> second = threads.submit(() -> {
                secondThread[0] = Thread.currentThread();
                writer.write(report, secondBytes);
                return null;
            });
            // the second write waits for the first; serialising on its own, it would have written
            while (secondThread[0] == null || secondThread[0].getState() != Thread.State.WAITING) {
                assertFalse("the second write ended while the first was still writing", second.isDone());
                Thread.sleep(5);
            }
            assertEquals(0, secondBytes.size());

            release.countDown();
            first.get();
            second.get();
            assertEquals(firstBytes.toString(StandardCharsets.UTF_8), secondBytes.toString(StandardCharsets.UTF_8));
            assertEquals(parse(write(sampleReport())), parse(secondBytes.toString(StandardCharsets.UTF_8)));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    /** A first write that fails leaves the report to be serialised whole by the next. */
    @Test
    public void aWriteAfterAFailedOneSerialisesTheReportItself() throws IOException {
        Report report = sampleReport();
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThrows(IOException.class, () -> writer.write(report, failing));

        String again = write(report);
        assertEquals(write(sampleReport()), again);
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    public void aDocumentTooLargeToKeepIsWrittenWholeEachTime() throws IOException {
        Table.Builder rows = Table.builder("rows", "text");
        String text = "x".repeat(1000);
        for (int i = 0; i <= JsonReportWriter.KEPT_BYTES / 1000; i++) {
            rows.row(text);
        }
        Report large = new Report(sampleHeader(), List.of(new ReportSection("large", List.of(rows.build()))),
                List.of());

        String json = write(large);

        assertTrue(json.length() > JsonReportWriter.KEPT_BYTES);
        assertEquals(json, write(large));
    }

    @Test
    public void unpairedSurrogatesBecomeTheReplacementCharacterAndTheOutputIsUtf8() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("half \ud83d", "high \ud83d, low \ude00, pair \ud83d\ude00, control \u0001");
        Report report = new Report(sampleHeader(),
                List.of(new ReportSection("text", List.of(new Fields("values", values)))), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.write(report, WriterOptions.DEFAULT, out);

        JsonObject fields = parse(ReportData.strictUtf8(out.toByteArray())).getAsJsonObject("sections")
                .getAsJsonObject("text").getAsJsonObject("values");
        assertEquals("high \ufffd, low \ufffd, pair 😀, control \u0001", fields.get("half \ufffd").getAsString());
    }

    @Test
    public void takesPrettyOnly() {
        assertEquals(Set.of(ReportWriter.Option.PRETTY), writer.options());
        assertFalse(writer.writesDirectory(WriterOptions.DEFAULT));
    }

    @Test
    public void notFiniteNumbersBecomeNull() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nan", Double.NaN);
        values.put("infinite", Float.POSITIVE_INFINITY);
        values.put("float", 1.5f);
        Report report = new Report(sampleHeader(),
                List.of(new ReportSection("numbers", List.of(new Fields("values", values)))), List.of());

        JsonObject fields = parse(write(report)).getAsJsonObject("sections").getAsJsonObject("numbers")
                .getAsJsonObject("values");

        assertTrue(fields.get("nan").isJsonNull());
        assertTrue(fields.get("infinite").isJsonNull());
        assertEquals(1.5, fields.get("float").getAsDouble(), 0.0);
    }

    @Test
    public void leavesTheStreamOpen() throws IOException {
        CloseRecordingStream out = new CloseRecordingStream();

        writer.write(sampleReport(), out);
        out.write('x');

        assertFalse(out.closed);
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("}\nx"));
    }

    @Test
    public void formatIsJson() {
        assertEquals("json", writer.format());
    }

    private String write(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String write(Report report, WriterOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, options, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject parse(String json) {
        JsonElement root = JsonParser.parseString(json);
        return root.getAsJsonObject();
    }

    static ReportHeader sampleHeader() {
        return new ReportHeader("0.1.0", "/tmp/répo with space", "main", null,
                Instant.parse("2024-01-15T10:00:00.250Z"), 2150);
    }

    static Report sampleReport() {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("commits", 12);
        totals.put("lines", 123_456_789_012L);
        totals.put("share", 0.25);
        totals.put("precise", new BigDecimal("1234567890.123456789"));
        totals.put("merges", (short) 0);
        totals.put("active", true);
        totals.put("note", null);
        totals.put("name", UNICODE);
        Table authors = Table.builder("authors", "name", "email", "commits")
                .row(UNICODE, null, 10)
                .row("Bob", "bob@example.org", 2L)
                .build();
        Table tags = Table.builder("tags", "tag", "commit").build();
        ReportSection commits = new ReportSection("commits", List.of(new Fields("totals", totals), authors, tags));
        ReportSection empty = new ReportSection("empty", List.of());
        return new Report(sampleHeader(), List.of(commits, empty),
                List.of(new ReportError("metrics", "failed on 日本.txt")));
    }

    private static final class CloseRecordingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
