package org.gstats.plugin.metrics.internal.complexity;

import java.util.List;

/**
 * Figures of one file: its functions in source order, {@code cyclomatic} summed over all of them,
 * {@code cognitive} summed over the outermost ones (a nested function's cognitive complexity is already part of
 * its enclosing function's), {@code maxNesting} the largest over the file.
 */
public record FileComplexity(String language, List<FunctionComplexity> functions, int cyclomatic, int cognitive,
        int maxNesting) {

    public FileComplexity {
        functions = List.copyOf(functions);
    }
}
