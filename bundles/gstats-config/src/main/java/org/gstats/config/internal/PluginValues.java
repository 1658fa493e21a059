package org.gstats.config.internal;

import java.util.List;

import org.osgi.service.metatype.AttributeDefinition;
import org.tomlj.TomlArray;

/** Checks a plugin's value, as tomlj read it, against the MetaType attribute the plugin declares for its key. */
final class PluginValues {

    private PluginValues() {
    }

    /** What the attribute takes when the value does not fit it, else {@code null}. */
    static String problem(AttributeDefinition attribute, Object value) {
        List<?> values;
        if (attribute.getCardinality() == 0) {
            values = List.of(value);
        } else if (value instanceof TomlArray array) {
            values = array.toList();
        } else {
            return takes(attribute);
        }
        for (Object element : values) {
            if (!fits(attribute.getType(), element)) {
                return takes(attribute);
            }
            // the attribute's own check: a range, or the values it offers
            String invalid = attribute.validate(String.valueOf(element));
            if (invalid != null && !invalid.isEmpty()) {
                return takes(attribute) + " (" + invalid + ")";
            }
        }
        return null;
    }

    private static boolean fits(int type, Object value) {
        return switch (type) {
            case AttributeDefinition.BOOLEAN -> value instanceof Boolean;
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> value instanceof Long;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> value instanceof Long || value instanceof Double;
            case AttributeDefinition.STRING, AttributeDefinition.CHARACTER, AttributeDefinition.PASSWORD ->
                    value instanceof String;
            default -> true;
        };
    }

    private static String takes(AttributeDefinition attribute) {
        String one = switch (attribute.getType()) {
            case AttributeDefinition.BOOLEAN -> "true or false";
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "a whole number";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
            default -> "text in quotes";
        };
        String[] options = attribute.getOptionValues();
        if (options != null && options.length > 0) {
            one = "one of " + String.join(", ", List.of(options).stream().map(o -> "\"" + o + "\"").toList());
        }
        return attribute.getCardinality() == 0 ? one : "a list, each " + one;
    }
}
