package org.gstats.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the user asked {@code bin/gstats} for: one command and its arguments.
 *
 * @param command   the command
 * @param arguments the arguments after the command, passed unchanged to {@code gstats:scan} or
 *                  {@code gstats:plugins}
 * @param verbose   {@code -v} or {@code --verbose} given, before the command or among its
 *                  arguments: errors then carry their stack trace
 * @param pluginDir the folder given with {@code --plugin-dir} before the command, {@code null} when not given
 */
record CommandLine(Command command, List<String> arguments, boolean verbose, String pluginDir) {

    static final String PLUGIN_DIR_OPTION = "--plugin-dir";

    /** What {@code bin/gstats} can do. */
    enum Command {
        SCAN("scan"),
        PLUGINS("plugins"),
        PLUGIN("plugin"),
        PLUGIN_VALIDATE("plugin-validate"),
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

    CommandLine {
        arguments = List.copyOf(arguments);
    }

    /** For {@code help scan} or {@code help plugins}: the command to describe, {@code gstats:scan}. */
    Optional<String> helpTopic() {
        if (command != Command.HELP || arguments.isEmpty()) {
            return Optional.empty();
        }
        String topic = arguments.get(0);
        return topic.equals(Command.SCAN.word()) || topic.equals(Command.PLUGINS.word())
                || topic.equals(Command.PLUGIN.word())
                ? Optional.of("gstats:" + topic)
                : Optional.empty();
    }

    static CommandLine parse(List<String> args) throws UsageException {
        boolean verbose = false;
        String pluginDir = null;
        int index = 0;
        while (index < args.size() && (isVerboseFlag(args.get(index)) || isPluginDirOption(args.get(index)))) {
            String arg = args.get(index);
            if (isVerboseFlag(arg)) {
                verbose = true;
            } else if (pluginDir != null) {
                throw new UsageException(PLUGIN_DIR_OPTION + " is given more than once");
            } else if (arg.startsWith(PLUGIN_DIR_OPTION + "=")) {
                pluginDir = arg.substring(PLUGIN_DIR_OPTION.length() + 1);
            } else if (index + 1 < args.size()) {
                pluginDir = args.get(++index);
            } else {
                throw new UsageException(PLUGIN_DIR_OPTION + " needs a folder");
            }
            if (pluginDir != null && pluginDir.isBlank()) {
                throw new UsageException(PLUGIN_DIR_OPTION + " needs a folder");
            }
            index++;
        }
        if (index == args.size()) {
            throw new UsageException("no command given (try: scan, plugins, shell)");
        }
        String word = args.get(index);
        List<String> rest = new ArrayList<>(args.subList(index + 1, args.size()));
        Command command = switch (word) {
            case "scan" -> Command.SCAN;
            case "plugins" -> Command.PLUGINS;
            case "plugin" -> Command.PLUGIN;
            case "plugin-validate" -> Command.PLUGIN_VALIDATE;
            case "shell" -> Command.SHELL;
            case "help", "--help", "-h" -> Command.HELP;
            default -> throw new UsageException("unknown command '" + word + "' (try: scan, plugins, shell)");
        };
        if (command == Command.SHELL && !rest.isEmpty()) {
            throw new UsageException("shell takes no arguments, got '" + rest.get(0) + "'");
        }
        verbose |= rest.stream().anyMatch(CommandLine::isVerboseFlag);
        return new CommandLine(command, rest, verbose, pluginDir);
    }

    private static boolean isPluginDirOption(String arg) {
        return arg.equals(PLUGIN_DIR_OPTION) || arg.startsWith(PLUGIN_DIR_OPTION + "=");
    }

    private static boolean isVerboseFlag(String arg) {
        return arg.equals("-v") || arg.equals("--verbose");
    }
}
