package org.gstats.plugin.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.osgi.service.component.annotations.Component;

import com.google.gson.stream.JsonWriter;

/**
 * The whole report as one pretty-printed JSON document, for machines:
 * {@code {"gstats": {...}, "sections": {"<section>": {"<item>": ...}}, "errors": [...]}}.
 * Fields become objects, tables arrays of row objects; keys keep the report's order.
 */
@Component(service = ReportWriter.class, property = ReportWriter.FORMAT_PROPERTY + "=" + JsonReportWriter.FORMAT)
public class JsonReportWriter implements ReportWriter {

    static final String FORMAT = "json";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JsonWriter json = new JsonWriter(text);
        json.setIndent("  ");
        json.setSerializeNulls(true);
        json.beginObject();
        json.name("gstats");
        writeHeader(report.header(), json);
        json.name("sections").beginObject();
        for (ReportSection section : report.sections()) {
            json.name(section.name());
            writeSection(section, json);
        }
        json.endObject();
        json.name("errors").beginArray();
        for (ReportError error : report.errors()) {
            json.beginObject();
            json.name("plugin").value(error.plugin());
            json.name("message").value(error.message());
            json.endObject();
        }
        json.endArray();
        json.endObject();
        // JsonWriter.close() would close the caller's stream; flushing is all we may do
        json.flush();
        text.write('\n');
        text.flush();
    }

    private static void writeHeader(ReportHeader header, JsonWriter json) throws IOException {
        json.beginObject();
        json.name("version").value(header.version());
        json.name("repository").value(header.repository());
        json.name("branch").value(header.branch());
        json.name("head").value(header.head());
        json.name("started").value(header.started() == null ? null : header.started().toString());
        json.name("duration_ms").value(header.durationMs());
        json.endObject();
    }

    private static void writeSection(ReportSection section, JsonWriter json) throws IOException {
        json.beginObject();
        for (ReportItem item : section.items()) {
            json.name(item.name());
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
            json.name(entry.getKey());
            writeValue(entry.getValue(), json);
        }
        json.endObject();
    }

    private static void writeTable(Table table, JsonWriter json) throws IOException {
        List<String> columns = table.columns();
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
        if (value == null || isNotFinite(value)) {
            json.nullValue();
        } else if (value instanceof String string) {
            json.value(string);
        } else if (value instanceof Boolean bool) {
            json.value(bool.booleanValue());
        } else if (value instanceof Double number) {
            json.value(number.doubleValue());
        } else if (value instanceof Float number) {
            json.value(number.floatValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof AtomicLong || value instanceof AtomicInteger) {
            json.value(((Number) value).longValue());
        } else {
            json.value((Number) value);
        }
    }

    /** JSON has no NaN or infinity; null says "no value" without breaking the document. */
    private static boolean isNotFinite(Object value) {
        return (value instanceof Double || value instanceof Float) && !Double.isFinite(((Number) value).doubleValue());
    }
}
