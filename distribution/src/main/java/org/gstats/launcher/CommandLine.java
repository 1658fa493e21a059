package org.gstats.launcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** What {@code bin/gstats} can do: each command's word, synopsis and description, for the usage and its help. */
    enum Command {
        SCAN("scan", "[options] [PATH]", "scan a Git repository (default: the current directory) and print a report"),
        PLUGINS("plugins", "[options]", "list the plugins: state (active, rejected, failing, disabled) and why"),
        PLUGIN("plugin", "NAME", "describe one plugin: info, state, data requirements, metrics"),
        PLUGIN_VALIDATE("plugin-validate", "FILE", "say whether a plugin jar would load here, and why not"),
        MAILMAP("mailmap", "[PATH]", "propose .mailmap lines for author identities that look like one person"),
        CONFIG("config", "[--defaults] [PATH]", "show the configuration in effect for PATH, each key with where it "
                + "came from; --defaults prints a commented default file"),
        SQL("sql", "[--format F] [--store URL] \"SELECT …\"", "read-only SQL over the scan store (F: text, csv, "
                + "json or markdown; URL: the store's JDBC URL, default GSTATS_STORE, [store] url or the H2 file)"),
        HISTORY("history", "[--format F] [--store URL] [PATH]", "the summary of every stored scan of a repository "
                + "(default: the current directory), oldest first (F: text, csv, json, markdown, or a report format: "
                + "xml, yaml, html draws the trend)"),
        STORE("store", "[--store URL] info|clear PATH|clear --all|gc", "the scan store: size and contents; forget a "
                + "repository; empty the store; drop rows no stored scan needs"),
        SERVE("serve", "[--port N] [--bind ADDR] [--root DIR]... [--token T]", "the dashboard and REST API on "
                + "http://127.0.0.1:8080/ until Ctrl-C (docs/serve.md)"),
        DAEMON("daemon", "status|stop", "the warm gstats processes that run commands for bin/gstats: list them "
                + "(pid, memory, idle time) or stop them (docs/daemon.md)"),
        SHELL("shell", "", "open the interactive shell (scan, plugins, ...; help lists them)"),
        VERSION("version", "", "print the versions of gstats (and its build commit), Java and Felix"),
        HELP("help", "[COMMAND]", "print this help, or a command's (also: gstats COMMAND --help)");

        private final String word;
        private final String synopsis;
        private final String description;

        Command(String word, String synopsis, String description) {
            this.word = word;
            this.synopsis = synopsis;
            this.description = description;
        }

        /** The word the user types, also the function name of the {@code gstats:} command. */
        String word() {
            return word;
        }

        /** What follows the word in a usage line, e.g. {@code [options] [PATH]}. */
        String synopsis() {
            return synopsis;
        }

        String description() {
            return description;
        }

        static Optional<Command> of(String word) {
            return Arrays.stream(values()).filter(command -> command.word.equals(word)).findFirst();
        }

        static List<String> words() {
            return Arrays.stream(values()).map(Command::word).toList();
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
    private static final String QUIET_SHORT = "-q";
    /** Ask for a command's help wherever they stand among its arguments, as git does. */
    private static final List<String> HELP_FLAGS = List.of("--help", "-h");

    CommandLine {
        arguments = List.copyOf(arguments);
        settings = Map.copyOf(settings);
    }

    /** For {@code help scan} or {@code scan --help}: the command to describe, if it is one. */
    Optional<Command> helpTopic() {
        if (command != Command.HELP || arguments.isEmpty()) {
            return Optional.empty();
        }
        return Command.of(arguments.get(0));
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
            } else if (word == null && (isVerboseFlag(arg) || isQuietFlag(arg))) {
                before.add(arg);
            } else if (word == null) {
                word = arg;
            } else {
                rest.add(arg);
            }
        }
        if (word == null) {
            throw new UsageException("no command given (gstats --help lists the commands)");
        }
        String typed = word;
        Command command = switch (typed) {
            case "--help", "-h" -> Command.HELP;
            case "--version" -> Command.VERSION;
            default -> Command.of(typed).orElseThrow(() -> unknownCommand(typed));
        };
        if (command != Command.HELP && rest.stream().anyMatch(HELP_FLAGS::contains)) {
            return new CommandLine(Command.HELP, List.of(command.word()), false, settings, configFile, pluginDir);
        }
        if (command == Command.HELP && !rest.isEmpty() && Command.of(rest.get(0)).isEmpty()) {
            throw unknownCommand(rest.get(0));
        }
        if ((command == Command.SHELL || command == Command.VERSION) && !rest.isEmpty()) {
            throw new UsageException(command.word() + " takes no arguments, got '" + rest.get(0) + "'");
        }
        boolean verbose = before.stream().anyMatch(CommandLine::isVerboseFlag)
                || (command != Command.CONFIG && rest.stream().anyMatch(CommandLine::isVerboseFlag));
        boolean quiet = before.stream().anyMatch(CommandLine::isQuietFlag)
                || (command == Command.SCAN && rest.stream().anyMatch(CommandLine::isQuietFlag));
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

    /** An unknown command, with the nearest known one when there is one (git's "did you mean"). */
    private static UsageException unknownCommand(String word) {
        return new UsageException("unknown command '" + word + "'" + Suggestion.nearest(word, Command.words())
                .map(near -> "; did you mean '" + near + "'?").orElse(" (gstats --help lists the commands)"));
    }

    private static boolean isQuietFlag(String arg) {
        return arg.equals(QUIET) || arg.equals(QUIET_SHORT);
    }

    private static boolean isVerboseFlag(String arg) {
        return arg.equals("-v") || arg.equals("--verbose");
    }
}
