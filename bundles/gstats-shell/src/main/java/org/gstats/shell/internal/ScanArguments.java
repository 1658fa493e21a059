package org.gstats.shell.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * {@code gstats:scan}'s arguments in effect (given, or else configured): option values still
 * text, {@link #ABSENT} for a value option that is not set, and the operands (the path).
 */
record ScanArguments(String format, String output, String table, String branch, String since, String until,
        boolean noRenames, boolean pretty, boolean quiet, boolean verbose, List<String> operands) {

    /** A value option that is not set. */
    static final String ABSENT = "\u0000absent";

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
        Path repository = repository(operands, currentDir);
        String formatText = value(format);
        String outputText = value(output);
        String tableText = value(table);
        if (tableText != null && tableText.isEmpty()) {
            throw CommandFailure.badUsage("--table needs a name such as commits.authors (SECTION.TABLE)");
        }
        String branchText = value(branch);
        String sinceText = value(since);
        String untilText = value(until);
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
                outputPath, tableText, pretty, branchText, sinceInstant, untilInstant,
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

    /** The repository path the operands (options already taken out) name. */
    static Path repository(List<String> operands, Path currentDir) throws CommandFailure {
        List<String> paths = new ArrayList<>();
        for (String operand : operands) {
            paths.add(operand == null ? "null" : operand);
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
    private static String value(String value) {
        return ABSENT.equals(value) ? null : value;
    }

    private static Path resolve(Path currentDir, String text, String problem) throws CommandFailure {
        try {
            return currentDir.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw CommandFailure.badUsage(problem + ": '" + text + "' (" + e.getReason() + ")");
        }
    }
}
