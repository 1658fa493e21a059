package org.gstats.plugin.metrics.internal.complexity;

/**
 * Figures of one function, method, constructor or top-level lambda. {@code lines} is
 * {@code endLine - startLine + 1}; {@code maxNesting} is the deepest cognitive nesting level reached inside it.
 * docs/metrics.md, section "Complexity", defines every figure per language.
 */
public record FunctionComplexity(String name, int startLine, int endLine, int cyclomatic, int cognitive,
        int maxNesting, int parameters, int lines) {
}
