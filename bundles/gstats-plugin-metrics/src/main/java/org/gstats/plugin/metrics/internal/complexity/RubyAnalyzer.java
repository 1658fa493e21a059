package org.gstats.plugin.metrics.internal.complexity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.gstats.plugin.metrics.internal.lexer.Token;
import org.gstats.plugin.metrics.internal.lexer.TokenKind;

/**
 * Complexity of Ruby: {@code end}-terminated constructs and blocks, read by recursive descent over tokens;
 * {@code if}/{@code unless}/{@code while}/{@code until}/{@code rescue} after an operand are modifiers.
 */
final class RubyAnalyzer extends TokenAnalysis {

    private static final Set<String> CLAUSES = Set.of("end", "else", "elsif", "when", "in", "rescue", "ensure");
    private static final Set<String> OPERAND_KEYWORDS = Set.of("end", "self", "nil", "true", "false", "super");

    private record Context(FunctionScope fn, int nesting) {
        Context nested() {
            return new Context(fn, nesting + 1);
        }
    }

    private final int[] match;
    private final Logic logic;
    private final List<FunctionScope> functions = new ArrayList<>();

    RubyAnalyzer(List<Token> tokens) {
        super(tokens.stream().filter(token -> token.kind() != TokenKind.COMMENT).toArray(Token[]::new));
        this.match = Logic.matchBrackets(t);
        this.logic = new Logic(t, match);
    }

    List<FunctionScope> analyze() {
        int i = 0;
        while (i < t.length) {
            i = Math.max(body(i, t.length, new Context(null, 0)), i + 1);
        }
        functions.sort(Comparator.comparingInt((FunctionScope f) -> f.startLine));
        return functions;
    }

    /** Statements until a clause keyword, a closing bracket or {@code to}; returns where it stopped. */
    private int body(int i, int to, Context ctx) {
        while (i < to) {
            Token tk = tok(i);
            if (tk.kind() == TokenKind.NEWLINE || punct(i, ";")) {
                i++;
                continue;
            }
            if (keyword(i) && CLAUSES.contains(tk.text()) || punct(i, ")") || punct(i, "]") || punct(i, "}")) {
                return i;
            }
            if (ctx.fn() != null) {
                ctx.fn().sequence = null;
                ctx.fn().reached(ctx.nesting());
            }
            i = Math.max(statement(i, to, ctx), i + 1);
        }
        return to;
    }

    private int statement(int start, int to, Context ctx) {
        boolean plain = !(keyword(start) && Set.of("if", "unless", "while", "until", "for", "case", "begin", "def",
                "class", "module").contains(tok(start).text()));
        if (plain && ctx.fn() != null) {
            logic.sequences(start, statementEnd(start, to), ctx.fn());
        }
        int k = start;
        while (k < to) {
            Token tk = tok(k);
            if (tk.kind() == TokenKind.NEWLINE || punct(k, ";") || punct(k, ")") || punct(k, "]")
                    || punct(k, "}")) {
                return k;
            }
            if (keyword(k)) {
                String w = tk.text();
                if (CLAUSES.contains(w) && !(w.equals("rescue") && k > start)) {
                    return k;
                }
                switch (w) {
                    case "def" -> {
                        k = def(k, to, ctx);
                        continue;
                    }
                    case "class", "module" -> {
                        int end = body(lineEnd(k, to), to, ctx.fn() == null ? ctx : ctx.nested());
                        k = closeEnd(end);
                        continue;
                    }
                    case "if", "unless", "while", "until", "rescue" -> {
                        if (isModifier(k, start)) {
                            int end = statementEnd(k, to);
                            decision(k + 1, end, ctx, true);
                            k++;
                            continue;
                        }
                        k = w.equals("if") || w.equals("unless") ? ifConstruct(k, to, ctx) : loop(k, to, ctx);
                        continue;
                    }
                    case "for" -> {
                        k = loop(k, to, ctx);
                        continue;
                    }
                    case "case" -> {
                        k = caseConstruct(k, to, ctx);
                        continue;
                    }
                    case "begin" -> {
                        k = beginConstruct(k, to, ctx);
                        continue;
                    }
                    case "do" -> {
                        k = block(k + 1, to, ctx, false);
                        continue;
                    }
                    default -> {
                    }
                }
            }
            if (punct(k, "{")) {
                if (k > start && isBlockBrace(k)) {
                    block(k + 1, match[k], ctx, true);
                } else {
                    body(k + 1, match[k], ctx);
                }
                k = after(k);
                continue;
            }
            if (punct(k, "(") || punct(k, "[")) {
                body(k + 1, match[k], ctx);
                k = after(k);
                continue;
            }
            if (tk.kind() == TokenKind.OPERATOR && tk.textIs("?") && ctx.fn() != null) {
                ctx.fn().cyclomatic += 1 + logic.count(start, k);
                ctx.fn().structural(ctx.nesting());
            }
            if (tk.kind() == TokenKind.IDENTIFIER && ctx.fn() != null) {
                recursion(k, ctx);
            }
            k++;
        }
        return k;
    }

