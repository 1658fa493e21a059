package org.gstats.plugin.metrics.internal.complexity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gstats.plugin.metrics.internal.lexer.Token;
import org.gstats.plugin.metrics.internal.lexer.TokenKind;

/**
 * Complexity of Python: logical lines and their indented blocks, from the lexer's NEWLINE/INDENT/DEDENT tokens.
 */
final class PythonAnalyzer extends TokenAnalysis {

    /** A logical line and the block indented under it. */
    private record Line(int from, int to, List<Line> block) {
    }

    private record Context(FunctionScope fn, int nesting) {
        Context nested() {
            return new Context(fn, nesting + 1);
        }
    }

    private final List<Line> top;
    private final int[] match;
    private final Logic logic;
    private final List<FunctionScope> functions = new ArrayList<>();

    PythonAnalyzer(List<Token> tokens) {
        super(tokens.stream().filter(PythonAnalyzer::code).toArray(Token[]::new));
        List<List<Line>> stack = new ArrayList<>();
        List<Line> root = new ArrayList<>();
        stack.add(root);
        int lineStart = 0;
        // the code tokens so far: where a logical line ends in t
        int kept = 0;
        for (Token token : tokens) {
            switch (token.kind()) {
                case NEWLINE -> {
                    if (kept > lineStart) {
                        stack.get(stack.size() - 1).add(new Line(lineStart, kept, new ArrayList<>()));
                    }
                    lineStart = kept;
                }
                case INDENT -> {
                    List<Line> current = stack.get(stack.size() - 1);
                    if (current.isEmpty()) {
                        current.add(new Line(lineStart, lineStart, new ArrayList<>()));
                    }
                    stack.add(current.get(current.size() - 1).block());
                }
                case DEDENT -> {
                    if (stack.size() > 1) {
                        stack.remove(stack.size() - 1);
                    }
                }
                default -> {
                    if (code(token)) {
                        kept++;
                    }
                }
            }
        }
        if (kept > lineStart) {
            stack.get(stack.size() - 1).add(new Line(lineStart, kept, new ArrayList<>()));
        }
        this.top = root;
        this.match = Logic.matchBrackets(t);
        this.logic = new Logic(t, match);
    }

    /** Tokens the analysis reads: the layout tokens make the lines and blocks, comments count for nothing. */
    private static boolean code(Token token) {
        return switch (token.kind()) {
            case COMMENT, NEWLINE, INDENT, DEDENT -> false;
            default -> true;
        };
    }

    List<FunctionScope> analyze() {
        block(top, new Context(null, 0));
        functions.sort(Comparator.comparingInt((FunctionScope f) -> f.startLine));
        return functions;
    }

