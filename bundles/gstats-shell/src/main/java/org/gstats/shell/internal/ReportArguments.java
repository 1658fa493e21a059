package org.gstats.shell.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.gstats.api.report.WriterOptions;

/**
 * What the report shows and how it looks, as given: {@code --group-authors}, {@code --full},
 * {@code --color}, and the theme from {@code [base] theme}; {@link ScanArguments#ABSENT} for a
 * value not given. {@link #writerOptions} decides colour and width from the console the report
 * goes to and the environment ({@code NO_COLOR}, {@code CLICOLOR_FORCE}, {@code COLUMNS}).
 */
record ReportArguments(String groupAuthors, boolean full, String color, String theme) {

    /** The configuration key of the theme, which no option sets. */
    static final String THEME_KEY = "base.theme";
    /**
     * The console's width in columns, as bin/gstats measured it; a system property because Java
     * cannot ask the terminal.
     */
    static final String COLUMNS_PROPERTY = "gstats.columns";

    private static final List<String> GROUPINGS = List.of("email", "name");
    private static final List<String> COLORS = List.of("auto", "always", "never");

    /**
     * Checks {@code --group-authors}, which reaches the commits plugin as its
     * {@code [module.commits] group-authors} setting.
     *
     * @throws CommandFailure bad usage naming the option and its values
     */
    void checkGrouping() throws CommandFailure {
        choice(ScanOptionTable.GROUP_AUTHORS.name(), groupAuthors, GROUPINGS);
    }

    /**
     * The writer options for this scan.
     *
     * @param console     whether the report goes to the console (not to {@code --output})
     * @param terminal    whether the console is a terminal
     * @param environment the process environment, by name, and under {@value #COLUMNS_PROPERTY} the
     *                    terminal's width as bin/gstats measured it
     */
    WriterOptions writerOptions(boolean pretty, String table, boolean console, boolean terminal,
            Function<String, String> environment) throws CommandFailure {
        String mode = choice(ScanOptionTable.COLOR.name(), color, COLORS);
        boolean colored = switch (mode == null ? "auto" : mode) {
            case "always" -> true;
            case "never" -> false;
            default -> console && autoColor(terminal, environment);
        };
        int width = console ? width(environment) : WriterOptions.DEFAULT_WIDTH;
        return new WriterOptions(pretty, table, full, width, colored,
                ScanArguments.ABSENT.equals(theme) || theme == null ? WriterOptions.DARK : theme);
    }

    /**
     * {@code NO_COLOR} (any value) turns colour off, {@code CLICOLOR_FORCE} (other than {@code 0})
     * on; else colour on a terminal that is not {@code TERM=dumb}.
     */
    private static boolean autoColor(boolean terminal, Function<String, String> environment) {
        if (isSet(environment.apply("NO_COLOR"))) {
            return false;
        }
        String force = environment.apply("CLICOLOR_FORCE");
        if (isSet(force) && !"0".equals(force)) {
            return true;
        }
        return terminal && !"dumb".equals(environment.apply("TERM"));
    }

    /** {@code COLUMNS} when it holds a width, else the terminal's as bin/gstats measured it, else 100. */
    private static int width(Function<String, String> environment) {
        Integer columns = number(environment.apply("COLUMNS"));
        if (columns == null) {
            columns = number(environment.apply(COLUMNS_PROPERTY));
        }
        return columns == null ? WriterOptions.DEFAULT_WIDTH : columns;
    }

    private static Integer number(String text) {
        if (text == null || !text.strip().matches("[1-9][0-9]{0,4}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    private static String choice(String option, String value, List<String> choices) throws CommandFailure {
        if (ScanArguments.ABSENT.equals(value)) {
            return null;
        }
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!choices.contains(text)) {
            throw CommandFailure.badUsage(option + " takes " + String.join(", ", choices.subList(0, choices.size() - 1))
                    + " or " + choices.get(choices.size() - 1) + ", not '" + value + "'");
        }
        return text;
    }
}
