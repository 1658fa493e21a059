package org.gstats.config.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * The known name closest to a misspelt one, ignoring case, to suggest in a warning: by
 * commons-text's Damerau-Levenshtein distance, the edit distance of the launcher's and the
 * shell's "did you mean" too.
 */
final class Nearest {

    private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance();

    private Nearest() {
    }

    /** The nearest of {@code known}, or {@code null} when there is none. */
    static String to(String name, Collection<String> known) {
        return known.stream().min(Comparator.comparingInt(candidate -> distance(name, candidate))).orElse(null);
    }

    /** Edits (insertions, deletions, substitutions, neighbours swapped) from one name to the other, ignoring case. */
    static int distance(String a, String b) {
        return DISTANCE.apply(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
    }
}
