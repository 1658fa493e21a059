package org.gstats.plugin.export.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Report items as RFC 4180 CSV, UTF-8 without a byte order mark, a header row,
 * fields quoted when they hold a comma, a quote or a line break. A table gives one row per
 * table row; fields give one row with a column per field. CSV has no null: an absent value is
 * an empty field. With {@code --table SECTION.ITEM} the one item goes to a stream; without it
 * every item goes to its own file {@code SECTION_ITEM.csv} in a directory.
 * <p>
 * Lines end in LF, as the tools that read CSV on the command line (cut, awk, sort) expect;
 * RFC 4180's CRLF, which leaves a {@code \r} on their last field, is
 * {@code [module.export] csv-line-ending = "crlf"}.
 */
@Component(service = ReportWriter.class, property = ReportWriter.FORMAT_PROPERTY + "=" + CsvReportWriter.FORMAT,
        configurationPid = ExportConfiguration.PID)
public class CsvReportWriter implements ReportWriter {

    static final String FORMAT = "csv";
    static final String EXTENSION = ".csv";

    private volatile CSVFormat format = lineEnding("lf");

    @Activate
    @Modified
    void configure(ExportConfiguration config) {
        format = lineEnding(config.csv_line_ending());
    }

    private static CSVFormat lineEnding(String name) {
        return CSVFormat.RFC4180.builder().setRecordSeparator("crlf".equalsIgnoreCase(name) ? "\r\n" : "\n")
                .get();
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Set<Option> options() {
        return Set.of(Option.TABLE);
    }

    @Override
    public boolean writesDirectory(WriterOptions options) {
        return options.table() == null;
    }

    /** CSV holds one table: without a chosen one there is nothing sensible to stream. */
    @Override
    public void write(Report report, OutputStream out) {
        throw new IllegalArgumentException("csv writes one chosen table to a stream (WriterOptions.table) "
                + "or every table to a directory (writeDirectory)");
    }

    @Override
    public void write(Report report, WriterOptions options, OutputStream out) throws IOException {
        ReportItem item = report.item(options.table()).orElseThrow(() -> new IllegalArgumentException(
                "unknown table '" + options.table() + "' (available: " + String.join(", ", report.itemNames()) + ")"));
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writeItem(item, text);
        text.flush();
    }

    @Override
    public void writeDirectory(Report report, WriterOptions options, Path directory) throws IOException {
        Set<String> taken = new HashSet<>();
        for (ReportSection section : report.sections()) {
            for (ReportItem item : section.items()) {
                Path file = directory.resolve(fileName(section.name(), item.name(), taken));
                try (Writer text = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    writeItem(item, text);
                }
            }
        }
    }

    /**
     * {@code SECTION_ITEM.csv}, safe on every file system: characters other than ASCII letters,
     * digits, {@code -} and {@code .} become {@code _}; a name met twice gets {@code _2}, {@code _3}, …
     */
    static String fileName(String section, String item, Set<String> taken) {
        String base = safe(section) + "_" + safe(item);
        String name = base + EXTENSION;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "_" + n + EXTENSION;
        }
        return name;
    }

    private static String safe(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || (c == '.' && i > 0);
            safe.append(kept ? c : '_');
        }
        return safe.length() == 0 ? "_" : safe.toString();
    }

    private void writeItem(ReportItem item, Writer text) throws IOException {
        // close() would close the caller's stream
        CSVPrinter csv = new CSVPrinter(text, format);
        if (item instanceof Fields fields) {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, Object> entry : fields.values().entrySet()) {
                names.add(ReportValues.text(entry.getKey()));
                values.add(cell(entry.getValue()));
            }
            csv.printRecord(names);
            csv.printRecord(values);
        } else {
            Table table = (Table) item;
            csv.printRecord(table.columns().stream().map(ReportValues::text).toList());
            List<String> cells = new ArrayList<>(table.columns().size());
            for (List<Object> row : table.rows()) {
                cells.clear();
                for (Object value : row) {
                    cells.add(cell(value));
                }
                csv.printRecord(cells);
            }
        }
        csv.flush();
    }

    private static String cell(Object value) {
        Object normalized = ReportValues.normalize(value);
        if (normalized == null) {
            return "";
        }
        if (normalized instanceof Number) {
            return ReportValues.numberText(normalized);
        }
        return normalized.toString();
    }
}
