package org.gstats.shell.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.gstats.api.scan.DiffAlgorithm;

/**
 * {@code gstats:scan}'s history options in effect (given, or else configured), still text;
 * {@code --author} and {@code --exclude-author} as often as they were given.
 */
record ScannerArguments(boolean firstParent, List<String> authors, List<String> excludeAuthors,
        List<String> includes, List<String> excludes, String maxCommits, boolean noMailmap, boolean strict,
        String diffAlgorithm, boolean noReplaceObjects) {

    private static final String INCLUDE = "--include";
    private static final String EXCLUDE = "--exclude";
    private static final String AUTHOR = "--author";
    private static final String EXCLUDE_AUTHOR = "--exclude-author";

    ScannerArguments {
        authors = Collections.unmodifiableList(new ArrayList<>(authors));
        excludeAuthors = Collections.unmodifiableList(new ArrayList<>(excludeAuthors));
        includes = Collections.unmodifiableList(new ArrayList<>(includes));
        excludes = Collections.unmodifiableList(new ArrayList<>(excludes));
    }

    /**
     * Checks what can be checked without the repository (each author pattern compiles); the
     * scanner checks the globs themselves.
     *
     * @param base the options checked so far ({@code --no-renames}), kept
     */
    ScannerOptions validate(ScannerOptions base) throws CommandFailure {
        List<String> authorPatterns = patterns(AUTHOR, authors, "'Ann|ann@example.com'");
        List<String> excludedAuthors = patterns(EXCLUDE_AUTHOR, excludeAuthors, "'bot'");
        List<String> includeGlobs = values(INCLUDE, includes, "a glob such as 'vendor/**'");
        List<String> excludeGlobs = values(EXCLUDE, excludes, "a glob such as 'vendor/**'");
        String maxText = value(maxCommits);
        String algorithmText = value(diffAlgorithm);
        return new ScannerOptions(base.detectRenames(), firstParent, AuthorFilter.regex(authorPatterns,
                excludedAuthors), includeGlobs, excludeGlobs, maxCommits(maxText), !noMailmap, strict,
                algorithm(algorithmText), !noReplaceObjects);
    }

    /** The option's values, each a regular expression that compiles; a bad one is bad usage naming it. */
    private static List<String> patterns(String option, List<String> given, String example) throws CommandFailure {
        List<String> patterns = values(option, given, "a pattern such as " + example
                + " (leave it out to take every author)");
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

    private static List<String> values(String option, List<String> given, String needs) throws CommandFailure {
        List<String> checked = new ArrayList<>();
        for (String each : given) {
            String text = value(each);
            if (text == null) {
                continue;
            }
            if (text.isEmpty()) {
                throw CommandFailure.badUsage(option + " needs " + needs);
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
    private static String value(String value) {
        return ScanArguments.ABSENT.equals(value) ? null : value;
    }
}
