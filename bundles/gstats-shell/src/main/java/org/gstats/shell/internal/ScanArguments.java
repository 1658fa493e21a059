package org.gstats.shell.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.felix.service.command.Parameter;

/**
 * {@code gstats:scan}'s arguments as Gogo hands them over: option values still text,
 * {@link #ABSENT} for a value option that was not given, and the operands Gogo did not
 * recognise as options (the path, but also unknown or repeated options).
 */
record ScanArguments(String format, String output, String table, String branch, String since, String until,
        boolean changes, boolean noRenames, boolean pretty, boolean quiet, boolean verbose, List<String> operands) {

    /** The {@code absentValue} of value options: Gogo passes it when the option is not on the command line. */
    static final String ABSENT = Parameter.UNSPECIFIED;

    private static final Set<String> VALUE_OPTIONS = union(Set.of("--format", "--output", "--table", "--branch",
            "--since", "--until", "--plugins", "--max-memory", "--performance-mode"), ScannerArguments.VALUE_OPTIONS,
            ReportArguments.VALUE_OPTIONS);
    private static final Set<String> OPTIONS = union(VALUE_OPTIONS, Set.of("--changes", "--no-renames", "--pretty",
            "--quiet", "-v", "--verbose"), ScannerArguments.FLAGS, ReportArguments.FLAGS);
    private static final String OPTION_LIST = "--format, --output, --table, --pretty, --full, --color, --branch, "
            + "--since, --until, --author, --exclude-author, --group-authors, --include, --exclude, --max-commits, --first-parent, --no-renames, --no-mailmap, "
            + "--diff-algorithm, --strict, --changes, --plugins, --max-memory, --performance-mode, --quiet, "
            + "-v/--verbose";

    ScanArguments {
        // not List.copyOf: Gogo passes a bare null as a null operand
        operands = Collections.unmodifiableList(new ArrayList<>(operands));
    }

    /**
     * Checks the arguments and resolves paths against {@code currentDir} and ages against
     * {@code clock}. Whether the format's writer can do what the options ask is checked with
     * the writer ({@link ReportOutput}).
     *
     * @param defaultFormat the format when {@code --format} is not given
     * @throws CommandFailure bad usage, with a message that names the argument
     */
    ScanOptions validate(Path currentDir, Clock clock, String defaultFormat) throws CommandFailure {
        Path repository = repository(currentDir);
        String formatText = value("--format", format);
        String outputText = value("--output", output);
        String tableText = value("--table", table);
        if (tableText != null && tableText.isEmpty()) {
            throw CommandFailure.badUsage("--table needs a name such as commits.authors (SECTION.TABLE)");
        }
        String branchText = value("--branch", branch);
        String sinceText = value("--since", since);
        String untilText = value("--until", until);
        if (branchText != null && branchText.isEmpty()) {
            throw CommandFailure.badUsage("--branch needs a name (leave it out to scan HEAD)");
        }
        if (quiet && verbose) {
            throw CommandFailure.badUsage("--quiet and --verbose contradict each other (give one of them)");
        }
        Instant sinceInstant = sinceText == null ? null : DateArgument.since(sinceText, clock);
        Instant untilInstant = untilText == null ? null : DateArgument.until(untilText, clock);
        if (sinceInstant != null && untilInstant != null && sinceInstant.isAfter(untilInstant)) {
            throw CommandFailure.badUsage("--since " + sinceText + " is after --until " + untilText
                    + " (nothing to scan)");
        }
        Path outputPath = output(currentDir, outputText);
        return new ScanOptions(repository, formatText != null ? formatText : formatOf(outputPath, defaultFormat),
                outputPath, tableText, pretty, branchText, sinceInstant, untilInstant, changes,
                ScannerOptions.DEFAULTS.withDetectRenames(!noRenames), quiet, verbose);
    }

    /** The format an {@code --output} file's extension names when {@code --format} is not given. */
    private static final Map<String, String> FORMAT_BY_EXTENSION = Map.of("json", "json", "csv", "csv", "xml", "xml",
            "yaml", "yaml", "yml", "yaml", "html", "html", "md", "markdown", "txt", "text");

    /** The format {@code output}'s extension names, else {@code defaultFormat}. */
    static String formatOf(Path output, String defaultFormat) {
        if (output == null || output.getFileName() == null) {
            return defaultFormat;
        }
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? defaultFormat
                : FORMAT_BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), defaultFormat);
    }

    /** Whether {@code text} is one of {@code gstats:scan}'s options. */
    static boolean isOption(String text) {
        return OPTIONS.contains(text);
    }

    @SafeVarargs
    private static Set<String> union(Collection<String>... parts) {
        Set<String> all = new HashSet<>();
        for (Collection<String> part : parts) {
            all.addAll(part);
        }
        return Set.copyOf(all);
    }

    /** The repository path the operands name, checked as {@link #validate} checks it. */
    Path repository(Path currentDir) throws CommandFailure {
        List<String> paths = new ArrayList<>();
        for (String operand : operands) {
            String text = operand == null ? "null" : operand;
            if (OPTIONS.contains(text)) {
                throw CommandFailure.badUsage("option " + text + " is given more than once");
            }
            if (text.startsWith("-") && text.length() > 1) {
                int equals = text.indexOf('=');
                if (equals > 0 && VALUE_OPTIONS.contains(text.substring(0, equals))) {
                    throw CommandFailure.badUsage("unknown option '" + text + "' (write '" + text.substring(0, equals)
                            + " " + text.substring(equals + 1) + "', with a space)");
                }
                throw CommandFailure.badUsage("unknown option '" + text + "' (options: " + OPTION_LIST + ")");
            }
            paths.add(text);
        }
        if (paths.size() > 1) {
            throw CommandFailure.badUsage("more than one path: '" + String.join("', '", paths)
                    + "' (give one repository path; options start with --)");
        }
        if (paths.isEmpty()) {
            return currentDir;
        }
        if (paths.get(0).isEmpty()) {
            throw CommandFailure.badUsage("empty repository path (leave it out to scan the current directory)");
        }
        return resolve(currentDir, paths.get(0), "invalid repository path");
    }

    private static Path output(Path currentDir, String text) throws CommandFailure {
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            throw CommandFailure.badUsage("--output needs a file name (leave it out to print the report)");
        }
        return resolve(currentDir, text, "invalid file name for --output");
    }

    /** The option's value, or null when it was not given. */
    private static String value(String option, String value) throws CommandFailure {
        if (ABSENT.equals(value)) {
            return null;
        }
        // Gogo turns a bare null into a Java null
        String text = value == null ? "null" : value;
        if (OPTIONS.contains(text)) {
            throw CommandFailure.badUsage(option + " needs a value before " + text);
        }
        return text;
    }

    private static Path resolve(Path currentDir, String text, String problem) throws CommandFailure {
        try {
            return currentDir.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw CommandFailure.badUsage(problem + ": '" + text + "' (" + e.getReason() + ")");
        }
    }
}
