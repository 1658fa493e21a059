package org.gstats.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gstats.config.api.EffectiveConfiguration;

/**
 * Where {@code gstats:scan}'s options meet the configuration, driven by each option's key in
 * {@link ScanOptionTable}: the options given become the command-line rung of their keys, and
 * the configuration in effect fills the options not given.
 */
final class ScanConfiguration {

    private final OptionTable.Given given;
    private final EffectiveConfiguration configuration;

    /** @param configuration the configuration in effect, or {@code null} when no configuration service is there */
    ScanConfiguration(OptionTable.Given given, EffectiveConfiguration configuration) {
        this.given = given;
        this.configuration = configuration;
    }

    /** The options given that set a key, as configuration keys and text values. */
    static Map<String, String> commandLine(OptionTable.Given given) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (CommandOption option : given.options()) {
            if (option.keyUse() == CommandOption.KeyUse.SETS) {
                // a flag's absence is no statement: only a flag that is there overrides the configuration
                keys.put(option.key(), option.takesValue() ? given.value(option) : option.flagValue());
            }
        }
        // --quiet and --verbose each silence the other's configured value
        if (given.has(ScanOptionTable.QUIET) != given.has(ScanOptionTable.VERBOSE)) {
            CommandOption silenced = given.has(ScanOptionTable.QUIET) ? ScanOptionTable.VERBOSE : ScanOptionTable.QUIET;
            keys.put(silenced.key(), "false");
        }
        return keys;
    }

    /** A configured key that no option sets (e.g. {@code base.theme}) as text, or {@code null}. */
    String configured(String key) {
        Object value = configuration == null ? null : configuration.value(key);
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }

    /** Whether the flag is in effect: given, or its key configured to the flag's value. */
    boolean flag(CommandOption option) {
        if (given.has(option)) {
            return true;
        }
        return configuration != null && option.key() != null
                && String.valueOf(configuration.value(option.key())).equals(option.flagValue());
    }

    /** The option's value in effect as text, or {@code null} when neither given nor configured. */
    String value(CommandOption option) {
        if (given.has(option) && (configuration == null || option.keyUse() != CommandOption.KeyUse.SETS)) {
            return given.value(option);
        }
        if (configuration == null || option.key() == null) {
            return null;
        }
        Object value = configuration.value(option.key());
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return text.isEmpty() || (value instanceof Long number && number == 0) ? null : text;
    }

    /** A repeated option's values: as given, else as configured (an option without a key: as given only). */
    List<String> values(CommandOption option) {
        if (given.has(option) || configuration == null || option.key() == null) {
            return given.values(option);
        }
        return configuration.list(option.key());
    }

    /**
     * This scan's settings by section, as the configuration resolved them for this repository
     * and command line; without a configuration service, the keys the command line sets, as text.
     */
    Map<String, Map<String, Object>> settings() {
        if (configuration != null) {
            return configuration.sections();
        }
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        commandLine(given).forEach((key, value) -> sections.computeIfAbsent(EffectiveConfiguration.section(key),
                section -> new LinkedHashMap<>()).put(EffectiveConfiguration.property(EffectiveConfiguration.name(key)),
                value));
        return sections;
    }
}
