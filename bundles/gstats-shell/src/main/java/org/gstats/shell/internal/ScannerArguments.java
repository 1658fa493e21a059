package org.gstats.shell.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.gstats.api.scan.DiffAlgorithm;

/** {@code gstats:scan}'s history options in effect (given, or else configured), still text. */
record ScannerArguments(boolean firstParent, String author, List<String> includes,
        List<String> excludes, String maxCommits, boolean noMailmap, boolean strict, String diffAlgorithm) {

    private static final String INCLUDE = "--include";
    private static final String EXCLUDE = "--exclude";

    ScannerArguments {
        includes = Collections.unmodifiableList(new ArrayList<>(includes));
        excludes = Collections.unmodifiableList(new ArrayList<>(excludes));
    }

    /**
     * Checks what can be checked without the repository; the scanner checks the author pattern
     * and the globs themselves.
     *
     * @param base the options checked so far ({@code --no-renames}), kept
     */
    ScannerOptions validate(ScannerOptions base) throws CommandFailure {
        String authorText = value(author);
        List<String> includeGlobs = globs(INCLUDE, includes);
        List<String> excludeGlobs = globs(EXCLUDE, excludes);
        String maxText = value(maxCommits);
        String algorithmText = value(diffAlgorithm);
        if (authorText != null && authorText.isEmpty()) {
            throw CommandFailure.badUsage("--author needs a pattern such as 'Ann|ann@example.com' "
                    + "(leave it out to take every author)");
        }
        return new ScannerOptions(base.detectRenames(), firstParent, authorText, includeGlobs, excludeGlobs,
                maxCommits(maxText), !noMailmap, strict, algorithm(algorithmText));
    }

    private static List<String> globs(String option, List<String> globs) throws CommandFailure {
        List<String> checked = new ArrayList<>();
        for (String glob : globs) {
            String text = value(glob);
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
    private static String value(String value) {
        return ScanArguments.ABSENT.equals(value) ? null : value;
    }
}
