package org.gstats.shell.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.gstats.api.scan.DiffAlgorithm;

/**
 * {@code gstats:scan}'s history options as Gogo hands them over, still text. Gogo keeps an
 * option's first occurrence only; {@code --include} and {@code --exclude} may be repeated,
 * so their further occurrences are taken from the operands by {@link #takeRepeated}.
 */
record ScannerArguments(boolean firstParent, String author, List<String> includes,
        List<String> excludes, String maxCommits, boolean noMailmap, boolean strict, String diffAlgorithm) {

    static final String INCLUDE = "--include";
    static final String EXCLUDE = "--exclude";

    /** The value options, for {@link ScanArguments}' check of unknown and repeated options. */
    static final List<String> VALUE_OPTIONS = List.of("--author", INCLUDE, EXCLUDE, "--max-commits",
            "--diff-algorithm");
    /** The flags. */
    static final List<String> FLAGS = List.of("--first-parent", "--no-mailmap", "--strict");

    ScannerArguments {
        includes = Collections.unmodifiableList(new ArrayList<>(includes));
        excludes = Collections.unmodifiableList(new ArrayList<>(excludes));
    }

    /**
     * Moves each further {@code --include GLOB} and {@code --exclude GLOB} of {@code operands}
     * into {@code includes} and {@code excludes}, in order; the rest of the operands stays.
     */
    static void takeRepeated(List<String> operands, List<String> includes, List<String> excludes)
            throws CommandFailure {
        for (int i = 0; i < operands.size(); i++) {
            String option = operands.get(i);
            if (INCLUDE.equals(option) || EXCLUDE.equals(option)) {
                if (i + 1 == operands.size()) {
                    throw CommandFailure.badUsage(option + " needs a glob such as 'vendor/**'");
                }
                (INCLUDE.equals(option) ? includes : excludes).add(operands.get(i + 1));
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
        String authorText = value("--author", author, isOption);
        List<String> includeGlobs = globs(INCLUDE, includes, isOption);
        List<String> excludeGlobs = globs(EXCLUDE, excludes, isOption);
        String maxText = value("--max-commits", maxCommits, isOption);
        String algorithmText = value("--diff-algorithm", diffAlgorithm, isOption);
        if (authorText != null && authorText.isEmpty()) {
            throw CommandFailure.badUsage("--author needs a pattern such as 'Ann|ann@example.com' "
                    + "(leave it out to take every author)");
        }
        return new ScannerOptions(base.detectRenames(), firstParent, authorText, includeGlobs, excludeGlobs,
                maxCommits(maxText), !noMailmap, strict, algorithm(algorithmText));
    }

    private static List<String> globs(String option, List<String> globs, Predicate<String> isOption)
            throws CommandFailure {
        List<String> checked = new ArrayList<>();
        for (String glob : globs) {
            String text = value(option, glob, isOption);
            if (text == null) {
                continue;
            }
            if (text.isEmpty()) {
                throw CommandFailure.badUsage(option + " needs a glob such as 'vendor/**'");
            }
            checked.add(text);
        }
        return checked;
    }

    private static int maxCommits(String text) throws CommandFailure {
        if (text == null) {
            return 0;
        }
        if (!text.matches("0*[1-9][0-9]*")) {
            throw CommandFailure.badUsage("--max-commits needs a whole number above 0, not '" + text + "'");
        }
        // the scan request counts in an int
        if (new BigInteger(text).compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw CommandFailure.badUsage("--max-commits is at most " + Integer.MAX_VALUE + ", not '" + text + "'");
        }
        return Integer.parseInt(text.replaceFirst("^0+", ""));
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