    private void block(List<Line> lines, Context ctx) {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.from() == line.to()) {
                block(line.block(), ctx);
                continue;
            }
            if (ctx.fn() != null) {
                ctx.fn().sequence = null;
                ctx.fn().reached(ctx.nesting());
            }
            String first = word(line.from());
            int head = line.from();
            if (first.equals("async")) {
                head++;
                first = word(head);
            }
            switch (first) {
                case "def" -> function(line, head, ctx);
                case "class" -> {
                    expression(head + 1, headerColon(line), ctx);
                    block(line.block(), ctx.fn() == null ? ctx : ctx.nested());
                }
                case "if", "while", "for" -> {
                    branch(line, head, ctx, true);
                    i = clauses(lines, i, ctx);
                }
                case "try" -> {
                    body(line, head, ctx);
                    i = clauses(lines, i, ctx);
                }
                case "with" -> {
                    int colon = headerColon(line);
                    expression(head + 1, colon, ctx);
                    body(line, colon, ctx);
                }
                default -> {
                    if (isMatchStatement(line)) {
                        matchStatement(line, ctx);
                    } else {
                        statement(line.from(), line.to(), ctx);
                    }
                }
            }
        }
    }

    /** The elif/else/except/finally lines following a compound statement; returns the last one's index. */
    private int clauses(List<Line> lines, int i, Context ctx) {
        int j = i + 1;
        while (j < lines.size() && lines.get(j).from() < lines.get(j).to()) {
            Line clause = lines.get(j);
            String w = word(clause.from());
            if (w.equals("elif")) {
                if (ctx.fn() != null) {
                    ctx.fn().fundamental();
                }
                branch(clause, clause.from(), ctx, false);
            } else if (w.equals("except")) {
                branch(clause, clause.from(), ctx, true);
            } else if (w.equals("else")) {
                String compound = word(lines.get(i).from());
                if (ctx.fn() != null && !compound.equals("if")) {
                    // the else of a loop or try runs only when no break or exception left it: a branch of its own
                    ctx.fn().cyclomatic++;
                }
                if (ctx.fn() != null && !compound.equals("try")) {
                    ctx.fn().fundamental();
                }
                body(clause, clause.from() + 1, ctx.nested());
            } else if (w.equals("finally")) {
                body(clause, clause.from() + 1, ctx);
            } else {
                break;
            }
            j++;
        }
        return j - 1;
    }

    /** if/elif/while/for/except: a decision point; structural unless an elif. */
    private void branch(Line line, int head, Context ctx, boolean structural) {
        int colon = headerColon(line);
        if (ctx.fn() != null) {
            ctx.fn().cyclomatic++;
            if (structural) {
                ctx.fn().structural(ctx.nesting());
            }
        }
        expression(head + 1, colon, ctx);
        body(line, colon, ctx.nested());
    }

    /** The body of a compound statement whose header ends at {@code colon}: the rest of the line or the block. */
    private void body(Line line, int colon, Context ctx) {
        if (ctx.fn() != null) {
            ctx.fn().reached(ctx.nesting());
        }
        if (colon + 1 < line.to()) {
            statement(colon + 1, line.to(), ctx);
        }
        block(line.block(), ctx);
    }

    private void function(Line line, int head, Context ctx) {
        int nameAt = head + 1;
        String name = nameAt < line.to() ? tok(nameAt).text() : "<anonymous>";
        int paren = nameAt + 1;
        int params = paren < line.to() && punct(paren, "(") ? parameters(paren) : 0;
        Context place = ctx.fn() == null ? ctx : ctx.nested();
        FunctionScope scope = new FunctionScope(name, tok(head).line(), params, ctx.fn(), place.nesting());
        functions.add(scope);
        Context inner = new Context(scope, 0);
        body(line, headerColon(line), inner);
        scope.endLine = lastLine(line);
    }

    /** {@code match} is a soft keyword: a statement only as {@code match subject:} over a block. */
    private boolean isMatchStatement(Line line) {
        Token first = tok(line.from());
        return first.kind() == TokenKind.IDENTIFIER && first.textIs("match") && !line.block().isEmpty()
                && op(line.to() - 1, ":") && line.to() - line.from() > 2;
    }

    private void matchStatement(Line line, Context ctx) {
        if (ctx.fn() != null) {
            ctx.fn().structural(ctx.nesting());
        }
        expression(line.from() + 1, line.to() - 1, ctx);
        Context inside = ctx.nested();
        for (Line arm : line.block()) {
            if (arm.from() == arm.to()) {
                continue;
            }
            int colon = headerColon(arm);
            boolean wildcard = colon == arm.from() + 2 && tok(arm.from() + 1).textIs("_");
            if (ctx.fn() != null && !wildcard) {
                int alternatives = 1;
                for (int k = arm.from() + 1; k < colon; k = punct(k, "(") || punct(k, "[") || punct(k, "{")
                        ? Math.min(match[k] + 1, colon) : k + 1) {
                    alternatives += op(k, "|") ? 1 : 0;
                }
                ctx.fn().cyclomatic += alternatives;
            }
            body(arm, colon, inside);
        }
    }

    /** A simple statement (or several separated by semicolons); an assert branches to its failure. */
    private void statement(int from, int to, Context ctx) {
        if (ctx.fn() != null && word(from).equals("assert")) {
            ctx.fn().cyclomatic++;
        }
        expression(from, to, ctx);
    }

    /** An expression root; each {@code and}/{@code or} in it is a decision point wherever it stands, as radon counts. */
    private void expression(int from, int to, Context ctx) {
        if (ctx.fn() != null) {
            ctx.fn().cyclomatic += logic.count(from, to);
            logic.sequences(from, to, ctx.fn());
        }
        walk(from, to, ctx, assignedName(from, to));
    }

    /** Conditional expressions, comprehensions, lambdas, recursive calls. */
    private void walk(int from, int to, Context ctx, String assignedTo) {
        int k = from;
        while (k < to) {
            Token tk = tok(k);
            if (tk.kind() == TokenKind.KEYWORD) {
                switch (tk.text()) {
                    case "lambda" -> {
                        k = lambda(k, to, ctx, assignedTo);
                        continue;
                    }
                    case "if" -> {
                        if (ctx.fn() != null) {
                            int elseAt = find(k + 1, to, "else");
                            if (elseAt >= 0) {
                                ctx.fn().cyclomatic++;
                                ctx.fn().structural(ctx.nesting());
                            } else {
                                ctx.fn().cyclomatic++;
                                ctx.fn().fundamental();
                            }
                        }
                    }
                    case "for" -> {
                        if (ctx.fn() != null) {
                            ctx.fn().cyclomatic++;
                            ctx.fn().fundamental();
                        }
                    }
                    default -> {
                    }
                }
            }
            if (punct(k, "(") && k > from && tok(k - 1).kind() == TokenKind.IDENTIFIER) {
                recursion(k, ctx);
            }
            if (punct(k, "(") || punct(k, "[") || punct(k, "{")) {
                walk(k + 1, Math.min(match[k], to), ctx, null);
                k = Math.min(match[k] + 1, to);
                continue;
            }
            k++;
        }
    }

    private int lambda(int at, int to, Context ctx, String assignedTo) {
        int colon = at + 1;
        int params = 0;
        boolean any = false;
        while (colon < to && !op(colon, ":")) {
            any = true;
            if (punct(colon, ",")) {
                params++;
            }
            colon = punct(colon, "(") ? Math.min(match[colon] + 1, to) : colon + 1;
        }
        params += any ? 1 : 0;
        int end = colon + 1;
        while (end < to && !punct(end, ",") && !punct(end, ")") && !punct(end, "]") && !punct(end, "}")) {
            end = punct(end, "(") || punct(end, "[") || punct(end, "{") ? Math.min(match[end] + 1, to) : end + 1;
        }
        if (ctx.fn() == null) {
            FunctionScope own = new FunctionScope(assignedTo != null ? assignedTo : "<lambda>", tok(at).line(),
                    params, null, 0);
            functions.add(own);
            expression(colon + 1, end, new Context(own, 0));
            own.endLine = endLineAt(Math.max(at, end - 1));
        } else {
            walk(colon + 1, end, ctx.nested(), null);
        }
        return end;
    }

    private void recursion(int paren, Context ctx) {
        if (ctx.fn() == null) {
            return;
        }
        String name = tok(paren - 1).text();
        boolean qualified = paren >= 2 && op(paren - 2, ".");
        if (qualified && !(paren >= 3 && (tok(paren - 3).textIs("self")
                || tok(paren - 3).textIs("cls")))) {
            return;
        }
        for (FunctionScope f = ctx.fn(); f != null; f = f.parent) {
            if (f.name.equals(name)) {
                ctx.fn().fundamental();
                return;
            }
        }
    }

    /** {@code name = lambda ...}: the name a top-level lambda is reported under. */
    private String assignedName(int from, int to) {
        if (to - from > 2 && tok(from).kind() == TokenKind.IDENTIFIER && op(from + 1, "=")) {
            return tok(from).text();
        }
        return null;
    }

    private int parameters(int paren) {
        int close = Math.min(match[paren], t.length);
        int count = 0;
        int itemStart = paren + 1;
        boolean first = true;
        for (int k = paren + 1; k <= close && k < t.length + 1; ) {
            if (k == close || punct(k, ",")) {
                int length = k - itemStart;
                boolean marker = length == 1 && (op(itemStart, "*") || op(itemStart, "/"));
                boolean receiver = first && length >= 1 && (tok(itemStart).textIs("self")
                        || tok(itemStart).textIs("cls")) && (length == 1 || op(itemStart + 1, ":"));
                if (length > 0 && !marker && !receiver) {
                    count++;
                }
                first = false;
                itemStart = k + 1;
                if (k == close) {
                    break;
                }
                k++;
                continue;
            }
            k = punct(k, "(") || punct(k, "[") || punct(k, "{") ? Math.min(match[k] + 1, close) : k + 1;
        }
        return count;
    }

    /** The colon ending a compound statement's header (lambda colons skipped), or the line's end. */
    private int headerColon(Line line) {
        int lambdas = 0;
        for (int k = line.from(); k < line.to(); ) {
            if (tok(k).kind() == TokenKind.KEYWORD && tok(k).textIs("lambda")) {
                lambdas++;
            } else if (op(k, ":")) {
                if (lambdas == 0) {
                    return k;
                }
                lambdas--;
            }
            k = punct(k, "(") || punct(k, "[") || punct(k, "{") ? Math.min(match[k] + 1, line.to()) : k + 1;
        }
        return line.to();
    }

    private int find(int from, int to, String keyword) {
        for (int k = from; k < to; ) {
            if (tok(k).kind() == TokenKind.KEYWORD && tok(k).textIs(keyword)) {
                return k;
            }
            k = punct(k, "(") || punct(k, "[") || punct(k, "{") ? Math.min(match[k] + 1, to) : k + 1;
        }
        return -1;
    }

    private int lastLine(Line line) {
        int last = endLineAt(Math.max(line.from(), line.to() - 1));
        if (!line.block().isEmpty()) {
            last = Math.max(last, lastLine(line.block().get(line.block().size() - 1)));
        }
        return last;
    }

    private String word(int k) {
        return tok(k).kind() == TokenKind.KEYWORD ? tok(k).text() : "";
    }

}
