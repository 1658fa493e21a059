package org.gstats.plugin.metrics.internal.complexity;

import java.util.Arrays;
import java.util.Set;

import org.gstats.plugin.metrics.internal.complexity.FunctionScope.Logical;
import org.gstats.plugin.metrics.internal.lexer.Token;
import org.gstats.plugin.metrics.internal.lexer.TokenKind;

/**
 * Boolean operators over a token range, shared by the analyzers: the McCabe count of {@code &&}/{@code ||}
 * ({@code and}/{@code or}), and the cognitive "sequence of like operators" rule.
 */
final class Logic {

    private static final Set<String> CUTS = Set.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=",
            ">>=", ">>>=", "??=", "&&=", "||=", "**=", ".=", ":=", "?", ":", "->", "=>");
    private static final Set<String> CONTROL = Set.of("if", "while", "for", "foreach", "switch", "when", "match",
            "catch", "do", "loop", "select", "unless", "until", "elif", "elsif", "lambda");

    private final Token[] t;
    private final int[] match;

    Logic(Token[] tokens, int[] match) {
        this.t = tokens;
        this.match = match;
    }

    /** Number of boolean operators in {@code [from, to)}, nested groups included. */
    int count(int from, int to) {
        int count = 0;
        for (int k = from; k < to && k < t.length; k++) {
            if (isOperator(k, "&&", "and") || isOperator(k, "||", "or")) {
                count++;
            }
        }
        return count;
    }

    /**
     * Emulates the pre-order visit of the logical operator tree that Sonar's and PMD's rule walks: lowest
     * precedence first ({@code ||} chains, then {@code &&} chains, then operands left to right); a negation
     * breaks the running sequence.
     */
    void sequences(int from, int to, FunctionScope fn) {
        // each part between cuts is a tree of its own, visited in order; the parts are visited as they are found
        int start = from;
        for (int k = from; k < to; k = after(k)) {
            Token tk = t[k];
            if (punct(tk, ",") || punct(tk, ";") || tk.kind() == TokenKind.OPERATOR && CUTS.contains(tk.text())
                    || tk.kind() == TokenKind.KEYWORD && (tk.textIs("if") || tk.textIs("else"))
                            && k > from) {
                sequences(start, k, fn);
                start = k + 1;
            }
        }
        if (start != from) {
            sequences(start, to, fn);
            return;
        }
        if (holds(from, to, "||", "or")) {
            fn.logical(Logical.OR);
        }
        int part = from;
        for (int k = from; ; k = after(k)) {
            boolean last = k >= to;
            if (last || isOperator(k, "||", "or")) {
                conjunction(part, last ? to : k, fn);
                if (last) {
                    return;
                }
                part = k + 1;
            }
        }
    }

    /** One operand of {@code ||}: its {@code &&} chain, then each operand of that. */
    private void conjunction(int from, int to, FunctionScope fn) {
        if (holds(from, to, "&&", "and")) {
            fn.logical(Logical.AND);
        }
        int part = from;
        for (int k = from; ; k = after(k)) {
            boolean last = k >= to;
            if (last || isOperator(k, "&&", "and")) {
                operand(part, last ? to : k, fn);
                if (last) {
                    return;
                }
                part = k + 1;
            }
        }
    }

    /** Whether the operator stands in {@code [from, to)} outside brackets. */
    private boolean holds(int from, int to, String symbol, String word) {
        for (int k = from; k < to; k = after(k)) {
            if (isOperator(k, symbol, word)) {
                return true;
            }
        }
        return false;
    }

    private void operand(int from, int to, FunctionScope fn) {
        int k = from;
        while (k < to) {
            Token tk = t[k];
            if (tk.kind() == TokenKind.OPERATOR && tk.textIs("!")
                    || tk.kind() == TokenKind.KEYWORD && tk.textIs("not")) {
                fn.logical(null);
            }
            if (tk.kind() == TokenKind.KEYWORD && CONTROL.contains(tk.text())) {
                return;
            }
            if (punct(tk, "(") || punct(tk, "[")) {
                sequences(k + 1, Math.min(match[k], to), fn);
            }
            k = after(k);
        }
    }

    private boolean isOperator(int k, String symbol, String word) {
        Token tk = t[k];
        return tk.kind() == TokenKind.OPERATOR && tk.textIs(symbol)
                || tk.kind() == TokenKind.KEYWORD && tk.textIs(word);
    }

    private int after(int k) {
        Token tk = t[k];
        if (tk.kind() == TokenKind.PUNCTUATION && (tk.textIs("(") || tk.textIs("[")
                || tk.textIs("{"))) {
            return Math.min(match[k] + 1, t.length);
        }
        return k + 1;
    }

    private static boolean punct(Token tk, String text) {
        return tk.kind() == TokenKind.PUNCTUATION && tk.textIs(text);
    }

    /** For each bracket, the index of its partner; an unclosed bracket is closed at the end of the tokens. */
    static int[] matchBrackets(Token[] tokens) {
        int size = tokens.length;
        int[] partner = new int[size];
        // open brackets: their indexes, and their characters beside them
        int[] open = new int[16];
        char[] openChar = new char[16];
        int depth = 0;
        for (int k = 0; k < size; k++) {
            partner[k] = -1;
            Token tk = tokens[k];
            if (tk.kind() != TokenKind.PUNCTUATION || tk.text().length() != 1) {
                continue;
            }
            char c = tk.text().charAt(0);
            if (c == '(' || c == '[' || c == '{') {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                    openChar = Arrays.copyOf(openChar, depth * 2);
                }
                open[depth] = k;
                openChar[depth++] = c;
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                // a stray closing brace closes whatever is open inside it; other strays are ignored
                while (expected == '{' && depth > 0 && openChar[depth - 1] != '{') {
                    partner[open[--depth]] = k;
                }
                if (depth > 0 && openChar[depth - 1] == expected) {
                    int o = open[--depth];
                    partner[o] = k;
                    partner[k] = o;
                }
            }
        }
        while (depth > 0) {
            partner[open[--depth]] = size;
        }
        return partner;
    }
}
