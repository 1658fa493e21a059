package org.gstats.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command's options, one {@link CommandOption} row each, and what is derived from them: the
 * parse of the arguments as Gogo hands them over (every token, as text), the command's
 * {@code --help} and its completion data. Gogo itself parses nothing, so an option may come
 * before or after the operands, a repeated option keeps every value, and a missing value is
 * found here rather than in Gogo's exception text.
 */
final class OptionTable {

    static final String HELP = "--help";
    static final String HELP_SHORT = "-h";
    /** Asks for {@link #completions()} instead of running the command. */
    static final String COMPLETIONS = "--completions";

    private final String command;
    private final String synopsis;
    private final ValueCompletion operands;
    private final List<CommandOption> options;

    /**
     * @param operands what the shell's Tab offers for an operand, e.g. directories for scan's PATH
     */
    OptionTable(String command, String synopsis, ValueCompletion operands, List<CommandOption> options) {
        this.command = command;
        this.synopsis = synopsis;
        this.operands = operands;
        this.options = List.copyOf(options);
    }

    /** The command's name, e.g. {@code scan}. */
    String command() {
        return command;
    }

    ValueCompletion operands() {
        return operands;
    }

    List<CommandOption> options() {
        return options;
    }

    Optional<CommandOption> option(String token) {
        return options.stream().filter(option -> option.matches(token)).findFirst();
    }

    boolean isOption(String token) {
        return token != null && (option(token).isPresent() || isHelp(token) || COMPLETIONS.equals(token));
    }

    /** Whether a flag is among the arguments, before they are checked (a failed parse reports with stack traces). */
    static boolean mentions(CommandOption flag, String... arguments) {
        for (String argument : arguments) {
            if (argument != null && flag.matches(argument)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits the arguments into options with their values and operands.
     *
     * @throws CommandFailure an unknown option, an option given twice that may not be, or a
     *                        value left out
     */
    Given parse(String... arguments) throws CommandFailure {
        Map<CommandOption, List<String>> values = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        boolean help = false;
        boolean completions = false;
        for (int i = 0; i < arguments.length; i++) {
            // Gogo turns a bare null into a Java null
            String token = arguments[i] == null ? "null" : arguments[i];
            if (isHelp(token) || COMPLETIONS.equals(token)) {
                help |= isHelp(token);
                completions |= COMPLETIONS.equals(token);
                continue;
            }
            Optional<CommandOption> found = option(token);
            if (found.isEmpty()) {
                if (token.startsWith("-") && token.length() > 1) {
                    throw unknown(token);
                }
                operands.add(token);
                continue;
            }
            CommandOption option = found.get();
            if (values.containsKey(option) && option.arity() != CommandOption.Arity.REPEATED) {
                throw CommandFailure.badUsage("option " + option.name() + " is given more than once");
            }
            List<String> given = values.computeIfAbsent(option, o -> new ArrayList<>());
            if (option.takesValue()) {
                if (i + 1 == arguments.length) {
                    throw CommandFailure.badUsage(option.name() + " needs a value (gstats help " + command
                            + " lists the options)");
                }
                String value = arguments[++i] == null ? "null" : arguments[i];
                if (isOption(value)) {
                    throw CommandFailure.badUsage(option.name() + " needs a value before " + value);
                }
                given.add(value);
            }
        }
        return new Given(values, operands, help, completions);
    }

    private CommandFailure unknown(String token) {
        int equals = token.indexOf('=');
        if (equals > 0 && option(token.substring(0, equals)).filter(CommandOption::takesValue).isPresent()) {
            return CommandFailure.badUsage("unknown option '" + token + "' (write '" + token.substring(0, equals) + " "
                    + token.substring(equals + 1) + "', with a space)");
        }
        List<String> spellings = new ArrayList<>();
        options.forEach(option -> {
            spellings.add(option.name());
            if (option.shortName() != null) {
                spellings.add(option.shortName());
            }
        });
        Optional<String> near = Suggestion.nearest(equals > 0 ? token.substring(0, equals) : token, spellings);
        if (near.isPresent()) {
            return CommandFailure.badUsage("unknown option '" + token + "'; did you mean '" + near.get() + "'?");
        }
        return CommandFailure.badUsage("unknown option '" + token + "' (options: " + String.join(", ",
                options.stream().map(CommandOption::spelled).toList()) + ")");
    }

    private static boolean isHelp(String token) {
        return HELP.equals(token) || HELP_SHORT.equals(token);
    }

    /** The command's {@value #HELP}: the synopsis, then one line per option. */
    String help() {
        StringBuilder out = new StringBuilder("usage: gstats " + command + " " + synopsis + "\n\noptions:\n");
        List<String> left = options.stream().map(option -> (option.shortName() == null ? "    " : option.shortName()
                + ", ") + option.name() + (option.takesValue() ? " " + option.valueName() : "")).toList();
        int width = left.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < options.size(); i++) {
            CommandOption option = options.get(i);
            out.append("  ").append(left.get(i)).append(" ".repeat(width - left.get(i).length() + 2))
                    .append(option.help());
            if (!option.completions().isEmpty()) {
                out.append(" (").append(String.join(", ", option.completions())).append(')');
            }
            if (option.arity() == CommandOption.Arity.REPEATED) {
                out.append(" (repeatable)");
            }
            if (option.key() != null) {
                out.append(" [").append(option.key()).append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The command's {@value #COMPLETIONS}, completion data for shells: one line per option, its spellings then the values to offer,
     * tab-separated ({@code --diff-algorithm<TAB>myers histogram minimal}; {@code -} for a flag,
     * empty for any value).
     */
    String completions() {
        StringBuilder out = new StringBuilder();
        for (CommandOption option : options) {
            out.append(option.shortName() == null ? option.name() : option.shortName() + " " + option.name())
                    .append('\t').append(option.takesValue() ? String.join(" ", option.completions()) : "-")
                    .append('\n');
        }
        return out.toString();
    }

    /** The arguments split by the table: each option given with its values, and the operands. */
    static final class Given {

        private final Map<CommandOption, List<String>> values;
        private final List<String> operands;
        private final boolean help;
        private final boolean completions;

        private Given(Map<CommandOption, List<String>> values, List<String> operands, boolean help,
                boolean completions) {
            Map<CommandOption, List<String>> copy = new LinkedHashMap<>();
            values.forEach((option, list) -> copy.put(option, List.copyOf(list)));
            this.values = copy;
            this.operands = List.copyOf(operands);
            this.help = help;
            this.completions = completions;
        }

        boolean has(CommandOption option) {
            return values.containsKey(option);
        }

        /** The option's value, or {@code null} when it was not given. */
        String value(CommandOption option) {
            List<String> given = values.get(option);
            return given == null || given.isEmpty() ? null : given.get(0);
        }

        /** Every value of a repeated option, in order; empty when not given. */
        List<String> values(CommandOption option) {
            return values.getOrDefault(option, List.of());
        }

        /** The options given, in the order first given. */
        List<CommandOption> options() {
            return List.copyOf(values.keySet());
        }

        List<String> operands() {
            return operands;
        }

        /** {@code --help} given: print the help instead of running. */
        boolean help() {
            return help;
        }

        /** {@value OptionTable#COMPLETIONS} given: print the completion data instead of running. */
        boolean completions() {
            return completions;
        }
    }
}
