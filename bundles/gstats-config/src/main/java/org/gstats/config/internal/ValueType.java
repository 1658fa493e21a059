package org.gstats.config.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gstats.config.api.GitDate;
import org.osgi.service.metatype.AttributeDefinition;
import org.tomlj.TomlArray;

/**
 * What a key takes, and how its value is read from TOML (typed) or from text (environment
 * variables and command-line options), and written back into a TOML file.
 */
final class ValueType {

    enum Kind {
        BOOLEAN, INTEGER, NUMBER, NUMBERS, SIZE, TIME, TEXT, CHOICE, LIST
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> SIZE_SHIFT = Map.of("", 0, "k", 10, "m", 20, "g", 30, "t", 40);

    private final Kind kind;
    private final long min;
    private final long max;
    private final List<String> choices;

    private ValueType(Kind kind, long min, long max, List<String> choices) {
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
    }

    static ValueType bool() {
        return new ValueType(Kind.BOOLEAN, 0, 0, List.of());
    }

    static ValueType integer(long min, long max) {
        return new ValueType(Kind.INTEGER, min, max, List.of());
    }

    /** A decimal number of zero or more, such as a weight. */
    static ValueType number() {
        return new ValueType(Kind.NUMBER, 0, Long.MAX_VALUE, List.of());
    }

    /**
     * A list of numbers of zero or more, such as {@code [30, 90, 365]}; kept as their texts,
     * which Declarative Services turns into the plugin's {@code int[]} or {@code double[]}.
     */
    static ValueType numbers() {
        return new ValueType(Kind.NUMBERS, 0, Long.MAX_VALUE, List.of());
    }

    /** A number of bytes, written {@code 256MB}, {@code 1g}, {@code 512KiB} or as a plain integer. */
    static ValueType size() {
        return new ValueType(Kind.SIZE, 0, Long.MAX_VALUE, List.of());
    }

    /** A point in time as a date, a date-time, or an age back from now ({@code 30d}); empty for none. */
    static ValueType time() {
        return new ValueType(Kind.TIME, 0, 0, List.of());
    }

    static ValueType text() {
        return new ValueType(Kind.TEXT, 0, 0, List.of());
    }

    static ValueType choice(String... choices) {
        return new ValueType(Kind.CHOICE, 0, 0, List.of(choices));
    }

    static ValueType list() {
        return new ValueType(Kind.LIST, 0, 0, List.of());
    }

    /**
     * What a MetaType attribute takes. The MetaType service API has no getters for an attribute's
     * minimum and maximum, so a whole number's range is found by asking its {@code validate}.
     *
     * @param size the attribute's name marks it as a number of bytes
     * @param time the attribute's name marks it as a point in time
     */
    static ValueType of(AttributeDefinition attribute, boolean size, boolean time) {
        int type = attribute.getType();
        boolean many = attribute.getCardinality() != 0;
        String[] options = attribute.getOptionValues();
        return switch (type) {
            case AttributeDefinition.BOOLEAN -> bool();
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> many ? numbers() : number();
            case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> {
                if (many) {
                    yield numbers();
                }
                if (size) {
                    yield size();
                }
                long lowest = type == AttributeDefinition.LONG ? Long.MIN_VALUE : Integer.MIN_VALUE;
                long highest = type == AttributeDefinition.LONG ? Long.MAX_VALUE : Integer.MAX_VALUE;
                long known = wholeNumber(first(attribute.getDefaultValue(), "0"));
                yield integer(edge(attribute, known, lowest), edge(attribute, known, highest));
            }
            default -> {
                if (many) {
                    yield list();
                }
                if (options != null && options.length > 0) {
                    yield choice(options);
                }
                yield time ? time() : text();
            }
        };
    }

