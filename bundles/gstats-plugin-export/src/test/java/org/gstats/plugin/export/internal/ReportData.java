package org.gstats.plugin.export.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.WriterOptions;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * The data of a report as a Gson tree, the common ground on which every format's output, read
 * back by its own parser, is compared with the JSON report. Numbers are canonical: integers as
 * {@link BigInteger}, others as {@code double}; {@link #text} keeps key order, so comparing
 * texts compares order too.
 */
final class ReportData {

    private ReportData() {
    }

    static byte[] write(ReportWriter writer, Report report, WriterOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, options, out);
        return out.toByteArray();
    }

    /** The bytes as UTF-8, failing on any byte sequence that is not valid UTF-8. */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** The JSON report of {@code report}, as written by the JSON writer and parsed by Gson, numbers canonical. */
    static JsonObject json(Report report) throws IOException {
        return canonical(rawJson(report)).getAsJsonObject();
    }

    /**
     * {@link #json} without what only the JSON document carries for those who read it alone (the
     * sections' charts, the columns of tables without rows): the data the other formats hold.
     */
    static JsonObject data(Report report) throws IOException {
        JsonObject data = json(report);
        data.remove("charts");
        data.remove("columns");
        return data;
    }

    /** The JSON report with each number as the JSON writer wrote it. */
    static JsonObject rawJson(Report report) throws IOException {
        return JsonParser.parseString(strictUtf8(write(new JsonReportWriter(), report, WriterOptions.DEFAULT)))
                .getAsJsonObject();
    }

    static String text(JsonElement data) {
        return data.toString();
    }

    static JsonElement canonical(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                copy.add(entry.getKey(), canonical(entry.getValue()));
            }
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(child -> copy.add(canonical(child)));
            return copy;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            return number(element.getAsString());
        }
        return element;
    }

    /** A number from its text: integral text as an exact integer, anything else as a double. */
    static JsonPrimitive number(String text) {
        if (text.matches("-?\\d+")) {
            return new JsonPrimitive(new BigInteger(text));
        }
        return new JsonPrimitive(Double.parseDouble(text));
    }

    /** A parsed YAML document (maps, lists, scalars) as a Gson tree. */
    static JsonElement fromYaml(Object yaml) {
        if (yaml == null) {
            return JsonNull.INSTANCE;
        }
        if (yaml instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((key, value) -> object.add((String) key, fromYaml(value)));
            return object;
        }
        if (yaml instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(value -> array.add(fromYaml(value)));
            return array;
        }
        if (yaml instanceof String text) {
            return new JsonPrimitive(text);
        }
        if (yaml instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (yaml instanceof Integer || yaml instanceof Long || yaml instanceof BigInteger) {
            return new JsonPrimitive(new BigInteger(yaml.toString()));
        }
        if (yaml instanceof Double number) {
            return new JsonPrimitive(number);
        }
        throw new AssertionError("YAML gave a " + yaml.getClass().getName() + ": " + yaml);
    }
}
