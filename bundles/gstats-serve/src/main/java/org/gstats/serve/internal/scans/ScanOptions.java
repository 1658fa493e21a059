package org.gstats.serve.internal.scans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.gstats.api.scan.ScanRequest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The scanner options a client may send with {@code POST /api/scans}, beside
 * {@code repository} and {@code plugins}; each sets the {@link ScanRequest} field of the same
 * meaning as the {@code gstats scan} option of the same name.
 */
public final class ScanOptions {

    /** An option the client got wrong; its message is one line for the client. */
    public static final class BadOption extends Exception {

        private static final long serialVersionUID = 1L;

        BadOption(String message) {
            super(message);
        }
    }

    /** Option name, the {@code gstats scan} option it mirrors, and how it sets the request. */
    private record Option(String name, String help, BiConsumer<ScanRequest.Builder, Object> apply, Kind kind) {
    }

    private enum Kind {
        TEXT, FLAG, NUMBER, TEXTS, TIME
    }

    private static final List<Option> OPTIONS = List.of(
            new Option("branch", "--branch", (b, v) -> b.branch((String) v), Kind.TEXT),
            new Option("since", "--since (ISO date or instant)", (b, v) -> b.since((Instant) v), Kind.TIME),
            new Option("until", "--until (ISO date or instant)", (b, v) -> b.until((Instant) v), Kind.TIME),
            new Option("renames", "--no-renames when false", (b, v) -> b.detectRenames((Boolean) v), Kind.FLAG),
            new Option("firstParent", "--first-parent", (b, v) -> b.firstParent((Boolean) v), Kind.FLAG),
            new Option("author", "--author", (b, v) -> b.author((String) v), Kind.TEXT),
            new Option("maxCommits", "--max-commits", (b, v) -> b.maxCommits(((Long) v).intValue()), Kind.NUMBER),
            new Option("mailmap", "--no-mailmap when false", (b, v) -> b.mailmap((Boolean) v), Kind.FLAG),
            new Option("includes", "--include", (b, v) -> b.includes(texts(v)), Kind.TEXTS),
            new Option("excludes", "--exclude", (b, v) -> b.excludes(texts(v)), Kind.TEXTS));

    /** The names the body may hold besides these options. */
    public static final List<String> OTHER_KEYS = List.of("repository", "plugins");

    private final Map<Option, Object> values;

    private ScanOptions(Map<Option, Object> values) {
        this.values = values;
    }

    /** The option names with what each mirrors, for the API's description. */
    public static Map<String, String> described() {
        Map<String, String> described = new java.util.LinkedHashMap<>();
        OPTIONS.forEach(option -> described.put(option.name(), option.help()));
        return described;
    }

    /** Reads and checks the options of a request body. */
    public static ScanOptions of(JsonObject body) throws BadOption {
        Map<Option, Object> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
            if (OTHER_KEYS.contains(entry.getKey())) {
                continue;
            }
            Option option = OPTIONS.stream().filter(o -> o.name().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> new BadOption("unknown option '" + entry.getKey() + "' (known: repository, "
                            + "plugins, " + String.join(", ", described().keySet()) + ")"));
            if (!entry.getValue().isJsonNull()) {
                values.put(option, value(option, entry.getValue()));
            }
        }
        return new ScanOptions(values);
    }

    /** The plugins the body names; empty for all. */
    public static List<String> plugins(JsonObject body) throws BadOption {
        JsonElement plugins = body.get("plugins");
        if (plugins == null || plugins.isJsonNull()) {
            return List.of();
        }
        return texts(check(plugins, "plugins", Kind.TEXTS));
    }

    ScanRequest.Builder applyTo(ScanRequest.Builder builder) {
        values.forEach((option, value) -> option.apply().accept(builder, value));
        return builder;
    }

    private static Object value(Option option, JsonElement element) throws BadOption {
        Object value = check(element, option.name(), option.kind());
        if (option.kind() == Kind.TIME) {
            String text = (String) value;
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new BadOption(option.name() + " takes an ISO date (2024-01-31) or instant "
                        + "(2024-01-31T10:00:00Z), got '" + text + "'");
            }
        }
        if (option.kind() == Kind.NUMBER && (Long) value < 0) {
            throw new BadOption(option.name() + " must not be negative");
        }
        return value;
    }

    private static Object check(JsonElement element, String name, Kind kind) throws BadOption {
        switch (kind) {
            case FLAG -> {
                if (element instanceof JsonPrimitive p && p.isBoolean()) {
                    return p.getAsBoolean();
                }
                throw new BadOption(name + " takes true or false");
            }
            case NUMBER -> {
                if (element instanceof JsonPrimitive p && p.isNumber()
                        && p.getAsDouble() == Math.rint(p.getAsDouble()) && Math.abs(p.getAsDouble()) < Integer.MAX_VALUE) {
                    return p.getAsLong();
                }
                throw new BadOption(name + " takes a whole number");
            }
            case TEXTS -> {
                if (element instanceof JsonArray array) {
                    List<String> texts = new ArrayList<>();
                    for (JsonElement item : array) {
                        if (!(item instanceof JsonPrimitive p && p.isString())) {
                            throw new BadOption(name + " takes a list of texts");
                        }
                        texts.add(p.getAsString());
                    }
                    return List.copyOf(texts);
                }
                throw new BadOption(name + " takes a list of texts");
            }
            default -> {
                if (element instanceof JsonPrimitive p && p.isString()) {
                    return p.getAsString();
                }
                throw new BadOption(name + " takes a text");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Object value) {
        return (List<String>) value;
    }
}
