package org.gstats.serve.internal.http;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * A table of a JSON report (as the json format writes it: {@code sections.SECTION.TABLE}, an
 * array of objects, one per row), and that table back as a one-table {@link Report} for the csv
 * format when only the JSON is kept (a scan read back from the store). Columns come from the
 * rows' names in order; a table without rows has them under {@code columns.SECTION.TABLE}.
 */
final class JsonTables {

    /** A table's rows as the JSON report holds them, and its columns. */
    record Rows(JsonArray rows, List<String> columns) {
    }

    private JsonTables() {
    }

    /**
     * The table {@code SECTION.TABLE} of the report's JSON, or {@code null} when it has no such
     * table. Read as a stream that builds only that table: a report is megabytes, and its whole
     * tree, made for every table asked for, was tens of megabytes of garbage each time.
     */
    static Rows rows(String reportJson, String name) {
        int dot = name.indexOf('.');
        if (dot < 1) {
            return null;
        }
        String section = name.substring(0, dot);
        String table = name.substring(dot + 1);
        JsonElement found = null;
        JsonElement declared = null;
        try (JsonReader in = new JsonReader(new StringReader(reportJson))) {
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "sections" -> found = member(in, section, table);
                    case "columns" -> declared = member(in, section, table);
                    default -> in.skipValue();
                }
            }
        } catch (IOException e) {
            throw new JsonParseException("the report is not JSON", e);
        }
        if (found == null || !found.isJsonArray()) {
            return null;
        }
        JsonArray rows = found.getAsJsonArray();
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.getAsJsonObject().keySet()));
        if (rows.isEmpty() && declared != null && declared.isJsonArray()) {
            declared.getAsJsonArray().forEach(column -> columns.add(column.getAsString()));
        }
        return new Rows(rows, List.copyOf(columns));
    }

    /** The value at {@code first.second} of the object the reader is at, or {@code null}; reads past the object. */
    private static JsonElement member(JsonReader in, String first, String second) throws IOException {
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
            in.skipValue();
            return null;
        }
        JsonElement found = null;
        in.beginObject();
        while (in.hasNext()) {
            if (in.nextName().equals(first) && in.peek() == JsonToken.BEGIN_OBJECT) {
                in.beginObject();
                while (in.hasNext()) {
                    if (in.nextName().equals(second)) {
                        found = JsonParser.parseReader(in);
                    } else {
                        in.skipValue();
                    }
                }
                in.endObject();
            } else {
                in.skipValue();
            }
        }
        in.endObject();
        return found;
    }

    /** A report holding only the table {@code SECTION.TABLE} with these rows. */
    static Report report(String name, Rows table) {
        List<String> columns = table.columns();
        JsonArray rows = table.rows();
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (JsonElement row : rows) {
            JsonObject object = row.getAsJsonObject();
            List<Object> cells = new ArrayList<>(columns.size());
            columns.forEach(column -> cells.add(value(object.get(column))));
            values.add(cells);
        }
        int dot = name.indexOf('.');
        Table result = new Table(name.substring(dot + 1), columns, values);
        return new Report(new ReportHeader("", "", "", null, Instant.EPOCH, 0),
                List.of(new ReportSection(name.substring(0, dot), List.<ReportItem>of(result))), List.of());
    }

    /** A JSON value as the report held it: text, a whole number, a number, true/false or null. */
    private static Object value(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonPrimitive()) {
            return element.toString();
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            String text = primitive.getAsString();
            return text.contains(".") || text.contains("e") || text.contains("E") ? (Object) primitive.getAsDouble()
                    : (Object) primitive.getAsLong();
        }
        return primitive.getAsString();
    }
}