    /** The accepted value furthest from {@code known} (accepted) towards {@code bound}, by bisection. */
    private static long edge(AttributeDefinition attribute, long known, long bound) {
        if (accepts(attribute, bound)) {
            return bound;
        }
        long in = known;
        long out = bound;
        while (Math.abs(out - in) > 1) {
            long middle = in + (out - in) / 2;
            if (accepts(attribute, middle)) {
                in = middle;
            } else {
                out = middle;
            }
        }
        return in;
    }

    private static boolean accepts(AttributeDefinition attribute, long value) {
        String problem = attribute.validate(Long.toString(value));
        return problem == null || problem.isEmpty();
    }

    /** A declared default as a starting point for the range; a malformed one is reported by {@link #fromDefault}. */
    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String first(String[] values, String otherwise) {
        return values == null || values.length == 0 ? otherwise : values[0];
    }

    /** An attribute's default as MetaType gives it (texts; none for an empty list), in this type. */
    Object fromDefault(String[] values) throws InvalidValue {
        List<String> texts = values == null ? List.of() : List.of(values);
        if (texts.size() == 1 && texts.get(0).isEmpty()) {
            texts = List.of();
        }
        return switch (kind) {
            case LIST -> texts;
            case NUMBERS -> fromText(String.join(",", texts));
            case TEXT, TIME -> texts.isEmpty() ? "" : texts.get(0);
            default -> fromText(texts.isEmpty() ? "" : texts.get(0));
        };
    }

    Kind kind() {
        return kind;
    }

    /** What the key allows, for messages and the defaults file. */
    String allowed() {
        return switch (kind) {
            case BOOLEAN -> "true or false";
            case INTEGER -> max == Long.MAX_VALUE ? "a whole number from " + min + " up"
                    : "a whole number from " + min + " to " + max;
            case NUMBER -> "a number of 0 or more such as 0.25";
            case NUMBERS -> "a list of numbers of 0 or more such as [30, 90, 365]";
            case SIZE -> "a size such as \"256MB\", \"2GB\", \"512KB\" or a number of bytes";
            case TIME -> "a date \"2024-01-31\", a date-time \"2024-01-31 12:00\" or \"2024-01-31T12:00:00Z\", "
                    + "\"@1700000000\", \"2 weeks ago\", \"yesterday\", \"last month\", an age such as \"12h\", "
                    + "\"30d\", \"2w\", \"6m\", \"1y\", or \"\" for none";
            case TEXT -> "text in quotes";
            case CHOICE -> "one of " + String.join(", ", choices.stream().map(c -> "\"" + c + "\"").toList());
            case LIST -> "a list of texts such as [\"a\", \"b\"]";
        };
    }

    /** A value as tomlj read it: Boolean, Long, Double, String, TomlArray, a date or a table. */
    Object fromToml(Object value) throws InvalidValue {
        switch (kind) {
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b;
                }
                break;
            case INTEGER:
                if (value instanceof Long n) {
                    return inRange(n);
                }
                break;
            case NUMBER:
                if (value instanceof Long || value instanceof Double) {
                    return fromText(value.toString());
                }
                break;
            case NUMBERS:
                if (value instanceof TomlArray array) {
                    List<String> numbers = new ArrayList<>();
                    for (int i = 0; i < array.size(); i++) {
                        Object element = array.get(i);
                        if (!(element instanceof Long || element instanceof Double)) {
                            throw new InvalidValue(allowed());
                        }
                        numbers.add(numberText(element.toString()));
                    }
                    return List.copyOf(numbers);
                }
                break;
            case SIZE:
                if (value instanceof Long n) {
                    return inRange(n);
                }
                if (value instanceof String s) {
                    return fromText(s);
                }
                break;
            case TIME:
                if (value instanceof String s) {
                    return fromText(s);
                }
                if (value instanceof LocalDate || value instanceof OffsetDateTime) {
                    return value.toString();
                }
                break;
            case TEXT, CHOICE:
                if (value instanceof String s) {
                    return fromText(s);
                }
                break;
            case LIST:
                if (value instanceof TomlArray array) {
                    List<String> texts = new ArrayList<>();
                    for (int i = 0; i < array.size(); i++) {
                        if (!(array.get(i) instanceof String s)) {
                            throw new InvalidValue(allowed());
                        }
                        texts.add(s);
                    }
                    return List.copyOf(texts);
                }
                break;
            default:
                throw new IllegalStateException(kind.name());
        }
        throw new InvalidValue(allowed());
    }

