package org.gstats.api.scan;

import java.util.Locale;

/**
 * How the scanner counts the lines a change inserted and deleted, named as git names its
 * {@code --diff-algorithm} choices.
 *
 * @since 1.1
 */
public enum DiffAlgorithm {
    /** git's default: Myers as git's xdiff runs it, with its pruning of frequent lines and cost cut-offs. */
    MYERS,
    /** {@code git diff --histogram}. */
    HISTOGRAM,
    /**
     * {@code git diff --minimal}: git's Myers without its cost cut-offs. git still discards
     * frequent lines inside rewritten blocks first, so this is not always the fewest changed
     * lines a longest common subsequence would leave; the counts follow git.
     */
    MINIMAL;

    /** The name on the command line and in configuration: {@code myers}, {@code histogram}, {@code minimal}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
