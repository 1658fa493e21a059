package org.gstats.plugin.metrics.internal.complexity;

/**
 * Counts of one function while its body is being read. Owned by the single analysis run that creates it.
 * A function nested in another (a method of an anonymous class, a nested def) passes its cognitive increments on
 * to the enclosing one, shifted by the nesting level at which it sits there, as Sonar's rules ask.
 */
final class FunctionScope {

    /** Logical operator of the running sequence, for the cognitive "boolean operator sequence" rule. */
    enum Logical {
        AND, OR
    }

    final String name;
    final int startLine;
    final int parameters;
    final FunctionScope parent;
    private final int nestingInParent;
    int endLine;
    int cyclomatic = 1;
    int cognitive;
    int maxNesting;
    Logical sequence;

    FunctionScope(String name, int startLine, int parameters, FunctionScope parent, int nestingInParent) {
        this.name = name;
        this.startLine = startLine;
        this.endLine = startLine;
        this.parameters = parameters;
        this.parent = parent;
        this.nestingInParent = nestingInParent;
    }

    /** An if, loop, switch, catch or conditional expression at the given nesting level. */
    void structural(int nesting) {
        reached(nesting + 1);
        addStructural(nesting);
    }

    private void addStructural(int nesting) {
        cognitive += 1 + nesting;
        if (parent != null) {
            parent.addStructural(nestingInParent + nesting);
        }
    }

    /** else, else if, a jump to a label, recursion, a new boolean operator sequence. */
    void fundamental() {
        cognitive++;
        if (parent != null) {
            parent.fundamental();
        }
    }

    /** Body code runs at this nesting level. */
    void reached(int nesting) {
        maxNesting = Math.max(maxNesting, nesting);
    }

    /** Cognitive rule for {@code &&}/{@code ||}: a change of operator starts a new sequence. */
    void logical(Logical op) {
        if (op != sequence) {
            if (op != null) {
                fundamental();
            }
            sequence = op;
        }
    }

    FunctionComplexity result() {
        return new FunctionComplexity(name, startLine, endLine, cyclomatic, cognitive, maxNesting, parameters,
                endLine - startLine + 1);
    }
}
