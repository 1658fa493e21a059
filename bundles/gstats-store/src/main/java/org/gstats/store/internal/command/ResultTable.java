package org.gstats.store.internal.command;

import java.io.PrintStream;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Rows to print in one of the formats {@code gstats sql} and {@code gstats history} take:
 * text (aligned columns), csv (RFC 4180), json (an array of objects, numbers and booleans as
 * such) or markdown (a pipe table).
 */
final class ResultTable {

    static final List<String> FORMATS = List.of("text", "csv", "json", "markdown");

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    ResultTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    static ResultTable of(ResultSet results) throws SQLException {
        ResultSetMetaData meta = results.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        ResultTable table = new ResultTable(columns);
        while (results.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                Object value = results.getObject(i);
                row.add(value instanceof java.sql.Timestamp || value instanceof TemporalAccessor
                        ? timestamp(results, i) : printable(value));
            }
            table.rows.add(row);
        }
        return table;
    }

    /**
     * A value as the formats print it: binary as PostgreSQL prints bytea ({@code \\x} and hex),
     * large text as its text, an array as its elements; never a driver object's own name.
     */
    private static Object printable(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Blob blob) {
            return printable(blob.getBytes(1, Math.toIntExact(blob.length())));
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, Math.toIntExact(clob.length()));
        }
        if (value instanceof Array array) {
            List<String> elements = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                elements.add(element == null ? "null" : cell(printable(element)));
            }
            return "[" + String.join(", ", elements) + "]";
        }
        return value;
    }

    private static String timestamp(ResultSet results, int column) throws SQLException {
        try {
            return results.getObject(column, OffsetDateTime.class).toString();
        } catch (SQLException e) {
            return String.valueOf(results.getObject(column));
        }
    }

    int rowCount() {
        return rows.size();
    }

    void add(List<Object> row) {
        // not List.copyOf: a row may hold nulls (SQL NULL, a scan without a scope)
        rows.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }

    void print(String format, PrintStream out) {
        switch (format) {
            case "csv" -> csv(out);
            case "json" -> json(out);
            case "markdown" -> markdown(out);
            default -> text(out);
        }
        out.flush();
    }

    private void text(PrintStream out) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<Object> row : rows) {
                widths[i] = Math.max(widths[i], cell(row.get(i)).length());
            }
        }
        out.println(line(columns.stream().map(Object.class::cast).toList(), widths));
        for (List<Object> row : rows) {
            out.println(line(row, widths));
        }
    }

    private static String line(List<Object> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String cell = cell(values.get(i));
            boolean number = values.get(i) instanceof Number;
            String padded = number ? " ".repeat(widths[i] - cell.length()) + cell
                    : cell + " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : "  ").append(padded);
        }
        return line.toString().stripTrailing();
    }

    private void csv(PrintStream out) {
        out.print(csvLine(columns.stream().map(Object.class::cast).toList()));
        for (List<Object> row : rows) {
            out.print(csvLine(row));
        }
    }

    private static String csvLine(List<Object> values) {
        List<String> cells = new ArrayList<>();
        for (Object value : values) {
            String cell = value == null ? "" : cell(value);
            cells.add(cell.matches(".*[\",\r\n].*") || cell.startsWith(" ") ? '"' + cell.replace("\"", "\"\"") + '"'
                    : cell);
        }
        return String.join(",", cells) + "\r\n";
    }

    private void json(PrintStream out) {
        JsonArray array = new JsonArray();
        for (List<Object> row : rows) {
            JsonObject object = new JsonObject();
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.get(i);
                if (value == null) {
                    object.add(columns.get(i), com.google.gson.JsonNull.INSTANCE);
                } else if (value instanceof Number number) {
                    object.add(columns.get(i), new JsonPrimitive(number));
                } else if (value instanceof Boolean bool) {
                    object.add(columns.get(i), new JsonPrimitive(bool));
                } else {
                    object.add(columns.get(i), new JsonPrimitive(cell(value)));
                }
            }
            array.add(object);
        }
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(array));
    }

    private void markdown(PrintStream out) {
        out.println("| " + String.join(" | ", columns) + " |");
        out.println("|" + "---|".repeat(columns.size()));
        for (List<Object> row : rows) {
            List<String> cells = row.stream().map(value -> cell(value).replace("|", "\\|")).toList();
            out.println("| " + String.join(" | ", cells) + " |");
        }
    }

    private static String cell(Object value) {
        return value == null ? "" : String.valueOf(value).replace('\n', ' ');
    }
}
