package org.gstats.config.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Every known key with its value and rung, in the order of the schema (the components'
 * MetaType), and the warnings met while reading (unknown keys, with the nearest known key).
 */
public final class EffectiveConfiguration {

    private static final String MODULE_PREFIX = "module.";

    private final Map<String, Setting> settings;
    private final List<Setting> ordered;
    private final List<String> warnings;

    public EffectiveConfiguration(List<Setting> settings, List<String> warnings) {
        Map<String, Setting> byKey = new LinkedHashMap<>();
        settings.forEach(setting -> byKey.put(setting.key(), setting));
        this.settings = Map.copyOf(byKey);
        this.ordered = List.copyOf(byKey.values());
        this.warnings = List.copyOf(warnings);
    }

    public List<Setting> settings() {
        return ordered;
    }

    /**
     * The settings by section, as a component receives them: {@code scanner}, {@code module.metrics},
     * ..., each a map of {@link #property property names} to values; this is what a scan request
     * carries for its components.
     */
    public Map<String, Map<String, Object>> sections() {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        for (Setting setting : ordered) {
            sections.computeIfAbsent(section(setting.key()), section -> new LinkedHashMap<>())
                    .put(property(name(setting.key())), setting.value());
        }
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        sections.forEach((section, values) -> copy.put(section, Map.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** The section of a key: {@code module.NAME} for a module's key, else the part before the first dot. */
    public static String section(String key) {
        int dot = key.startsWith(MODULE_PREFIX) ? key.indexOf('.', MODULE_PREFIX.length()) : key.indexOf('.');
        return key.substring(0, dot);
    }

    /** The key's name within its section: {@code log-format} of {@code base.log-format}. */
    public static String name(String key) {
        return key.substring(section(key).length() + 1);
    }

    /**
     * The property name of a key's name in its section's configuration: dashes become dots, so that
     * a DS or Converter configuration type's method {@code log_format()} receives {@code log-format}.
     */
    public static String property(String name) {
        return name.replace('-', '.');
    }

    public List<String> warnings() {
        return warnings;
    }

    public Optional<Setting> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The key's value; every key of the table has one. */
    public Object value(String key) {
        Setting setting = settings.get(key);
        if (setting == null) {
            throw new NoSuchElementException("no configuration key " + key);
        }
        return setting.value();
    }

    public boolean flag(String key) {
        return (Boolean) value(key);
    }

    public long number(String key) {
        return (Long) value(key);
    }

    /** A text value; empty means "not set" for optional text keys. */
    public String text(String key) {
        return (String) value(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return (List<String>) value(key);
    }
}
