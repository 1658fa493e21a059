package org.gstats.config.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Every known key with its value and rung, in the order of the key table, and the warnings met
 * while reading (unknown keys, with the nearest known key).
 */
public final class EffectiveConfiguration {

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
