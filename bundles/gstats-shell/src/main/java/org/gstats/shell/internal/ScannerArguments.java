package org.gstats.shell.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.gstats.api.scan.DiffAlgorithm;

/**
 * {@code gstats:scan}'s history options as Gogo hands them over, still text. Gogo keeps an
 * option's first occurrence only; {@code --include}, {@code --exclude}, {@code --author} and
 * {@code --exclude-author} may be repeated, so their further occurrences are taken from the
 * operands by {@link #takeRepeated}.
 */
record ScannerArguments(boolean firstParent, List<String> authors, List<String> excludeAuthors,
        List<String> includes, List<String> excludes, String maxCommits, boolean noMailmap, boolean strict,
        String diffAlgorithm) {

    static final String INCLUDE = "--include";
    static final String EXCLUDE = "--exclude";
    static final String AUTHOR = "--author";
    static final String EXCLUDE_AUTHOR = "--exclude-author";

    /** The value options, for {@link ScanArguments}' check of unknown and repeated options. */
    static final List<String> VALUE_OPTIONS = List.of(AUTHOR, EXCLUDE_AUTHOR, INCLUDE, EXCLUDE, "--max-commits",
            "--diff-algorithm");
    /** The flags. */
    static final List<String> FLAGS = List.of("--first-parent", "--no-mailmap", "--strict");
    /** The options that may be given more than once, with an example of their value. */
    private static final Map<String, String> REPEATABLE = Map.of(INCLUDE, "a glob such as 'vendor/**'", EXCLUDE,
            "a glob such as 'vendor/**'", AUTHOR, "a pattern such as 'Ann|ann@example.com'", EXCLUDE_AUTHOR,
            "a pattern such as 'bot'");

    ScannerArguments {
        authors = Collections.unmodifiableList(new ArrayList<>(authors));
        excludeAuthors = Collections.unmodifiableList(new ArrayList<>(excludeAuthors));
        includes = Collections.unmodifiableList(new ArrayList<>(includes));
        excludes = Collections.unmodifiableList(new ArrayList<>(excludes));
    }

    /**
     * Moves each further occurrence of a repeatable option ({@code --include GLOB}, ...) from
     * {@code operands} into its list in {@code values}, in order; the rest of the operands stays.
     *
     * @param values the values Gogo gave each repeatable option, keyed by option; appended to
     */
    static void takeRepeated(List<String> operands, Map<String, List<String>> values) throws CommandFailure {
        for (int i = 0; i < operands.size(); i++) {
            String option = operands.get(i);
            if (REPEATABLE.containsKey(option)) {
                if (i + 1 == operands.size()) {
                    throw CommandFailure.badUsage(option + " needs " + REPEATABLE.get(option));
                }
                values.get(option).add(operands.get(i + 1));
                operands.remove(i + 1);
                operands.remove(i);
                i--;
            }
        }
    }

    /**
     * Checks what can be checked without the repository; the scanner checks the author pattern
     * and the globs themselves.
     *
     * @param base     the options checked so far ({@code --no-renames}), kept
     * @param isOption whether a text is one of the command's options, for a value left out
     */
    ScannerOptions validate(ScannerOptions base, Predicate<String> isOption) throws CommandFailure {
        List<String> authorPatterns = patterns(AUTHOR, authors, isOption);
        List<String> excludedAuthors = patterns(EXCLUDE_AUTHOR, excludeAuthors, isOption);
        List<String> includeGlobs = values(INCLUDE, includes, isOption);
        List<String> excludeGlobs = values(EXCLUDE, excludes, isOption);
        String maxText = value("--max-commits", maxCommits, isOption);
        String algorithmText = value("--diff-algorithm", diffAlgorithm, isOption);
        return new ScannerOptions(base.detectRenames(), firstParent, AuthorFilter.regex(authorPatterns,
                excludedAuthors), includeGlobs, excludeGlobs, maxCommits(maxText), !noMailmap, strict,
                algorithm(algorithmText));
    }

    /** The option's values, each a regular expression that compiles; a bad one is bad usage naming it. */
    private static List<String> patterns(String option, List<String> given, Predicate<String> isOption)
            throws CommandFailure {
        List<String> patterns = values(option, given, isOption);
        for (String pattern : patterns) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw CommandFailure.badUsage("invalid author pattern '" + pattern + "' for " + option + ": "
                        + e.getDescription() + " (a Java regular expression)");
            }
        }
        return patterns;
    }

    private static List<String> values(String option, List<String> given, Predicate<String> isOption)
            throws CommandFailure {
        List<String> checked = new ArrayList<>();
        for (String each : given) {
            String text = value(option, each, isOption);
            if (text == null) {
                continue;
            }
            if (text.isEmpty()) {
                throw CommandFailure.badUsage(option + " needs " + REPEATABLE.get(option)
                        + (option.contains("author") ? " (leave it out to take every author)" : ""));
            }
            checked.add(text);
        }
        return checked;
    }

    private static int maxCommits(String text) throws CommandFailure {
        if (text == null) {
            return 0;
        }
        if (text.matches("0*[1-9][0-9]{0,8}")) {
            return Integer.parseInt(text);
        }
        throw CommandFailure.badUsage("--max-commits needs a whole number above 0, not '" + text + "'");
    }

    private static DiffAlgorithm algorithm(String text) throws CommandFailure {
        if (text == null) {
            return DiffAlgorithm.MYERS;
        }
        for (DiffAlgorithm algorithm : DiffAlgorithm.values()) {
            if (algorithm.optionName().equals(text.toLowerCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw CommandFailure.badUsage("unknown --diff-algorithm '" + text + "' (use myers, histogram or minimal)");
    }

    /** The option's value, or null when it was not given. */
    private static String value(String option, String value, Predicate<String> isOption)
            throws CommandFailure {
        if (ScanArguments.ABSENT.equals(value)) {
            return null;
        }
        String text = value == null ? "null" : value;
        if (isOption.test(text)) {
            throw CommandFailure.badUsage(option + " needs a value before " + text);
        }
        return text;
    }
}
