package org.gstats.plugin.export.internal;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.gstats.api.report.ChartSpec;
import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.osgi.service.component.annotations.Component;

import com.google.gson.stream.JsonWriter;

/**
 * The whole report as one JSON document, for machines:
 * {@code {"gstats": {...}, "sections": {"<section>": {"<item>": ...}}, "errors": [...]}}, and,
 * when a section declares charts, {@code "charts": {"<section>": [{"title", "kind", "table",
 * "columns"}]}} after the sections, so that a page fed this document draws them; and, when a
 * table has no rows (whose keys would name its columns), {@code "columns": {"<section>":
 * {"<table>": [...]}}} after those, so that a reader of the document alone (serve's CSV of a
 * stored report) still knows them. Fields become
 * objects, tables arrays of row objects; keys keep the report's order, so two runs diff cleanly. Compact on one line, or indented by two spaces with {@code --pretty}.
 */
@Component(service = ReportWriter.class, property = ReportWriter.FORMAT_PROPERTY + "=" + JsonReportWriter.FORMAT)
public class JsonReportWriter implements ReportWriter {

    static final String FORMAT = "json";

    /** The most bytes of a document kept for a second write of the same report. */
    static final int KEPT_BYTES = 8 << 20;

    /**
     * The last document written (or being written), if it was small enough to keep: a scan with the
     * store has its report written twice, kept (deflated) by the store and to the user's output, at
     * the same time since the store's last transaction runs while the report reaches the user; the
     * second write copies these bytes instead of serialising the report again (a fifth of the CPU
     * of a stored rescan was its two JSON writes), waiting for the first to end if it is still
     * going. A report is immutable, so the same instance with the same options gives the same
     * bytes; the report is held weakly, the bytes softly, and both are let go at the second write.
     */
    private final AtomicReference<Written> last = new AtomicReference<>();

