package org.gstats.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.Setting;

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
    static final String FIRST_PARENT = "scanner.first-parent";
    static final String INCLUDE = "scanner.include";
    static final String EXCLUDE = "scanner.exclude";
    static final String MAX_COMMITS = "scanner.max-commits";
    static final String MAILMAP = "scanner.mailmap";
    static final String DIFF_ALGORITHM = "scanner.diff-algorithm";
    static final String STRICT = "scanner.strict";
    static final String ENABLED = "plugins.enabled";
    static final String MAX_MEMORY = "scanner.max-memory";
    static final String PERFORMANCE_MODE = "scanner.performance-mode";
    static final String GROUP_AUTHORS = "module.commits.group-authors";
    static final String COLOR = "base.color";
    static final String THEME = "base.theme";
    private static final String MODULE = "module.";
    private static final String COMMITS_MODULE = "module.commits.";
    private static final String EXPORT_MODULE = "module.export.";

    private ScanConfiguration() {
    }

    /**
     * The options given on the command line, as configuration keys and text values. The memory
     * options are keys only: the memory tracker reads them through Configuration Admin, and the
     * configuration checks their values.
     */
    static Map<String, String> commandLine(ScanArguments arguments, ScannerArguments history, ReportArguments report,
            String maxMemory, String performanceMode) {
        Map<String, String> keys = new LinkedHashMap<>();
        given(keys, GROUP_AUTHORS, report.groupAuthors());
        given(keys, COLOR, report.color());
        given(keys, MAX_MEMORY, maxMemory);
        given(keys, PERFORMANCE_MODE, performanceMode);
        given(keys, FORMAT, arguments.format());
        given(keys, OUTPUT, arguments.output());
        given(keys, SINCE, arguments.since());
        given(keys, UNTIL, arguments.until());
        // a flag's absence is no statement: only a flag that is there overrides the configuration
        flag(keys, CHANGES, arguments.changes(), "true");
        flag(keys, RENAMES, arguments.noRenames(), "false");
        flag(keys, PRETTY, arguments.pretty(), "true");
        flag(keys, FIRST_PARENT, history.firstParent(), "true");
        flag(keys, MAILMAP, history.noMailmap(), "false");
        flag(keys, STRICT, history.strict(), "true");
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

    /**
     * The history options with the configuration's values for those not given. Globs, the
     * commit limit and the diff algorithm given on the command line are checked and kept as
     * given, so their errors name the option; a glob may hold a comma, which the command
     * line rung (text) could not carry.
     */
    static ScannerArguments apply(ScannerArguments history, EffectiveConfiguration configuration) {
        long maxCommits = configuration.number(MAX_COMMITS);
        return new ScannerArguments(configuration.flag(FIRST_PARENT), history.authors(), history.excludeAuthors(),
                givenOrConfigured(history.includes(), configuration.list(INCLUDE)),
                givenOrConfigured(history.excludes(), configuration.list(EXCLUDE)),
                !ScanArguments.ABSENT.equals(history.maxCommits()) || maxCommits == 0 ? history.maxCommits()
                        : Long.toString(maxCommits),
                !configuration.flag(MAILMAP), configuration.flag(STRICT),
                ScanArguments.ABSENT.equals(history.diffAlgorithm()) ? text(configuration, DIFF_ALGORITHM)
                        : history.diffAlgorithm());
    }

    /** The report options with the configuration's values for those not given; {@code --full} stays as given. */
    static ReportArguments apply(ReportArguments report, EffectiveConfiguration configuration) {
        return new ReportArguments(text(configuration, GROUP_AUTHORS), report.full(), text(configuration, COLOR),
                text(configuration, THEME));
    }

    /** {@code --plugins} as given, or else the configured {@code [plugins] enabled} list (empty: every plugin). */
    static String plugins(String given, EffectiveConfiguration configuration) {
        List<String> enabled = configuration.list(ENABLED);
        return !ScanArguments.ABSENT.equals(given) || enabled.isEmpty() ? given : String.join(",", enabled);
    }

    /**
     * The {@code [module.NAME]} keys of plugins the shell does not map itself, as the options
     * their analyses find in {@code ScanContext.options()} ({@code NAME.key}); lists are joined
     * with commas. Builtin sections ({@code commits}, {@code export}) become options above.
     */
    static Map<String, String> pluginOptions(EffectiveConfiguration configuration) {
        Map<String, String> options = new TreeMap<>();
        for (Setting setting : configuration.settings()) {
            String key = setting.key();
            if (key.startsWith(MODULE) && !key.startsWith(COMMITS_MODULE) && !key.startsWith(EXPORT_MODULE)) {
                Object value = setting.value();
                options.put(key.substring(MODULE.length()), value instanceof List<?> list
                        ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
            }
        }
        return options;
    }

    private static List<String> givenOrConfigured(List<String> given, List<String> configured) {
        return given.stream().allMatch(ScanArguments.ABSENT::equals) ? configured : given;
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
