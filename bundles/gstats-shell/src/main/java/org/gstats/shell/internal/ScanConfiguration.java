package org.gstats.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gstats.config.api.EffectiveConfiguration;

/**
 * The one place where {@code gstats:scan}'s options meet the configuration keys: which option
 * sets which key (the command-line rung), and which key fills which scan option when the
 * option is not given. A new scan option with a key is one line in each method.
 */
final class ScanConfiguration {

    static final String VERBOSE = "base.verbose";
    static final String QUIET = "base.quiet";
    static final String RENAMES = "scanner.renames";
    static final String SINCE = "module.commits.since";
    static final String UNTIL = "module.commits.until";
    static final String CHANGES = "module.commits.changes";
    static final String FORMAT = "module.export.format";
    static final String OUTPUT = "module.export.output-path";
    static final String PRETTY = "module.export.pretty";

    private ScanConfiguration() {
    }

    /** The options given on the command line, as configuration keys and text values. */
    static Map<String, String> commandLine(ScanArguments arguments) {
        Map<String, String> keys = new LinkedHashMap<>();
        given(keys, FORMAT, arguments.format());
        given(keys, OUTPUT, arguments.output());
        given(keys, SINCE, arguments.since());
        given(keys, UNTIL, arguments.until());
        // a flag's absence is no statement: only a flag that is there overrides the configuration
        flag(keys, CHANGES, arguments.changes(), "true");
        flag(keys, RENAMES, arguments.noRenames(), "false");
        flag(keys, PRETTY, arguments.pretty(), "true");
        // --quiet and --verbose each silence the other's configured value
        if (arguments.quiet() && !arguments.verbose()) {
            keys.put(QUIET, "true");
            keys.put(VERBOSE, "false");
        }
        if (arguments.verbose() && !arguments.quiet()) {
            keys.put(VERBOSE, "true");
            keys.put(QUIET, "false");
        }
        return keys;
    }

    /**
     * The arguments with every option taken from the configuration in effect, which already
     * holds the command line's values as its highest rung. What is not a configuration key
     * (the path, {@code --table}, {@code --branch}) stays as given; so does {@code --changes},
     * which the commits plugin also receives as {@code [module.commits] changes} through
     * Configuration Admin.
     */
    static ScanArguments apply(ScanArguments arguments, EffectiveConfiguration configuration) {
        return new ScanArguments(text(configuration, FORMAT), text(configuration, OUTPUT), arguments.table(),
                arguments.branch(), text(configuration, SINCE), text(configuration, UNTIL),
                arguments.changes(), !configuration.flag(RENAMES), configuration.flag(PRETTY),
                configuration.flag(QUIET), configuration.flag(VERBOSE), arguments.operands());
    }

    private static void given(Map<String, String> keys, String key, String value) {
        if (!ScanArguments.ABSENT.equals(value) && value != null) {
            keys.put(key, value);
        }
    }

    private static void flag(Map<String, String> keys, String key, boolean given, String value) {
        if (given) {
            keys.put(key, value);
        }
    }

    /** A text key as an option value: empty is "not set". */
    private static String text(EffectiveConfiguration configuration, String key) {
        String value = configuration.text(key);
        return value.isEmpty() ? ScanArguments.ABSENT : value;
    }
}
