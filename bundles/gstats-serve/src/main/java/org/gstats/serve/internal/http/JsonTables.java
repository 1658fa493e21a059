package org.gstats.serve.internal.http;

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
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

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

    /** The table {@code SECTION.TABLE} of the report's JSON, or {@code null} when it has no such table. */
    static Rows rows(String reportJson, String name) {
        int dot = name.indexOf('.');
        if (dot < 1) {
            return null;
        }
        JsonObject report = JsonParser.parseString(reportJson).getAsJsonObject();
        JsonElement found = member(report.get("sections"), name.substring(0, dot), name.substring(dot + 1));
        if (found == null || !found.isJsonArray()) {
            return null;
        }
        JsonArray rows = found.getAsJsonArray();
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.getAsJsonObject().keySet()));
        JsonElement declared = member(report.get("columns"), name.substring(0, dot), name.substring(dot + 1));
        if (rows.isEmpty() && declared != null && declared.isJsonArray()) {
            declared.getAsJsonArray().forEach(column -> columns.add(column.getAsString()));
        }
        return new Rows(rows, List.copyOf(columns));
    }

    /** {@code object.first.second}, or {@code null}. */
    private static JsonElement member(JsonElement object, String first, String second) {
        JsonElement inner = object != null && object.isJsonObject() ? object.getAsJsonObject().get(first) : null;
        return inner != null && inner.isJsonObject() ? inner.getAsJsonObject().get(second) : null;
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
