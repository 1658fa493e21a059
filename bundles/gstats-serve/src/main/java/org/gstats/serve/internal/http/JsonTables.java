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
 * rows' names in order, so a stored table without rows has none.
 */
final class JsonTables {

    private JsonTables() {
    }

    /** The table {@code SECTION.TABLE} of the report's JSON, or {@code null} when it has no such table. */
    static JsonArray rows(String reportJson, String name) {
        int dot = name.indexOf('.');
        if (dot < 1) {
            return null;
        }
        JsonObject sections = JsonParser.parseString(reportJson).getAsJsonObject().getAsJsonObject("sections");
        JsonElement section = sections == null ? null : sections.get(name.substring(0, dot));
        JsonElement table = section != null && section.isJsonObject()
                ? section.getAsJsonObject().get(name.substring(dot + 1)) : null;
        return table != null && table.isJsonArray() ? table.getAsJsonArray() : null;
    }

    /** A report holding only the table {@code SECTION.TABLE} with these rows. */
    static Report report(String name, JsonArray rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.getAsJsonObject().keySet()));
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (JsonElement row : rows) {
            JsonObject object = row.getAsJsonObject();
            List<Object> cells = new ArrayList<>(columns.size());
            columns.forEach(column -> cells.add(value(object.get(column))));
            values.add(cells);
        }
        int dot = name.indexOf('.');
        Table table = new Table(name.substring(dot + 1), List.copyOf(columns), values);
        return new Report(new ReportHeader("", "", "", null, Instant.EPOCH, 0),
                List.of(new ReportSection(name.substring(0, dot), List.<ReportItem>of(table))), List.of());
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