    /** A condition from {@code from} to {@code to}: a decision point and, if structural, a nesting increment. */
    private void decision(int from, int to, Context ctx, boolean structural) {
        if (ctx.fn() == null) {
            return;
        }
        ctx.fn().cyclomatic += 1 + logic.count(from, to);
        if (structural) {
            ctx.fn().structural(ctx.nesting());
        } else {
            ctx.fn().fundamental();
        }
        logic.sequences(from, to, ctx.fn());
    }

    private int ifConstruct(int k, int to, Context ctx) {
        int cond = conditionEnd(k + 1, to);
        decision(k + 1, cond, ctx, true);
        walkCondition(k + 1, cond, ctx);
        int j = body(cond, to, ctx.nested());
        while (j < to && keyword(j) && tok(j).textIs("elsif")) {
            int c = conditionEnd(j + 1, to);
            decision(j + 1, c, ctx, false);
            walkCondition(j + 1, c, ctx);
            j = body(c, to, ctx.nested());
        }
        if (j < to && keyword(j) && tok(j).textIs("else")) {
            if (ctx.fn() != null) {
                ctx.fn().fundamental();
            }
            j = body(j + 1, to, ctx.nested());
        }
        return closeEnd(j);
    }

    private int loop(int k, int to, Context ctx) {
        int cond = conditionEnd(k + 1, to);
        decision(k + 1, cond, ctx, true);
        walkCondition(k + 1, cond, ctx);
        return closeEnd(body(cond, to, ctx.nested()));
    }

    private int caseConstruct(int k, int to, Context ctx) {
        int subject = lineEnd(k, to);
        if (ctx.fn() != null) {
            ctx.fn().structural(ctx.nesting());
        }
        Context inside = ctx.nested();
        int j = body(subject, to, ctx);
        while (j < to && keyword(j) && (tok(j).textIs("when") || tok(j).textIs("in"))) {
            int c = conditionEnd(j + 1, to);
            if (ctx.fn() != null) {
                int alternatives = 1;
                for (int a = j + 1; a < c; a = after(a)) {
                    alternatives += punct(a, ",") ? 1 : 0;
                }
                ctx.fn().cyclomatic += alternatives + logic.count(j + 1, c);
            }
            j = body(c, to, inside);
        }
        if (j < to && keyword(j) && tok(j).textIs("else")) {
            j = body(j + 1, to, inside);
        }
        return closeEnd(j);
    }

    private int beginConstruct(int k, int to, Context ctx) {
        return closeEnd(rescueClauses(body(k + 1, to, ctx), to, ctx));
    }

    /** rescue/else/ensure clauses of a begin or def body, starting at {@code j}. */
    private int rescueClauses(int j, int to, Context ctx) {
        while (j < to && keyword(j) && tok(j).textIs("rescue")) {
            int c = lineEnd(j, to);
            decision(j + 1, j + 1, ctx, true);
            j = body(c, to, ctx.nested());
        }
        if (j < to && keyword(j) && tok(j).textIs("else")) {
            j = body(j + 1, to, ctx);
        }
        if (j < to && keyword(j) && tok(j).textIs("ensure")) {
            j = body(j + 1, to, ctx);
        }
        return j;
    }

    private int def(int k, int to, Context ctx) {
        int j = k + 1;
        if (j + 1 < to && (tok(j).textIs("self") || tok(j).kind() == TokenKind.IDENTIFIER)
                && op(j + 1, ".")) {
            j += 2;
        }
        String name = j < to ? tok(j).text() : "<anonymous>";
        j++;
        while (j < to && tok(j).kind() == TokenKind.OPERATOR && !op(j, "=") && !punct(j, "(")) {
            name += tok(j).text();
            j++;
        }
        int params;
        int bodyStart;
        if (punct(j, "(")) {
            params = parameters(j + 1, match[j]);
            bodyStart = after(j);
        } else {
            int end = lineEnd(j, to);
            params = end > j ? parameters(j, end) : 0;
            bodyStart = end;
        }
        Context place = ctx.fn() == null ? ctx : ctx.nested();
        FunctionScope scope = new FunctionScope(name, tok(k).line(), params, ctx.fn(), place.nesting());
        functions.add(scope);
        Context inner = new Context(scope, 0);
        int end;
        if (op(bodyStart, "=")) {
            end = statementEnd(bodyStart + 1, to);
            statement(bodyStart + 1, end, inner);
            scope.endLine = endLineAt(Math.max(k, end - 1));
            return end;
        }
        int stop = rescueClauses(body(bodyStart, to, inner), to, inner);
        scope.endLine = endLineAt(stop);
        return closeEnd(stop);
    }

