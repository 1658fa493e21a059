package org.gstats.launcher;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean": the known word nearest a mistyped one, as git suggests a command. Nearness is
 * the edit distance (insertions, deletions, substitutions, and two neighbours swapped, as typing
 * goes wrong); a word further than a third of its length (so no one-letter flag), or than two edits, is no suggestion.
 */
final class Suggestion {

    private static final int MOST_EDITS = 2;

    private Suggestion() {
    }

    /** The nearest of {@code known}, if one is near enough to {@code typed}. */
    static Optional<String> nearest(String typed, Collection<String> known) {
        return known.stream()
                .filter(word -> distance(typed, word) <= Math.min(MOST_EDITS, word.length() / 3))
                .min(Comparator.comparingInt((String word) -> distance(typed, word)));
    }

    /** The optimal string alignment distance between two words. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