    /** @param bytes the document once written; null in it when it was too large to keep, or failed */
    private record Written(WeakReference<Report> report, boolean pretty,
            CompletableFuture<SoftReference<byte[]>> bytes) {

        boolean of(Report report, WriterOptions options) {
            return this.report.get() == report && pretty == options.pretty();
        }
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Set<Option> options() {
        return Set.of(Option.PRETTY);
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        write(report, WriterOptions.DEFAULT, out);
    }

    @Override
    public void write(Report report, WriterOptions options, OutputStream out) throws IOException {
        Written mine = new Written(new WeakReference<>(report), options.pretty(), new CompletableFuture<>());
        while (true) {
            Written written = last.get();
            if (written != null && written.of(report, options)) {
                SoftReference<byte[]> kept = written.bytes().join();
                byte[] bytes = kept == null ? null : kept.get();
                if (bytes != null) {
                    last.compareAndSet(written, null);
                    out.write(bytes);
                    out.flush();
                    return;
                }
            }
            // one writer of a report at a time registers, so that the other waits for its bytes
            if (last.compareAndSet(written, mine)) {
                break;
            }
        }
        KeepingStream keeping = new KeepingStream(out);
        byte[] whole = null;
        try {
            serialise(report, options, keeping);
            whole = keeping.copy == null ? null : keeping.copy.toByteArray();
        } finally {
            // a writer waiting for these bytes serialises the report itself when there are none
            mine.bytes().complete(whole == null ? null : new SoftReference<>(whole));
            if (whole == null) {
                last.compareAndSet(mine, null);
            }
        }
    }

    private static void serialise(Report report, WriterOptions options, OutputStream out) throws IOException {
        // JsonWriter writes a few characters at a time: unbuffered, each went through the
        // encoder on its own (a third of the CPU of a stored rescan went to writing its JSON)
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        JsonWriter json = new JsonWriter(text);
        if (options.pretty()) {
            json.setIndent("  ");
        }
        writeDocument(report, json);
        // JsonWriter.close() would close the caller's stream; flushing is all we may do
        json.flush();
        text.write('\n');
        text.flush();
    }

    /** Passes what is written on, keeping a copy of it while it is at most {@link #KEPT_BYTES}. */
    private static final class KeepingStream extends FilterOutputStream {
        private ByteArrayOutputStream copy = new ByteArrayOutputStream(1 << 16);

        KeepingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            keep(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            keep(bytes, offset, length);
        }

        private void keep(byte[] bytes, int offset, int length) {
            if (copy != null && copy.size() + length > KEPT_BYTES) {
                copy = null;
            }
            if (copy != null) {
                copy.write(bytes, offset, length);
            }
        }
    }

    private static void writeDocument(Report report, JsonWriter json) throws IOException {
        json.setSerializeNulls(true);
        json.beginObject();
        json.name("gstats");
        writeHeader(report.header(), json);
        json.name("sections").beginObject();
        for (ReportSection section : report.sections()) {
            json.name(ReportValues.text(section.name()));
            writeSection(section, json);
        }
        json.endObject();
        writeCharts(report, json);
        writeEmptyTablesColumns(report, json);
        json.name("errors").beginArray();
        for (ReportError error : report.errors()) {
            json.beginObject();
            json.name("plugin");
            writeValue(error.plugin(), json);
            json.name("message");
            writeValue(error.message(), json);
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void writeCharts(Report report, JsonWriter json) throws IOException {
        if (report.sections().stream().allMatch(section -> section.charts().isEmpty())) {
            return;
        }
        json.name("charts").beginObject();
        for (ReportSection section : report.sections()) {
            if (section.charts().isEmpty()) {
                continue;
            }
            json.name(ReportValues.text(section.name())).beginArray();
            for (ChartSpec chart : section.charts()) {
                json.beginObject();
                json.name("title").value(ReportValues.text(chart.title()));
                json.name("kind").value(chart.kind().label());
                json.name("table").value(ReportValues.text(chart.table()));
                json.name("columns").beginArray();
                for (String column : chart.columns()) {
                    json.value(ReportValues.text(column));
                }
                json.endArray();
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();
    }

    private static void writeEmptyTablesColumns(Report report, JsonWriter json) throws IOException {
        boolean any = false;
        for (ReportSection section : report.sections()) {
            List<Table> empty = section.items().stream()
                    .filter(item -> item instanceof Table table && table.rows().isEmpty()).map(Table.class::cast)
                    .toList();
            if (empty.isEmpty()) {
                continue;
            }
            if (!any) {
                json.name("columns").beginObject();
                any = true;
            }
            json.name(ReportValues.text(section.name())).beginObject();
            for (Table table : empty) {
                json.name(ReportValues.text(table.name())).beginArray();
                for (String column : table.columns()) {
                    json.value(ReportValues.text(column));
                }
                json.endArray();
            }
            json.endObject();
        }
        if (any) {
            json.endObject();
        }
    }

    private static void writeHeader(ReportHeader header, JsonWriter json) throws IOException {
        json.beginObject();
        json.name("version");
        writeValue(header.version(), json);
        json.name("repository");
        writeValue(header.repository(), json);
        json.name("branch");
        writeValue(header.branch(), json);
        json.name("head");
        writeValue(header.head(), json);
        json.name("started").value(header.started() == null ? null : header.started().toString());
        json.name("duration_ms").value(header.durationMs());
        if (header.peakHeapBytes() != null) {
            json.name("peak_heap_bytes").value(header.peakHeapBytes());
        }
        if (header.pressureChanges() != null) {
            json.name("pressure_changes").value(header.pressureChanges());
        }
        if (header.blockedMs() != null) {
            json.name("blocked_ms").value(header.blockedMs());
        }
        json.endObject();
    }

    private static void writeSection(ReportSection section, JsonWriter json) throws IOException {
        json.beginObject();
        for (ReportItem item : section.items()) {
            json.name(ReportValues.text(item.name()));
            if (item instanceof Fields fields) {
                writeFields(fields.values(), json);
            } else {
                writeTable((Table) item, json);
            }
        }
        json.endObject();
    }

    private static void writeFields(Map<String, Object> values, JsonWriter json) throws IOException {
        json.beginObject();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            json.name(ReportValues.text(entry.getKey()));
            writeValue(entry.getValue(), json);
        }
        json.endObject();
    }

    /** The table as a JSON array of one object a row, keyed by column. */
    static void writeTable(Table table, JsonWriter json) throws IOException {
        List<String> columns = table.columns().stream().map(ReportValues::text).toList();
        json.beginArray();
        for (List<Object> row : table.rows()) {
            json.beginObject();
            for (int i = 0; i < columns.size(); i++) {
                json.name(columns.get(i));
                writeValue(row.get(i), json);
            }
            json.endObject();
        }
        json.endArray();
    }

    private static void writeValue(Object value, JsonWriter json) throws IOException {
        Object normalized = ReportValues.normalize(value);
        if (normalized == null) {
            json.nullValue();
        } else if (normalized instanceof String string) {
            json.value(string);
        } else if (normalized instanceof Boolean bool) {
            json.value(bool.booleanValue());
        } else if (normalized instanceof Long number) {
            json.value(number.longValue());
        } else if (normalized instanceof Double number) {
            json.value(number.doubleValue());
        } else {
            json.value((Number) normalized);
        }
    }
}