    /** A do- or brace-block body: nested code of the enclosing function; outside any function, not measured. */
    private int block(int from, int to, Context ctx, boolean braces) {
        int j = from;
        if (op(j, "|") || op(j, "||")) {
            j = op(j, "||") ? j + 1 : indexOf(j + 1, to, "|") + 1;
        }
        Context inner = ctx.fn() == null ? ctx : ctx.nested();
        if (braces) {
            body(j, to, inner);
            return to;
        }
        return closeEnd(rescueClauses(body(j, to, inner), to, inner));
    }

    private void walkCondition(int from, int to, Context ctx) {
        for (int k = from; k < to; k++) {
            if (tok(k).kind() == TokenKind.IDENTIFIER && ctx.fn() != null) {
                recursion(k, ctx);
            }
        }
    }

    private void recursion(int k, Context ctx) {
        String name = tok(k).text();
        if (k > 0 && (op(k - 1, ".") || op(k - 1, "&.")) && !(k > 1 && tok(k - 2).textIs("self"))) {
            return;
        }
        if (k + 1 < t.length && (op(k + 1, "=") || op(k + 1, "."))) {
            return;
        }
        for (FunctionScope f = ctx.fn(); f != null; f = f.parent) {
            if (f.name.equals(name)) {
                ctx.fn().fundamental();
                return;
            }
        }
    }

    private boolean isModifier(int k, int start) {
        if (k == start) {
            return false;
        }
        Token prev = tok(k - 1);
        return switch (prev.kind()) {
            case IDENTIFIER, NUMBER, STRING, CHAR -> true;
            case PUNCTUATION -> prev.textIs(")") || prev.textIs("]") || prev.textIs("}");
            case KEYWORD -> OPERAND_KEYWORDS.contains(prev.text()) || prev.textIs("return")
                    || prev.textIs("break") || prev.textIs("next") || prev.textIs("redo")
                    || prev.textIs("retry");
            default -> false;
        };
    }

    /** A brace after a call (or lambda arrow) opens a block; elsewhere it is a hash literal. */
    private boolean isBlockBrace(int k) {
        Token prev = tok(k - 1);
        return prev.kind() == TokenKind.IDENTIFIER || punct(k - 1, ")") || op(k - 1, "->")
                || prev.kind() == TokenKind.KEYWORD && prev.textIs("lambda");
    }

    /** End of a condition: line end, {@code ;}, {@code then} or {@code do}. */
    private int conditionEnd(int from, int to) {
        int k = from;
        while (k < to && tok(k).kind() != TokenKind.NEWLINE && !punct(k, ";")
                && !(keyword(k) && (tok(k).textIs("then") || tok(k).textIs("do")))) {
            k = after(k);
        }
        return k < to && keyword(k) ? k + 1 : k;
    }

    private int statementEnd(int from, int to) {
        int k = from;
        while (k < to && tok(k).kind() != TokenKind.NEWLINE && !punct(k, ";") && !punct(k, ")")
                && !punct(k, "]") && !punct(k, "}")) {
            k = after(k);
        }
        return k;
    }

    private int lineEnd(int from, int to) {
        int k = from;
        while (k < to && tok(k).kind() != TokenKind.NEWLINE && !punct(k, ";")) {
            k = after(k);
        }
        return k;
    }

    /** Past the {@code end} at {@code j}, if that is where the construct stopped. */
    private int closeEnd(int j) {
        return j < t.length && keyword(j) && tok(j).textIs("end") ? j + 1 : j;
    }

    private int parameters(int from, int to) {
        if (to <= from) {
            return 0;
        }
        int count = 1;
        for (int k = from; k < to; k = after(k)) {
            count += punct(k, ",") ? 1 : 0;
        }
        return count;
    }

    private int indexOf(int from, int to, String operator) {
        for (int k = from; k < to; k++) {
            if (op(k, operator)) {
                return k;
            }
        }
        return from - 1;
    }

    private int after(int k) {
        if (punct(k, "(") || punct(k, "[") || punct(k, "{")) {
            return Math.min(match[k] + 1, t.length);
        }
        return k + 1;
    }

    private boolean keyword(int k) {
        return tok(k).kind() == TokenKind.KEYWORD;
    }

}