    /** A value written as text, in an environment variable or on the command line. */
    Object fromText(String text) throws InvalidValue {
        String trimmed = text.trim();
        switch (kind) {
            case BOOLEAN:
                return switch (trimmed.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> Boolean.TRUE;
                    case "false", "no", "off", "0" -> Boolean.FALSE;
                    default -> throw new InvalidValue(allowed());
                };
            case INTEGER:
                try {
                    return inRange(Long.parseLong(trimmed));
                } catch (NumberFormatException e) {
                    throw new InvalidValue(allowed());
                }
            case NUMBER:
                return Double.valueOf(numberText(trimmed));
            case NUMBERS:
                List<String> numbers = new ArrayList<>();
                for (String part : trimmed.isEmpty() ? new String[0] : trimmed.split("\\s*,\\s*")) {
                    numbers.add(numberText(part));
                }
                return List.copyOf(numbers);
            case SIZE:
                return parseSize(trimmed);
            case TIME:
                if (trimmed.isEmpty() || GitDate.isValid(trimmed)) {
                    return trimmed;
                }
                throw new InvalidValue(allowed());
            case TEXT:
                return text;
            case CHOICE:
                if (choices.contains(trimmed)) {
                    return trimmed;
                }
                throw new InvalidValue(allowed());
            case LIST:
                return trimmed.isEmpty() ? List.of()
                        : List.of(trimmed.split("\\s*,\\s*"));
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /** A number of zero or more in its shortest text: {@code 30} for 30 and 30.0, {@code 0.25}. */
    private String numberText(String text) throws InvalidValue {
        try {
            double number = Double.parseDouble(text);
            if (!(number >= 0) || Double.isInfinite(number)) {
                throw new InvalidValue(allowed());
            }
            return number == Math.rint(number) && number < 1e15 ? Long.toString((long) number)
                    : Double.toString(number);
        } catch (NumberFormatException e) {
            throw new InvalidValue(allowed());
        }
    }

    private Long inRange(long n) throws InvalidValue {
        if (n < min || n > max) {
            throw new InvalidValue(allowed());
        }
        return n;
    }

    private Long parseSize(String text) throws InvalidValue {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidValue(allowed());
        }
        int shift = SIZE_SHIFT.get(matcher.group(2).toLowerCase(Locale.ROOT));
        try {
            long number = Long.parseLong(matcher.group(1));
            if (number > (Long.MAX_VALUE >> shift)) {
                throw new InvalidValue(allowed());
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new InvalidValue(allowed());
        }
    }

    /** The value as TOML source; sizes in the largest whole unit. */
    String toToml(Object value) {
        return switch (kind) {
            case BOOLEAN, INTEGER -> value.toString();
            case NUMBER -> numberLiteral((Double) value);
            case NUMBERS -> "[" + String.join(", ", ((List<?>) value).stream().map(Object::toString).toList()) + "]";
            case SIZE -> quote(sizeText((Long) value));
            case LIST, TIME, TEXT, CHOICE -> literal(value);
        };
    }

    /** A plugin's value, typed as the file typed it, as TOML source. */
    static String literal(Object value) {
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(v -> quote(v.toString())).toList()) + "]";
        }
        return value.toString();
    }

    private static String numberLiteral(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) + ".0"
                : Double.toString(number);
    }

    private static String sizeText(long bytes) {
        String[] units = {"TB", "GB", "MB", "KB"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return bytes + "B";
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
