package org.gstats.shell.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * "Did you mean": the known word nearest a mistyped one, as git suggests a command. Nearness is
 * commons-text's Damerau-Levenshtein distance (insertions, deletions, substitutions, and two
 * neighbours swapped, as typing goes wrong); a word further than a third of its length (so no
 * one-letter flag), or than two edits, is no suggestion. The launcher, outside the framework,
 * keeps the same few lines over the same jar.
 */
final class Suggestion {

    private static final int MOST_EDITS = 2;
    private static final DamerauLevenshteinDistance DISTANCE = new DamerauLevenshteinDistance();

    private Suggestion() {
    }

    /** The nearest of {@code known}, if one is near enough to {@code typed}. */
    static Optional<String> nearest(String typed, Collection<String> known) {
        return known.stream()
                .map(word -> Map.entry(word, DISTANCE.apply(typed, word)))
                .filter(near -> near.getValue() <= Math.min(MOST_EDITS, near.getKey().length() / 3))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }
}
