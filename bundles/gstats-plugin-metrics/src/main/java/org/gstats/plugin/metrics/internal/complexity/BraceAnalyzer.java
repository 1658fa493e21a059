package org.gstats.plugin.metrics.internal.complexity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.plugin.metrics.internal.complexity.BraceSyntax.Lambda;
import org.gstats.plugin.metrics.internal.lexer.Token;
import org.gstats.plugin.metrics.internal.lexer.TokenKind;

/**
 * Complexity of the brace-block languages, read from tokens by a tolerant recursive descent: statements where
 * code runs, declarations where types and functions are declared. One instance reads one file.
 */
final class BraceAnalyzer extends TokenAnalysis {

    private static final Set<String> ASSIGNMENTS = Set.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
            "<<=", ">>=", ">>>=", "??=", "&&=", "||=", "**=", ".=", ":=");
    /** Words that may stand before a function declaration in statement position. */
    private static final Set<String> MODIFIERS = Set.of("export", "default", "async", "declare", "pub", "unsafe",
            "const", "extern", "static");
    /** Statements that guard a block without branching. */
    private static final Set<String> PLAIN_BLOCKS = Set.of("synchronized", "using", "lock", "fixed", "unsafe",
            "checked", "unchecked", "static");

    /**
     * Where code is: the function counting it, the cognitive nesting level relative to that function, and whether
     * its decision points are the function's (not so in a Java lambda, whose body PMD treats as a graph of its own).
     */
    private record Context(FunctionScope fn, int nesting, boolean decides) {
        Context(FunctionScope fn, int nesting) {
            this(fn, nesting, true);
        }

        Context nested() {
            return new Context(fn, nesting + 1, decides);
        }

        Context deeper(int levels) {
            return new Context(fn, nesting + levels, decides);
        }

        void decisions(int count) {
            if (fn != null && decides) {
                fn.cyclomatic += count;
            }
        }
    }

    /** A call that may be recursive, settled once every function of the file is known. */
    private record Call(FunctionScope caller, String name, int arguments) {
    }

    private final BraceSyntax syntax;
    private final int[] match;
    private final Logic logic;
    private final List<FunctionScope> functions = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();

    BraceAnalyzer(BraceSyntax syntax, List<Token> tokens) {
        super(code(tokens));
        this.syntax = syntax;
        this.match = Logic.matchBrackets(t);
        this.logic = new Logic(t, match);
    }

    private static Token[] code(List<Token> tokens) {
        Token[] code = new Token[tokens.size()];
        int size = 0;
        for (Token token : tokens) {
            if (token.kind() == TokenKind.TEXT) {
                // PHP: HTML between tags ends a statement, as the closing tag does
                code[size++] = new Token(TokenKind.PUNCTUATION, ";", token.line(), token.column());
            } else if (!token.isTrivia() && token.kind() != TokenKind.PREPROCESSOR) {
                code[size++] = token;
            }
        }
        return Arrays.copyOf(code, size);
    }

    List<FunctionScope> analyze() {
        Context top = new Context(null, 0);
        if (syntax.declarationTopLevel()) {
            members(0, t.length, top);
        } else {
            statements(0, t.length, top);
        }
        settleRecursion();
        functions.sort(Comparator.comparingInt((FunctionScope f) -> f.startLine));
        return functions;
    }

    // ---- declarations ----

    private void members(int from, int to, Context ctx) {
        int i = from;
        while (i < to) {
            i = Math.max(member(i, to, ctx), i + 1);
        }
    }

    private int member(int i, int to, Context ctx) {
        if (punct(i, ";") || punct(i, ",") || punct(i, ")") || punct(i, "]") || punct(i, "}")) {
            return i + 1;
        }
        int start = skipAnnotations(i, to);
        if (start >= to) {
            return to;
        }
        if (op(start + 1, ":") && (keyword(start, "public") || keyword(start, "private")
                || keyword(start, "protected"))) {
            return start + 2;
        }
        Integer candidate = null;
        boolean initializers = false;
        int j = start;
        while (j < to) {
            Token tk = tok(j);
            if (tk.kind() == TokenKind.KEYWORD && syntax.functionKeywords().contains(tk.text())) {
                return keywordFunction(start, j, to, ctx, true, null);
            }
            if (isTypeDeclaration(j)) {
                return typeDeclaration(j, to, ctx);
            }
            if (punct(j, "(")) {
                if (candidate == null && j > start && isNameToken(j - 1)) {
                    candidate = j;
                }
                j = after(j);
                continue;
            }
            if (punct(j, "[")) {
                j = after(j);
                continue;
            }
            if (candidate != null && op(j, ":") && syntax.lambda() == Lambda.CPP) {
                initializers = true;
            }
            if (punct(j, "{") && initializers && (tok(j - 1).kind() == TokenKind.IDENTIFIER || op(j - 1, ">"))) {
                // C++ constructor initializer list: member{value}
                j = after(j);
                continue;
            }
            if (punct(j, "{")) {
                if (candidate != null) {
                    return function(nameBefore(candidate), start, candidate, j, ctx);
                }
                members(j + 1, match[j], ctx);
                return after(j);
            }
            if (punct(j, ";") || punct(j, "}")) {
                return j + 1;
            }
            if (op(j, "=>") && candidate != null) {
                return expressionFunction(nameBefore(candidate), start, candidate, j + 1, to, ctx);
            }
            if (op(j, "=") || op(j, "=>")) {
                int end = statementEnd(j + 1, to);
                walk(j + 1, end, ctx, j > start ? tok(j - 1).text() : null);
                return end;
            }
            if (j > start && syntax.newlineStatements() && lineBreakEnds(j)) {
                return j;
            }
            j++;
        }
        return to;
    }

    private int skipAnnotations(int i, int to) {
        int j = i;
        while (j < to) {
            if (op(j, "@") && j + 1 < to && tok(j + 1).kind() != TokenKind.KEYWORD) {
                j += 2;
                while (j + 1 < to && op(j, ".")) {
                    j += 2;
                }
                if (punct(j, "(")) {
                    j = after(j);
                }
            } else if (op(j, "#") && punct(j + 1, "[")) {
                j = after(j + 1);
            } else if (punct(j, "[") && syntax.language().equals("C#")) {
                j = after(j);
            } else {
                return j;
            }
        }
        return j;
    }

    private boolean isTypeDeclaration(int j) {
        Token tk = tok(j);
        if (tk.kind() != TokenKind.KEYWORD || !syntax.typeKeywords().contains(tk.text())) {
            return false;
        }
        if (tk.textIs("record")) {
            return j + 2 < t.length && tok(j + 1).kind() == TokenKind.IDENTIFIER
                    && (punct(j + 2, "(") || op(j + 2, "<"));
        }
        if (tk.textIs("object")) {
            return true;
        }
        return !(j > 0 && (op(j - 1, ".") || op(j - 1, "::")));
    }

    /** A class-like declaration at {@code j}: its body holds members. */
    private int typeDeclaration(int j, int to, Context ctx) {
        int k = j + 1;
        while (k < to) {
            if (punct(k, "{")) {
                members(k + 1, match[k], ctx.fn() == null ? ctx : ctx.nested());
                return after(k);
            }
            if (punct(k, ";") || punct(k, "}") || op(k, "=")) {
                return k;
            }
            if (punct(k, "(") || punct(k, "[")) {
                k = after(k);
                continue;
            }
            if (syntax.newlineStatements() && lineBreakEnds(k) && !op(k, ":") && !op(k - 1, ":")) {
                return k;
            }
            k++;
        }
        return to;
    }

    /** {@code fun}, {@code function}, {@code fn}, {@code func} at {@code kw}, declared from {@code start}. */
    private int keywordFunction(int start, int kw, int to, Context ctx, boolean declaration, String fallbackName) {
        int k = kw + 1;
        if (syntax.lambda() == Lambda.GO && punct(k, "(") && k + 1 < to
                && tok(after(k)).kind() == TokenKind.IDENTIFIER && punct(after(k) + 1, "(")) {
            k = after(k);
        }
        String name = null;
        while (k < to && !punct(k, "(") && !punct(k, "{") && !punct(k, ";")) {
            if (tok(k).kind() == TokenKind.IDENTIFIER) {
                name = tok(k).text();
            }
            k = op(k, "<") ? typeArgumentsEnd(k, to) : k + 1;
        }
        if (!punct(k, "(")) {
            return Math.max(k, kw + 1);
        }
        int body = after(k);
        while (body < to && !punct(body, "{") && !punct(body, ";") && !op(body, "=") && !op(body, "=>")
                && !punct(body, "}") && !(syntax.newlineStatements() && lineBreakEnds(body)
                        && !punct(body, "{") && !op(body - 1, ":") && !op(body, ":"))) {
            if (punct(body, "(") || punct(body, "[")) {
                body = after(body);
            } else {
                body++;
            }
        }
        boolean own = (name != null && declaration) || ctx.fn() == null;
        String shown = name != null ? name : fallbackName != null ? fallbackName : "<anonymous>";
        if (punct(body, "{")) {
            if (own) {
                return function(shown, start, k, body, ctx);
            }
            block(body, ctx.nested());
            return after(body);
        }
        if (op(body, "=") || op(body, "=>")) {
            if (own) {
                return expressionFunction(shown, start, k, body + 1, to, ctx);
            }
            int end = expressionEnd(body + 1, to);
            walk(body + 1, end, ctx.nested(), null);
            return end;
        }
        return body;
    }

    /** Index after the type parameters opened by the {@code <} at {@code k}. */
    private int typeArgumentsEnd(int k, int to) {
        int depth = 0;
        int j = k;
        while (j < to) {
            if (op(j, "<")) {
                depth++;
            } else if (op(j, ">") || op(j, ">>") || op(j, ">>>")) {
                depth -= tok(j).text().length();
                if (depth <= 0) {
                    return j + 1;
                }
            } else if (punct(j, ";")) {
                return j;
            }
            j = after(j);
        }
        return to;
    }

    /** A function whose block body opens at {@code open}. */
    private int function(String name, int start, int params, int open, Context ctx) {
        FunctionScope scope = scope(name, start, params, ctx);
        block(open, new Context(scope, 0));
        scope.endLine = endLineAt(match[open]);
        return after(open);
    }

    /** A function whose body is the expression starting at {@code bodyStart}. */
    private int expressionFunction(String name, int start, int params, int bodyStart, int to, Context ctx) {
        FunctionScope scope = scope(name, start, params, ctx);
        int end = expressionEnd(bodyStart, to);
        expression(bodyStart, end, new Context(scope, 0));
        scope.endLine = endLineAt(Math.max(bodyStart, end - 1));
        return end;
    }

    /** {@code ctx} is where the function's body sits in its enclosing function, if any. */
    private FunctionScope scope(String name, int start, int params, Context ctx) {
        FunctionScope scope = new FunctionScope(name, tok(start).line(), parameters(params), ctx.fn(),
                ctx.nesting());
        functions.add(scope);
        return scope;
    }

    // ---- statements ----

    private void block(int open, Context ctx) {
        statements(open + 1, match[open], ctx);
    }

    private void statements(int from, int to, Context ctx) {
        int i = from;
        while (i < to) {
            if (ctx.fn() != null) {
                ctx.fn().sequence = null;
                ctx.fn().reached(ctx.nesting());
            }
            int next = statement(i, to, ctx);
            i = Math.max(next, i + 1);
        }
    }

    private int statement(int i, int to, Context ctx) {
        Token tk = tok(i);
        if (punct(tk, ";")) {
            return i + 1;
        }
        if (punct(tk, "{")) {
            if (syntax.lambda() == Lambda.KOTLIN) {
                return walkLambdaBlock(i, ctx);
            }
            block(i, ctx);
            return after(i);
        }
        if (tk.kind() == TokenKind.KEYWORD) {
            String w = tk.text();
            if (w.equals("if")) {
                return ifStatement(i, to, ctx, false);
            }
            if (syntax.loopKeywords().contains(w) || w.equals("loop")) {
                return loop(i, to, ctx);
            }
            if (w.equals("do") && syntax.lambda() != Lambda.RUST) {
                return doWhile(i, to, ctx);
            }
            if (syntax.switchKeywords().contains(w)) {
                return switchLike(i, to, ctx);
            }
            if (w.equals("try")) {
                return tryStatement(i, to, ctx);
            }
            if (PLAIN_BLOCKS.contains(w)) {
                int j = i + 1;
                if (punct(j, "(")) {
                    expression(j + 1, match[j], ctx);
                    j = after(j);
                }
                if (punct(j, "{")) {
                    block(j, ctx);
                    return after(j);
                }
            }
            if ((w.equals("break") || w.equals("continue")) && i + 1 < to
                    && tok(i + 1).kind() == TokenKind.IDENTIFIER && tok(i + 1).line() == tk.line()) {
                fundamental(ctx);
            }
            if (w.equals("goto")) {
                fundamental(ctx);
            }
            if (syntax.throwKeywords().contains(w) && ctx.fn() != null) {
                ctx.decisions(1);
            }
            int kw = i;
            while (kw + 1 < to && MODIFIERS.contains(tok(kw).text())) {
                kw++;
            }
            if (syntax.functionKeywords().contains(tok(kw).text()) && tok(kw).kind() == TokenKind.KEYWORD) {
                return keywordFunction(i, kw, to, ctx.fn() == null ? ctx : ctx.nested(), true, null);
            }
        }
        if (tk.kind() == TokenKind.IDENTIFIER && i + 1 < to && op(i + 1, ":") && syntax.ternary()
                && !syntax.language().equals("TypeScript")) {
            return i + 2;
        }
        if (isTypeDeclaration(i)) {
            return typeDeclaration(i, to, ctx);
        }
        int end = statementEnd(i, to);
        expression(i, end, ctx);
        return end;
    }

    private int ifStatement(int i, int to, Context ctx, boolean elseIf) {
        int[] cond = condition(i, to);
        if (ctx.fn() != null) {
            ctx.decisions(1 + logic.count(cond[0], cond[1]));
            if (!elseIf) {
                ctx.fn().structural(ctx.nesting());
            }
        }
        expression(cond[0], cond[1], ctx);
        int j = body(cond[2], to, ctx.nested());
        if (j < to && keyword(j, "else")) {
            fundamental(ctx);
            if (j + 1 < to && keyword(j + 1, "if")) {
                return ifStatement(j + 1, to, ctx, true);
            }
            return body(j + 1, to, ctx.nested());
        }
        if (j < to && keyword(j, "elseif")) {
            fundamental(ctx);
            return ifStatement(j, to, ctx, true);
        }
        return j;
    }

    private int loop(int i, int to, Context ctx) {
        boolean infinite = keyword(i, "loop");
        int[] cond = infinite ? new int[] {i + 1, i + 1, i + 1} : condition(i, to);
        if (ctx.fn() != null) {
            if (!infinite) {
                ctx.decisions(1 + logic.count(cond[0], cond[1]));
            }
            ctx.fn().structural(ctx.nesting());
        }
        expression(cond[0], cond[1], ctx);
        return body(cond[2], to, ctx.nested());
    }

    private int doWhile(int i, int to, Context ctx) {
        if (ctx.fn() != null) {
            ctx.fn().structural(ctx.nesting());
        }
        int j = body(i + 1, to, ctx.nested());
        if (j < to && keyword(j, "while")) {
            int[] cond = condition(j, to);
            if (ctx.fn() != null) {
                ctx.decisions(1 + logic.count(cond[0], cond[1]));
            }
            expression(cond[0], cond[1], ctx);
            j = cond[2];
            if (j < to && punct(j, ";")) {
                j++;
            }
        }
        return j;
    }

    private int tryStatement(int i, int to, Context ctx) {
        int j = i + 1;
        if (punct(j, "(")) {
            expression(j + 1, match[j], ctx);
            j = after(j);
        }
        j = body(j, to, ctx);
        while (j < to && keyword(j, "catch")) {
            if (ctx.fn() != null) {
                ctx.decisions(1);
                ctx.fn().structural(ctx.nesting());
            }
            j++;
            if (punct(j, "(")) {
                j = after(j);
            }
            j = body(j, to, ctx.nested());
        }
        if (j < to && keyword(j, "finally")) {
            j = body(j + 1, to, ctx);
        }
        return j;
    }

    /** switch, when, match, select: one structural increment, a decision point per non-default branch. */
    private int switchLike(int i, int to, Context ctx) {
        int open = i + 1;
        while (open < to && !punct(open, "{") && !(punct(open, ";") && syntax.parenConditions())
                && !punct(open, "}")) {
            open = punct(open, "(") || punct(open, "[") ? after(open) : open + 1;
        }
        if (!punct(open, "{")) {
            return open;
        }
        if (ctx.fn() != null) {
            ctx.decisions(logic.count(i + 1, open));
            ctx.fn().structural(ctx.nesting());
        }
        expression(i + 1, open, ctx);
        Context inside = ctx.nested();
        boolean csharpExpression = syntax.language().equals("C#") && open == i + 1;
        if (syntax.lambda() == Lambda.KOTLIN || syntax.lambda() == Lambda.RUST || keyword(i, "match")
                || csharpExpression) {
            arms(open + 1, match[open], inside);
        } else {
            statementsWithLabels(open + 1, match[open], inside);
        }
        return after(open);
    }

    /** Body of a C-style switch: case labels are decision points, the statements between them code. */
    private void statementsWithLabels(int from, int to, Context ctx) {
        int i = from;
        while (i < to) {
            if (keyword(i, "case") || keyword(i, "default")) {
                boolean isDefault = keyword(i, "default");
                int k = i + 1;
                int alternatives = 1;
                while (k < to && !op(k, ":") && !op(k, "->") && !(op(k, "=>") && isDefault)) {
                    if (punct(k, ",")) {
                        alternatives++;
                    }
                    k = punct(k, "(") || punct(k, "[") ? after(k) : k + 1;
                }
                if (ctx.fn() != null && !isDefault) {
                    ctx.decisions(alternatives + logic.count(i + 1, k));
                }
                i = k + 1;
                continue;
            }
            if (ctx.fn() != null) {
                ctx.fn().sequence = null;
                ctx.fn().reached(ctx.nesting());
            }
            i = Math.max(statement(i, to, ctx), i + 1);
        }
    }

    /** Body of Kotlin's when, Rust's and PHP's match: {@code conditions -> body} or {@code pattern => body}. */
    private void arms(int from, int to, Context ctx) {
        String arrow = syntax.lambda() == Lambda.KOTLIN ? "->" : "=>";
        int i = from;
        while (i < to) {
            if (punct(i, ",") || punct(i, ";")) {
                i++;
                continue;
            }
            int k = i;
            int alternatives = 1;
            int guard = -1;
            while (k < to && !op(k, arrow)) {
                if (punct(k, ",") || op(k, "|") && guard < 0) {
                    alternatives++;
                }
                if (keyword(k, "if") && guard < 0) {
                    guard = k;
                }
                k = punct(k, "(") || punct(k, "[") || punct(k, "{") ? after(k) : k + 1;
            }
            boolean isDefault = keyword(i, "else") || keyword(i, "default")
                    || (tok(i).textIs("_") && k == i + 1);
            if (ctx.fn() != null && !isDefault && k < to) {
                ctx.decisions(alternatives + logic.count(i, k));
            }
            if (guard >= 0) {
                // a match guard is part of its arm's condition, not an if statement
                if (ctx.fn() != null) {
                    logic.sequences(guard + 1, Math.min(k, to), ctx.fn());
                }
            } else {
                expression(i, Math.min(k, to), ctx);
            }
            if (k >= to) {
                return;
            }
            int b = k + 1;
            if (punct(b, "{")) {
                block(b, ctx);
                i = after(b);
            } else {
                int end = armEnd(b, to);
                expression(b, end, ctx);
                i = end;
            }
        }
    }

    private int armEnd(int from, int to) {
        int k = from;
        while (k < to && !punct(k, ",") && !punct(k, ";")) {
            if (k > from && syntax.lambda() == Lambda.KOTLIN && lineBreakEnds(k)) {
                return k;
            }
            k = isOpen(k) ? after(k) : k + 1;
        }
        return k;
    }

    /** The condition of if/while/for at {@code kw}: {start, end, index after it}. */
    private int[] condition(int kw, int to) {
        int j = kw + 1;
        if (syntax.parenConditions() || punct(j, "(") && !syntax.language().equals("Go")
                && !syntax.language().equals("Rust")) {
            if (punct(j, "(")) {
                return new int[] {j + 1, match[j], after(j)};
            }
            return new int[] {j, j, j};
        }
        int k = j;
        while (k < to && !(punct(k, "{") && !isCompositeLiteral(k))) {
            k = isOpen(k) ? after(k) : k + 1;
        }
        return new int[] {j, k, k};
    }

    /**
     * In a condition without parentheses (Go, Rust), a brace that opens a literal rather than the body: a Go
     * composite literal such as {@code []int{1, 2}}, which the body's brace, a selector or a separator follows.
     */
    private boolean isCompositeLiteral(int open) {
        Token before = tok(open - 1);
        if (!(before.kind() == TokenKind.IDENTIFIER || punct(before, "]") || punct(before, "}"))) {
            return false;
        }
        Token next = tok(match[open] + 1);
        return punct(next, "{") || punct(next, ")") || punct(next, ",") || punct(next, ";") || op(next, ".");
    }

    /** A controlled body: a block, or a single statement; returns the index after it. */
    private int body(int j, int to, Context ctx) {
        if (j >= to) {
            return to;
        }
        if (ctx.fn() != null) {
            ctx.fn().reached(ctx.nesting());
        }
        if (punct(j, "{")) {
            block(j, ctx);
            return after(j);
        }
        if (op(j, ":") && syntax.lambda() == Lambda.PHP) {
            return j + 1;
        }
        return statement(j, to, ctx);
    }

    /** End of the statement starting at {@code i}: after its semicolon, or at the closing brace or line break. */
    private int statementEnd(int i, int to) {
        int k = i;
        int openIfs = 0;
        while (k < to) {
            if (punct(k, ";")) {
                return k + 1;
            }
            if (punct(k, "}") || punct(k, ")") || punct(k, "]")) {
                return k;
            }
            if (keyword(k, "if")) {
                openIfs++;
            }
            if (k > i && keyword(k, "else") && syntax.newlineStatements()) {
                // an if expression inside the statement owns this else
                if (openIfs == 0) {
                    return k;
                }
                openIfs--;
            }
            if (k > i && syntax.newlineStatements() && lineBreakEnds(k)) {
                return k;
            }
            k = isOpen(k) ? after(k) : k + 1;
        }
        return to;
    }

    /** End of an expression (lambda body, expression-bodied function): a comma, semicolon or closer at depth 0. */
    private int expressionEnd(int i, int to) {
        int k = i;
        while (k < to) {
            if (punct(k, ";") || punct(k, ",") || punct(k, "}") || punct(k, ")") || punct(k, "]")) {
                return k;
            }
            if (k > i && syntax.newlineStatements() && lineBreakEnds(k) && !keyword(k, "else")) {
                return k;
            }
            k = typeArgumentsAt(k) ? typeArgumentsEnd(k, to) : after(k);
        }
        return to;
    }

    /**
     * Type arguments inside an expression, whose commas separate nothing: {@code Util.<K, V>of()} and
     * {@code new Entry<K, V>()}.
     */
    private boolean typeArgumentsAt(int k) {
        return op(k, "<") && (op(k - 1, ".") || tok(k - 1).kind() == TokenKind.IDENTIFIER && keyword(k - 2, "new"));
    }

    /** True when a line break before {@code k} ends a statement in a language without mandatory semicolons. */
    private boolean lineBreakEnds(int k) {
        Token prev = tok(k - 1);
        Token next = tok(k);
        if (next.line() <= prev.endLine()) {
            return false;
        }
        if (prev.kind() == TokenKind.OPERATOR && !prev.textIs("++") && !prev.textIs("--")
                && !prev.textIs("!!")) {
            return false;
        }
        if (punct(prev, "(") || punct(prev, "[") || punct(prev, ",") || punct(prev, "{")) {
            return false;
        }
        if (next.kind() == TokenKind.OPERATOR && !next.textIs("++") && !next.textIs("--")
                && !next.textIs("!") && !next.textIs("@") && !next.textIs("*")
                && !next.textIs("&") && !next.textIs("-") && !next.textIs("::")) {
            return false;
        }
        return !(next.kind() == TokenKind.KEYWORD && (next.textIs("else") || next.textIs("catch")
                || next.textIs("finally")));
    }

    // ---- expressions ----

    /** An expression root: its boolean operator sequences, then its structure. */
    private void expression(int from, int to, Context ctx) {
        if (ctx.fn() != null) {
            logic.sequences(from, to, ctx.fn());
        }
        walk(from, to, ctx, null);
    }

    /**
     * Walks an expression for what it nests: lambdas, anonymous functions and classes, conditional operators,
     * control-flow expressions, recursive calls. {@code assignedTo} names a lambda that becomes a function.
     */
    private void walk(int from, int to, Context ctx, String assignedTo) {
        int openTernaries = 0;
        int k = from;
        while (k < to) {
            Token tk = tok(k);
            if (tk.kind() == TokenKind.KEYWORD) {
                String w = tk.text();
                boolean rustLoop = syntax.lambda() == Lambda.RUST
                        && (syntax.loopKeywords().contains(w) || w.equals("loop"));
                if (w.equals("if") || syntax.switchKeywords().contains(w) || w.equals("try") || rustLoop) {
                    k = Math.max(statement(k, to, ctx.deeper(openTernaries)), k + 1);
                    continue;
                }
                if (syntax.functionKeywords().contains(w) && !(syntax.lambda() == Lambda.GO && !punct(k + 1, "("))) {
                    k = Math.max(keywordFunction(k, k, to, ctx, false, assignedTo), k + 1);
                    continue;
                }
                if (w.equals("fn") && syntax.lambda() == Lambda.PHP && punct(k + 1, "(")) {
                    int arrow = after(k + 1);
                    while (arrow < to && !op(arrow, "=>")) {
                        arrow++;
                    }
                    k = lambdaBody(k, k + 1, arrow + 1, to, ctx, assignedTo);
                    continue;
                }
                if (w.equals("new") && syntax.lambda() == Lambda.THIN_ARROW) {
                    int anon = anonymousClassBody(k, to);
                    if (anon > 0) {
                        members(anon + 1, match[anon], ctx.nested());
                        k = after(anon);
                        continue;
                    }
                }
                boolean kotlinObject = w.equals("object") && syntax.lambda() == Lambda.KOTLIN;
                if (kotlinObject || w.equals("class") && isTypeDeclaration(k)) {
                    k = typeDeclaration(k, to, ctx);
                    continue;
                }
            }
            if (tk.kind() == TokenKind.OPERATOR) {
                String o = tk.text();
                if ((o.equals("->") && syntax.lambda() == Lambda.THIN_ARROW)
                        || (o.equals("=>") && syntax.lambda() == Lambda.FAT_ARROW)) {
                    int params = lambdaParameters(k, from);
                    k = lambdaBody(lambdaStart(params, from), params, k + 1, to, ctx, assignedTo);
                    continue;
                }
                if (syntax.lambda() == Lambda.RUST && (o.equals("|") || o.equals("||")) && operandExpected(k, from)) {
                    int close = k;
                    if (o.equals("|")) {
                        close = k + 1;
                        while (close < to && !op(close, "|")) {
                            close++;
                        }
                    }
                    int bodyStart = close + 1;
                    if (op(bodyStart, "->")) {
                        while (bodyStart < to && !punct(bodyStart, "{")) {
                            bodyStart++;
                        }
                    }
                    k = lambdaBody(k, k, bodyStart, to, ctx, assignedTo);
                    continue;
                }
                if (o.equals("?") && syntax.ternary() && isTernary(k, to)) {
                    if (ctx.fn() != null) {
                        ctx.decisions(1 + logic.count(ternaryConditionStart(k, from), k));
                        ctx.fn().structural(ctx.nesting() + openTernaries);
                    }
                    openTernaries++;
                    k++;
                    continue;
                }
                if (ASSIGNMENTS.contains(o) && k > from && tok(k - 1).kind() == TokenKind.IDENTIFIER) {
                    assignedTo = tok(k - 1).text();
                }
            }
            if (punct(tk, ",") || punct(tk, ";")) {
                openTernaries = 0;
                k++;
                continue;
            }
            if (punct(tk, "[") && syntax.lambda() == Lambda.CPP && operandExpected(k, from)) {
                int j = after(k);
                if (punct(j, "(")) {
                    j = after(j);
                }
                while (j < to && !punct(j, "{") && !punct(j, ";") && !punct(j, ",") && !punct(j, ")")) {
                    j++;
                }
                if (punct(j, "{")) {
                    k = lambdaBody(k, punct(after(k), "(") ? after(k) : k, j, to, ctx, assignedTo);
                    continue;
                }
            }
            if (punct(tk, "{")) {
                Context inner = ctx.deeper(openTernaries);
                if (syntax.lambda() == Lambda.KOTLIN) {
                    k = ctx.fn() == null ? lambdaBody(k, k, k, to, ctx, assignedTo) : walkLambdaBlock(k, inner);
                } else if (syntax.lambda() == Lambda.RUST) {
                    block(k, inner);
                    k = after(k);
                } else {
                    walk(k + 1, match[k], inner, null);
                    k = after(k);
                }
                continue;
            }
            if (punct(tk, "(") || punct(tk, "[")) {
                if (tk.textIs("(") && k > from && isNameToken(k - 1)) {
                    recursion(k, ctx);
                    if (syntax.lambda() == Lambda.FAT_ARROW && punct(after(k), "{")
                            && tok(k - 1).kind() == TokenKind.IDENTIFIER) {
                        int open = after(k);
                        k = function(nameBefore(k), k - 1, k, open, ctx.nested());
                        continue;
                    }
                }
                walk(k + 1, match[k], ctx.deeper(openTernaries), null);
                k = after(k);
                continue;
            }
            k++;
        }
    }

    /** Kotlin lambda literal {@code { a, b -> body }} inside a function: nested code of that function. */
    private int walkLambdaBlock(int open, Context ctx) {
        int close = match[open];
        int bodyStart = open + 1;
        for (int k = open + 1; k < close; k++) {
            if (op(k, "->")) {
                bodyStart = k + 1;
                break;
            }
            if (isOpen(k) || punct(k, ";") || tok(k).kind() == TokenKind.KEYWORD) {
                break;
            }
        }
        statements(bodyStart, close, ctx.fn() == null ? ctx : ctx.nested());
        return after(open);
    }

    /**
     * A lambda or anonymous function: {@code start} is its first token, {@code paramsAt} its parameter group (or
     * single parameter), {@code bodyStart} the first token of its body. Outside any function it is a function of
     * its own; inside one it is nested code of that function.
     */
    private int lambdaBody(int start, int paramsAt, int bodyStart, int to, Context ctx, String assignedTo) {
        Context inner;
        FunctionScope own = null;
        if (ctx.fn() == null) {
            own = new FunctionScope(assignedTo != null ? assignedTo : "<lambda>", tok(Math.max(0, start)).line(),
                    parameters(paramsAt), null, 0);
            functions.add(own);
            inner = new Context(own, 0);
        } else if (syntax.lambda() == Lambda.THIN_ARROW) {
            inner = new Context(ctx.fn(), ctx.nesting() + 1, false);
        } else {
            inner = ctx.nested();
        }
        int end;
        if (bodyStart < to && punct(bodyStart, "{")) {
            if (syntax.lambda() == Lambda.KOTLIN && own != null) {
                walkLambdaBlock(bodyStart, inner);
            } else {
                block(bodyStart, inner);
            }
            end = after(bodyStart);
        } else {
            end = expressionEnd(bodyStart, to);
            if (own != null) {
                expression(bodyStart, end, inner);
            } else {
                walk(bodyStart, end, inner, null);
            }
        }
        if (own != null) {
            own.endLine = endLineAt(Math.max(bodyStart, end - 1));
        }
        return end;
    }

    /**
     * The parameter group (or single parameter) of the lambda whose arrow is at {@code arrow}, stepping back over
     * a TypeScript return type annotation ({@code (a: number): number => ...}).
     */
    private int lambdaParameters(int arrow, int from) {
        for (int k = arrow - 1; k >= from && k >= arrow - 12; k--) {
            if (punct(k, ")") && (k == arrow - 1 || op(k + 1, ":"))) {
                return open(k);
            }
            if (punct(k, ";") || punct(k, "{") || punct(k, "}") || punct(k, ",") || punct(k, "(")) {
                break;
            }
        }
        return arrow - 1;
    }

    private int lambdaStart(int params, int from) {
        int k = params;
        if (k - 1 >= from && keyword(k - 1, "async")) {
            k--;
        }
        return Math.max(from, k);
    }

    /** {@code new Type(args) {}}: index of the body's brace, or -1. */
    private int anonymousClassBody(int newAt, int to) {
        int k = newAt + 1;
        while (k < to && !punct(k, "(") && !punct(k, ";") && !punct(k, "{") && !punct(k, "[")) {
            k++;
        }
        if (punct(k, "(")) {
            int open = after(k);
            if (open < to && punct(open, "{")) {
                return open;
            }
        }
        return -1;
    }

    /** An unqualified (or {@code this.}) call with the name and arity of an enclosing function. */
    private void recursion(int paren, Context ctx) {
        if (ctx.fn() == null) {
            return;
        }
        String name = tok(paren - 1).text();
        int before = paren - 2;
        if (op(before, ">")) {
            // explicit type arguments: Type.<T>name(...)
            int depth = 0;
            while (before >= 0 && !(op(before, "<") && depth == 1)) {
                depth += op(before, ">") ? 1 : op(before, "<") ? -1 : 0;
                before--;
            }
            before--;
        }
        if (op(before, ".") && !keyword(before - 1, "this")) {
            return;
        }
        int args = arguments(paren);
        for (FunctionScope f = ctx.fn(); f != null; f = f.parent) {
            if (f.name.equals(name) && f.parameters == args) {
                calls.add(new Call(ctx.fn(), name, args));
                return;
            }
        }
    }

    /**
     * Counts the recursive calls whose target is certain without types: no other function of the file has the
     * same name and arity (an overload could be the one called).
     */
    private void settleRecursion() {
        Map<String, Integer> arities = new HashMap<>();
        for (FunctionScope f : functions) {
            arities.merge(f.name + "/" + f.parameters, 1, Integer::sum);
        }
        for (Call call : calls) {
            if (arities.getOrDefault(call.name() + "/" + call.arguments(), 0) == 1) {
                call.caller().fundamental();
            }
        }
    }

    private boolean isTernary(int q, int to) {
        if (q == 0) {
            return false;
        }
        Token prev = tok(q - 1);
        // an operand must precede: a wildcard follows < or a comma; > closing type arguments ends an operand
        boolean closesTypeArguments = op(prev, ">") || op(prev, ">>") || op(prev, ">>>");
        if (punct(prev, "(") || punct(prev, ",") || op(prev, "<") || prev.kind() == TokenKind.OPERATOR
                && !prev.textIs("++") && !prev.textIs("--") && !closesTypeArguments) {
            return false;
        }
        int k = q + 1;
        while (k < to) {
            if (op(k, ":")) {
                return k > q + 1;
            }
            if (punct(k, ";") || punct(k, ",") || punct(k, ")") || punct(k, "]") || punct(k, "}")) {
                return false;
            }
            k = typeArgumentsAt(k) ? typeArgumentsEnd(k, to) : after(k);
        }
        return false;
    }

    /** First token of the condition of the conditional operator at {@code q}. */
    private int ternaryConditionStart(int q, int from) {
        int k = q - 1;
        while (k >= from) {
            Token tk = tok(k);
            if (punct(tk, ")") || punct(tk, "]") || punct(tk, "}")) {
                k = open(k) - 1;
                continue;
            }
            boolean wildcard = op(tk, "?") && (op(k - 1, "<") || punct(k - 1, ","));
            if (punct(tk, "(") || punct(tk, "[") || punct(tk, "{") || punct(tk, ",") || punct(tk, ";")
                    || tk.kind() == TokenKind.OPERATOR && (ASSIGNMENTS.contains(tk.text())
                            || tk.textIs("?") && !wildcard || tk.textIs(":")
                            || tk.textIs("->") || tk.textIs("=>"))
                    || tk.kind() == TokenKind.KEYWORD && tk.textIs("return")) {
                return k + 1;
            }
            k--;
        }
        return from;
    }

    // ---- helpers ----

    private void fundamental(Context ctx) {
        if (ctx.fn() != null) {
            ctx.fn().fundamental();
        }
    }

    private int parameters(int paren) {
        if (paren < 0 || paren >= t.length) {
            return 0;
        }
        if (!punct(paren, "(")) {
            if (op(paren, "|")) {
                int count = 1;
                for (int k = paren + 1; k < t.length && !op(k, "|"); k++) {
                    count += punct(k, ",") ? 1 : 0;
                }
                return op(paren + 1, "|") ? 0 : count;
            }
            return tok(paren).kind() == TokenKind.IDENTIFIER ? 1 : 0;
        }
        int close = match[paren];
        if (close == paren + 1) {
            return 0;
        }
        if (close == paren + 2 && keyword(paren + 1, "void")) {
            return 0;
        }
        int count = 0;
        int itemStart = paren + 1;
        int angles = 0;
        for (int k = paren + 1; k <= close; k = (k < close && isOpen(k)) ? after(k) : k + 1) {
            if (k < close && tok(k).kind() == TokenKind.OPERATOR) {
                // type arguments: their commas do not separate parameters
                String o = tok(k).text();
                if (o.equals("<")) {
                    angles++;
                } else if (o.equals(">") || o.equals(">>") || o.equals(">>>")) {
                    angles = Math.max(0, angles - o.length());
                }
            }
            if (k == close || punct(k, ",") && angles == 0) {
                if (k > itemStart && !isReceiver(itemStart, k)) {
                    count++;
                }
                itemStart = k + 1;
            }
        }
        return count;
    }

    /** Rust's {@code self}, {@code &self}, {@code &'a mut self}: the receiver, not a parameter. */
    private boolean isReceiver(int from, int to) {
        int k = from;
        while (k < to && (op(k, "&") || keyword(k, "mut") || tok(k).text().startsWith("'"))) {
            k++;
        }
        return k == to - 1 && tok(k).textIs("self");
    }

    private int arguments(int paren) {
        int close = match[paren];
        if (close == paren + 1) {
            return 0;
        }
        int count = 1;
        for (int k = paren + 1; k < close; k = isOpen(k) ? after(k) : k + 1) {
            if (punct(k, ",")) {
                count++;
            }
        }
        return count;
    }

    private boolean isNameToken(int k) {
        Token tk = tok(k);
        return tk.kind() == TokenKind.IDENTIFIER
                || (tk.kind() == TokenKind.OPERATOR && k > 0 && keyword(k - 1, "operator"));
    }

    private String nameBefore(int paren) {
        int k = paren - 1;
        if (tok(k).kind() == TokenKind.OPERATOR && k > 0 && keyword(k - 1, "operator")) {
            return "operator" + tok(k).text();
        }
        StringBuilder name = new StringBuilder(tok(k).text());
        if (k > 0 && op(k - 1, "~")) {
            name.insert(0, '~');
            k--;
        }
        while (k >= 2 && op(k - 1, "::") && tok(k - 2).kind() == TokenKind.IDENTIFIER) {
            name.insert(0, tok(k - 2).text() + "::");
            k -= 2;
        }
        return name.toString();
    }

    private boolean operandExpected(int k, int from) {
        if (k == from || k == 0) {
            return true;
        }
        Token prev = tok(k - 1);
        return switch (prev.kind()) {
            case OPERATOR -> true;
            case PUNCTUATION -> !prev.textIs(")") && !prev.textIs("]");
            case KEYWORD -> prev.textIs("return") || prev.textIs("move") || prev.textIs("in");
            default -> false;
        };
    }

    private boolean isOpen(int k) {
        Token tk = tok(k);
        return tk.kind() == TokenKind.PUNCTUATION && (tk.textIs("(") || tk.textIs("[")
                || tk.textIs("{"));
    }

    /** Index after the group opened at {@code k}. */
    private int after(int k) {
        if (k >= t.length) {
            return t.length;
        }
        return isOpen(k) ? Math.min(match[k] + 1, t.length) : k + 1;
    }

    private int open(int close) {
        int depth = 0;
        for (int k = close; k >= 0; k--) {
            Token tk = tok(k);
            if (tk.kind() == TokenKind.PUNCTUATION) {
                switch (tk.text()) {
                    case ")", "]", "}" -> depth++;
                    case "(", "[", "{" -> depth--;
                    default -> {
                    }
                }
                if (depth == 0) {
                    return k;
                }
            }
        }
        return 0;
    }

    private boolean keyword(int k, String text) {
        return tok(k).kind() == TokenKind.KEYWORD && tok(k).textIs(text);
    }
}
