package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The CSV tables, read back by Jackson's CSV parser, against the JSON report. */
public class CsvReportWriterTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Report report;
    private static JsonObject json;

    private final CsvReportWriter writer = new CsvReportWriter();

    @BeforeClass
    public static void scanTheTrickyRepository() throws Exception {
        report = TrickyReport.build(TEMP.newFolder().toPath());
        json = ReportData.rawJson(report);
    }

    @Test
    public void everyTableToStdoutReadsBackAsTheJsonData() throws IOException {
        for (String name : report.itemNames()) {
            String csv = ReportData.strictUtf8(ReportData.write(writer, report, new WriterOptions(false, name)));

            assertEquals(name, expected(name), parse(csv));
        }
    }

    @Test
    public void directoryHasOneFileForEachTableNamedAfterSectionAndTable() throws Exception {
        Path directory = TEMP.newFolder().toPath();

        writer.writeDirectory(report, WriterOptions.DEFAULT, directory);

        assertEquals(Set.of("commits_totals.csv", "commits_authors.csv", "commits_by_month.csv", "commits_lifecycle.csv",
                "commits_by_day.csv", "commits_by_weekday_hour.csv", "commits_authors_by_month.csv",
                "commits_identity_clusters.csv", "commits_changes.csv",
                "values_kinds.csv", "values_texts.csv", "values_no_rows.csv"), files(directory));
        assertEquals(expected("commits.changes"),
                parse(ReportData.strictUtf8(Files.readAllBytes(directory.resolve("commits_changes.csv")))));
        assertEquals(expected("values.no rows"),
                parse(ReportData.strictUtf8(Files.readAllBytes(directory.resolve("values_no_rows.csv")))));
    }

    @Test
    public void rfc4180QuotingLfAndNoByteOrderMark() throws IOException {
        byte[] bytes = ReportData.write(writer, quotingReport(), new WriterOptions(false, "s.t"));

        assertEquals("plain,\"comma, quote \"\"x\"\"\",lines\n"
                + "abc,\"a,b\",\"1\n2\"\n"
                + "\"\",,é 😀\n", ReportData.strictUtf8(bytes));
        assertFalse(bytes[0] == (byte) 0xEF);
    }

    @Test
    public void crlfWhenConfigured() throws IOException {
        writer.configure(lineEnding("crlf"));

        assertEquals("plain,\"comma, quote \"\"x\"\"\",lines\r\n"
                + "abc,\"a,b\",\"1\n2\"\r\n"
                + "\"\",,é 😀\r\n", ReportData.strictUtf8(ReportData.write(writer, quotingReport(),
                        new WriterOptions(false, "s.t"))));

        writer.configure(lineEnding("lf"));
        assertTrue(ReportData.strictUtf8(ReportData.write(writer, quotingReport(), new WriterOptions(false, "s.t")))
                .endsWith("é 😀\n"));
    }

    private Report quotingReport() {
        Table table = Table.builder("t", "plain", "comma, quote \"x\"", "lines").row("abc", "a,b", "1\n2").row(
                "", null, "é 😀").build();
        return new Report(report.header(), List.of(new ReportSection("s", List.of(table))), List.of());
    }

    private static ExportConfiguration lineEnding(String value) {
        return new ExportConfiguration() {
            @Override
            public String format() {
                return "csv";
            }

            @Override
            public String output_path() {
                return "";
            }

            @Override
            public boolean pretty() {
                return false;
            }

            @Override
            public String csv_line_ending() {
                return value;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ExportConfiguration.class;
            }
        };
    }

    @Test
    public void fieldsAreOneRowUnderTheirNames() throws IOException {
        Fields fields = new Fields("totals", Map.of("commits", 3));
        Report small = new Report(report.header(), List.of(new ReportSection("c",
                List.of(fields))), List.of());

        assertEquals("commits\n3\n", new String(ReportData.write(writer, small, new WriterOptions(false,
                "c.totals")), StandardCharsets.UTF_8));
    }

    @Test
    public void fileNamesAreSafeAndUnique() {
        Set<String> taken = new HashSet<>();

        assertEquals("commits_by_month.csv", CsvReportWriter.fileName("commits", "by_month", taken));
        assertEquals("a_b_c_.csv", CsvReportWriter.fileName("a/b", "c\n", taken));
        assertEquals("_.._x.csv", CsvReportWriter.fileName("...", "x", taken));
        assertEquals("____.csv", CsvReportWriter.fileName("日本", "", taken));
        assertEquals("commits_by_month_2.csv", CsvReportWriter.fileName("commits", "by_month", taken));
        assertEquals("Commits_By_month_3.csv", CsvReportWriter.fileName("Commits", "By_month", taken));
    }

    @Test
    public void writesADirectoryUnlessATableIsChosen() {
        assertTrue(writer.writesDirectory(WriterOptions.DEFAULT));
        assertFalse(writer.writesDirectory(new WriterOptions(false, "commits.authors")));
        assertEquals(Set.of(ReportWriter.Option.TABLE), writer.options());
    }

    @Test
    public void streamWithoutAChosenTableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> writer.write(report, new ByteArrayOutputStream()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ReportData.write(writer, report, new WriterOptions(false, "commits.nope")));
        assertTrue(unknown.getMessage(), unknown.getMessage().startsWith(
                "unknown table 'commits.nope' (available: commits.totals, commits.authors, commits.by_month, "));
    }

    /** The CSV rows the JSON report stands for: a header, then the values as text, null as an empty field. */
    private static List<List<String>> expected(String qualifiedName) {
        ReportItem item = report.item(qualifiedName).orElseThrow();
        String[] names = qualifiedName.split("\\.", 2);
        JsonElement data = json.getAsJsonObject("sections").getAsJsonObject(names[0]).get(names[1]);
        List<List<String>> rows = new ArrayList<>();
        if (item instanceof Fields) {
            JsonObject fields = data.getAsJsonObject();
            rows.add(List.copyOf(fields.keySet()));
            rows.add(fields.entrySet().stream().map(entry -> cell(entry.getValue())).toList());
        } else {
            List<String> columns = ((Table) item).columns().stream().map(ReportValues::text).toList();
            rows.add(columns);
            data.getAsJsonArray().forEach(row -> rows.add(
                    columns.stream().map(column -> cell(row.getAsJsonObject().get(column))).toList()));
        }
        return rows;
    }

    private static String cell(JsonElement value) {
        if (value.isJsonNull()) {
            return "";
        }
        // Gson keeps a number's text as the JSON writer wrote it
        return value.getAsString();
    }

    private static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema())
                .readValues(new StringReader(csv))) {
            return rows.readAll();
        }
    }

    private static Set<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            Set<String> names = new HashSet<>();
            files.forEach(file -> names.add(file.getFileName().toString()));
            return names;
        }
    }
}
