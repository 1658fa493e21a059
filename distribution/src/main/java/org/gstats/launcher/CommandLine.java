package org.gstats.launcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user asked {@code bin/gstats} for: one command and its arguments.
 *
 * @param command   the command
 * @param arguments the arguments after the command, passed unchanged to {@code gstats:scan} or
 *                  {@code gstats:plugins}
 * @param verbose   {@code -v} or {@code --verbose} given, before the command or among its
 *                  arguments: errors then carry their stack trace
 * @param settings  the configuration keys the launcher's own options set ({@code base.log-format}
 *                  for {@code --log-format}, ...): the command-line rung of the configuration
 * @param configFile {@code --config-file} as an absolute path, or {@code null}
 * @param pluginDir the folder given with {@code --plugin-dir} before the command, {@code null} when not given
 */
record CommandLine(Command command, List<String> arguments, boolean verbose, Map<String, String> settings,
        String configFile, String pluginDir) {

    static final String PLUGIN_DIR_OPTION = "--plugin-dir";

    /** What {@code bin/gstats} can do. */
    enum Command {
        SCAN("scan"),
        PLUGINS("plugins"),
        CONFIG("config"),
        PLUGIN("plugin"),
        PLUGIN_VALIDATE("plugin-validate"),
        SQL("sql"),
        HISTORY("history"),
        STORE("store"),
        SERVE("serve"),
        SHELL("shell"),
        HELP("help");

        private final String word;

        Command(String word) {
            this.word = word;
        }

        /** The word the user types, also the function name of the {@code gstats:} command. */
        String word() {
            return word;
        }
    }

    /** The command line cannot be run: no command, an unknown one, or arguments where none fit. */
    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Options of the launcher that take a value, by the configuration key they set. */
    private static final Map<String, String> VALUE_OPTIONS = Map.of("--log-format", "base.log-format",
            "--log-file", "base.log-file");
    private static final String CONFIG_FILE = "--config-file";
    private static final String QUIET = "--quiet";

    CommandLine {
        arguments = List.copyOf(arguments);
        settings = Map.copyOf(settings);
    }

    /** For {@code help scan} or {@code help plugins}: the command to describe, {@code gstats:scan}. */
    Optional<String> helpTopic() {
        if (command != Command.HELP || arguments.isEmpty()) {
            return Optional.empty();
        }
        String topic = arguments.get(0);
        return topic.equals(Command.SCAN.word()) || topic.equals(Command.PLUGINS.word())
                || topic.equals(Command.CONFIG.word())
                || topic.equals(Command.PLUGIN.word())
                ? Optional.of("gstats:" + topic)
                : Optional.empty();
    }

    /**
     * The launcher's options ({@code -v}, {@code --quiet}, {@code --config-file},
     * {@code --log-format}, {@code --log-file}) may come before the command; the last three also
     * after it, where they are taken out of the command's arguments. {@code -v} and
     * {@code --quiet} after the command stay the command's own, and count for logging too.
     */
    static CommandLine parse(List<String> args) throws UsageException {
        Map<String, String> settings = new LinkedHashMap<>();
        String configFile = null;
        String pluginDir = null;
        List<String> before = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        String word = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (word == null && isPluginDirOption(arg)) {
                if (pluginDir != null) {
                    throw new UsageException(PLUGIN_DIR_OPTION + " is given more than once");
                }
                if (arg.startsWith(PLUGIN_DIR_OPTION + "=")) {
                    pluginDir = arg.substring(PLUGIN_DIR_OPTION.length() + 1);
                } else if (i + 1 < args.size()) {
                    pluginDir = args.get(++i);
                }
                if (pluginDir == null || pluginDir.isBlank()) {
                    throw new UsageException(PLUGIN_DIR_OPTION + " needs a folder");
                }
            } else if (VALUE_OPTIONS.containsKey(arg) || arg.equals(CONFIG_FILE)) {
                if (i + 1 == args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                String value = args.get(++i);
                if (arg.equals(CONFIG_FILE)) {
                    try {
                        configFile = Path.of(value).toAbsolutePath().toString();
                    } catch (InvalidPathException e) {
                        throw new UsageException("invalid file name for --config-file: '" + value + "'");
                    }
                } else {
                    settings.put(VALUE_OPTIONS.get(arg), value);
                }
            } else if (word == null && (isVerboseFlag(arg) || arg.equals(QUIET))) {
                before.add(arg);
            } else if (word == null) {
                word = arg;
            } else {
                rest.add(arg);
            }
        }
        if (word == null) {
            throw new UsageException("no command given (try: scan, plugins, config, shell)");
        }
        Command command = switch (word) {
            case "scan" -> Command.SCAN;
            case "plugins" -> Command.PLUGINS;
            case "config" -> Command.CONFIG;
            case "plugin" -> Command.PLUGIN;
            case "plugin-validate" -> Command.PLUGIN_VALIDATE;
            case "sql" -> Command.SQL;
            case "history" -> Command.HISTORY;
            case "store" -> Command.STORE;
            case "serve" -> Command.SERVE;
            case "shell" -> Command.SHELL;
            case "help", "--help", "-h" -> Command.HELP;
            default -> throw new UsageException("unknown command '" + word + "' (try: scan, plugins, config, shell)");
        };
        if (command == Command.SHELL && !rest.isEmpty()) {
            throw new UsageException("shell takes no arguments, got '" + rest.get(0) + "'");
        }
        boolean verbose = before.stream().anyMatch(CommandLine::isVerboseFlag)
                || (command != Command.CONFIG && rest.stream().anyMatch(CommandLine::isVerboseFlag));
        boolean quiet = before.contains(QUIET) || (command == Command.SCAN && rest.contains(QUIET));
        if (verbose && quiet) {
            throw new UsageException("--quiet and --verbose contradict each other (give one of them)");
        }
        if (verbose) {
            settings.put("base.verbose", "true");
            settings.put("base.quiet", "false");
        }
        if (quiet) {
            settings.put("base.quiet", "true");
            settings.put("base.verbose", "false");
        }
        return new CommandLine(command, rest, verbose, settings, configFile, pluginDir);
    }

    private static boolean isPluginDirOption(String arg) {
        return arg.equals(PLUGIN_DIR_OPTION) || arg.startsWith(PLUGIN_DIR_OPTION + "=");
    }

    private static boolean isVerboseFlag(String arg) {
        return arg.equals("-v") || arg.equals("--verbose");
    }
}
