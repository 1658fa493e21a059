package org.gstats.plugin.metrics.internal.lexer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.gstats.plugin.metrics.internal.text.TextLines;

/**
 * A hand-written lexer driven by a {@link Dialect}. Stateless: each {@link #tokenize(String)} call works on its
 * own {@link Run}, so one instance serves every thread.
 *
 * <p>Per character it does as little as it can, as it reads every character of every head file: ASCII characters
 * are classified without {@link Character}'s tables, comments and operators are looked for only behind a
 * character that can start one, and the text of keywords, operators and punctuation is the dialect's own string
 * rather than a copy of the source (identifiers, literals and comments are copied).
 */
final class SourceLexer implements Lexer {

    private static final Set<String> JS_REGEX_AFTER_KEYWORDS = Set.of("return", "typeof", "case", "do", "else",
            "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await");
    private static final Set<String> RUBY_OPERAND_KEYWORDS = Set.of("end", "self", "true", "false", "nil",
            "__FILE__", "__LINE__", "super");

    /** One-character operators and punctuation by their character, so that they need no copy of the source. */
    private static final String[] ASCII_SYMBOLS = new String[128];

    static {
        for (char c = 0; c < ASCII_SYMBOLS.length; c++) {
            ASCII_SYMBOLS[c] = String.valueOf(c).intern();
        }
    }

    private final Dialect dialect;
    /** The dialect's operators (longest first) by their first character. */
    private final String[][] operatorsByFirst = new String[128][];
    /** ASCII characters that may start a comment of the dialect. */
    private final boolean[] commentStarts = new boolean[128];
    private final Keywords keywords;

    SourceLexer(Dialect dialect) {
        this.dialect = dialect;
        this.keywords = new Keywords(dialect.keywords());
        List<List<String>> byFirst = new ArrayList<>();
        for (int c = 0; c < operatorsByFirst.length; c++) {
            byFirst.add(new ArrayList<>());
        }
        List<String> others = new ArrayList<>();
        for (String op : dialect.operators()) {
            if (op.charAt(0) < operatorsByFirst.length) {
                byFirst.get(op.charAt(0)).add(op);
            } else {
                others.add(op);
            }
        }
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("operators must start with an ASCII character: " + others);
        }
        for (int c = 0; c < operatorsByFirst.length; c++) {
            operatorsByFirst[c] = byFirst.get(c).toArray(String[]::new);
        }
        for (String prefix : dialect.lineComments()) {
            commentStarts[prefix.charAt(0)] = true;
        }
        commentStarts['/'] |= dialect.blockComments();
        commentStarts['='] |= dialect.family() == Dialect.Family.RUBY;
    }

    @Override
    public String language() {
        return dialect.language();
    }

    @Override
    public List<Token> tokenize(String text, char[] chars, TextLines lines) {
        return new Run(this, text, chars, lines).tokenize();
    }

    private static final char ASCII = 128;

    /** {@link Character#isWhitespace(char)}, ASCII without its tables. */
    private static boolean isWhitespace(char c) {
        if (c < ASCII) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        }
        return Character.isWhitespace(c);
    }

    /** {@link Character#isDigit(char)}, ASCII without its tables. */
    private static boolean isDigit(char c) {
        return c < ASCII ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    /** A string being scanned, possibly resumed after an embedded expression. */
    private record StringMode(String close, boolean escapes, String interpolationOpen, boolean doubledQuote,
            boolean csharpBraces) {
    }

    /** Code embedded in a string; {@code depth} counts its own unclosed braces. */
    private static final class CodeMode {
        int depth;
    }

    private static final class Run {
        private final SourceLexer lexer;
        private final Dialect d;
        private final String s;
        /** The text's characters: indexing an array costs less than {@code String.charAt} per character. */
        private final char[] chars;
        private final int n;
        private final int[] lineStarts;
        private final List<Token> out = new ArrayList<>();
        /** Elements are StringMode or CodeMode; empty means top-level code. */
        private final Deque<Object> modes = new ArrayDeque<>();
        private final Deque<Integer> indents = new ArrayDeque<>();
        private final List<String[]> pendingHeredocs = new ArrayList<>();
        private int pos;
        private int pieceStart;
        private int bracketDepth;
        private boolean lineHasCode;
        private int lastLine;

        Run(SourceLexer lexer, String text, char[] chars, TextLines lines) {
            this.lexer = lexer;
            this.d = lexer.dialect;
            this.s = text;
            this.chars = chars;
            this.n = chars.length;
            this.lineStarts = lines.starts();
            indents.push(0);
        }

        List<Token> tokenize() {
            if (d.family() == Dialect.Family.PHP) {
                inlineText();
            }
            if (d.layout() == Dialect.Layout.INDENTATION) {
                indentation();
            }
            while (pos < n) {
                Object top = modes.peek();
                if (top instanceof StringMode mode) {
                    continueString(mode);
                } else {
                    code((CodeMode) top);
                }
            }
            if (!modes.isEmpty() && modes.peek() instanceof StringMode) {
                emit(TokenKind.STRING, pieceStart, n);
            }
            if (d.layout() != Dialect.Layout.NONE && lineHasCode) {
                emitLayout(TokenKind.NEWLINE, n);
            }
            if (d.layout() == Dialect.Layout.INDENTATION) {
                while (indents.size() > 1) {
                    indents.pop();
                    emitLayout(TokenKind.DEDENT, n);
                }
            }
            return out;
        }

        private void code(CodeMode interpolation) {
            char c = chars[pos];
            if (c == '\n') {
                newline();
                return;
            }
            if (isWhitespace(c)) {
                // the rest of the run too: nothing between here and the line's end changes the mode
                do {
                    pos++;
                } while (pos < n && chars[pos] != '\n' && isWhitespace(chars[pos]));
                return;
            }
            if (c == '\\' && pos + 1 < n && (chars[pos + 1] == '\n' || chars[pos + 1] == '\r')) {
                pos += chars[pos + 1] == '\r' && pos + 2 < n && chars[pos + 2] == '\n' ? 3 : 2;
                return;
            }
            if (comment()) {
                return;
            }
            if (d.preprocessor() && c == '#' && onlyBlanksBefore(pos)) {
                preprocessorLine();
                return;
            }
            if (d.family() == Dialect.Family.PHP && s.startsWith("?>", pos)) {
                inlineText();
                return;
            }
            if (special()) {
                return;
            }
            if (stringStart()) {
                return;
            }
            if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(chars[pos + 1]))) {
                number();
                return;
            }
            if (identifierStart(c)) {
                identifier();
                return;
            }
            if (interpolation != null && c == '}' && interpolation.depth == 0) {
                modes.pop();
                pieceStart = pos;
                pos++;
                return;
            }
            punctuationOrOperator(interpolation);
        }

        private void newline() {
            if (d.layout() != Dialect.Layout.NONE && bracketDepth == 0 && lineHasCode && modes.isEmpty()) {
                emitLayout(TokenKind.NEWLINE, pos);
                lineHasCode = false;
            }
            pos++;
            if (!pendingHeredocs.isEmpty()) {
                heredocBodies();
            }
            if (d.layout() == Dialect.Layout.INDENTATION && bracketDepth == 0 && modes.isEmpty()) {
                indentation();
            }
        }

        /** At the start of a line: emit INDENT or DEDENTs if the line holds code. */
        private void indentation() {
            int i = pos;
            int width = 0;
            while (i < n && (chars[i] == ' ' || chars[i] == '\t' || chars[i] == '\f')) {
                width = chars[i] == '\t' ? (width / 8 + 1) * 8 : width + 1;
                i++;
            }
            if (i >= n || chars[i] == '\n' || chars[i] == '\r' || chars[i] == '#') {
                return;
            }
            if (width > indents.peek()) {
                indents.push(width);
                emitLayout(TokenKind.INDENT, i);
            } else {
                while (width < indents.peek() && indents.size() > 1) {
                    indents.pop();
                    emitLayout(TokenKind.DEDENT, i);
                }
            }
        }

        private boolean comment() {
            char c = chars[pos];
            if (c < lexer.commentStarts.length && !lexer.commentStarts[c]) {
                return false;
            }
            for (String prefix : d.lineComments()) {
                if (s.startsWith(prefix, pos) && !(prefix.equals("#") && d.family() == Dialect.Family.PHP
                        && s.startsWith("#[", pos))) {
                    int end = pos;
                    while (end < n && chars[end] != '\n'
                            && !(d.family() == Dialect.Family.PHP && s.startsWith("?>", end))) {
                        end++;
                    }
                    if (end > pos && chars[end - 1] == '\r') {
                        end--;
                    }
                    emit(TokenKind.COMMENT, pos, end);
                    pos = end;
                    return true;
                }
            }
            if (d.blockComments() && s.startsWith("/*", pos)) {
                int end = blockCommentEnd(pos + 2);
                emit(TokenKind.COMMENT, pos, end);
                pos = end;
                return true;
            }
            if (d.family() == Dialect.Family.RUBY && s.startsWith("=begin", pos) && pos == lineStart(pos)) {
                int end = s.indexOf("\n=end", pos);
                end = end < 0 ? n : lineEnd(end + 1);
                emit(TokenKind.COMMENT, pos, end);
                pos = end;
                return true;
            }
            return false;
        }

        private int blockCommentEnd(int from) {
            int depth = 1;
            int i = from;
            while (i < n) {
                if (chars[i] == '*' && i + 1 < n && chars[i + 1] == '/') {
                    depth--;
                    i += 2;
                    if (depth == 0 || !d.nestedBlockComments()) {
                        return i;
                    }
                } else if (d.nestedBlockComments() && chars[i] == '/' && i + 1 < n && chars[i + 1] == '*') {
                    depth++;
                    i += 2;
                } else {
                    i++;
                }
            }
            return n;
        }

        private void preprocessorLine() {
            int i = pos;
            while (i < n && chars[i] != '\n') {
                if (chars[i] == '\\' && i + 1 < n && (chars[i + 1] == '\n' || chars[i + 1] == '\r')) {
                    i = chars[i + 1] == '\r' ? i + 3 : i + 2;
                } else if (s.startsWith("/*", i)) {
                    i = blockCommentEnd(i + 2);
                } else if (s.startsWith("//", i)) {
                    break;
                } else {
                    i++;
                }
            }
            int end = Math.min(i, n);
            while (end > pos && Character.isWhitespace(chars[end - 1])) {
                end--;
            }
            emit(TokenKind.PREPROCESSOR, pos, end);
            pos = i;
        }

        /** PHP: text up to the next open tag; the open tag itself belongs to the text. */
        private void inlineText() {
            int start = pos;
            int open = s.indexOf("<?", pos);
            int end;
            if (open < 0) {
                end = n;
            } else if (s.startsWith("<?php", open)) {
                end = open + 5;
            } else if (s.startsWith("<?=", open)) {
                end = open + 3;
            } else {
                end = open + 2;
            }
            if (end > start) {
                emit(TokenKind.TEXT, start, end);
            }
            pos = end;
        }

        /** Language-specific literals that do not start with a plain quote. */
        private boolean special() {
            char c = chars[pos];
            switch (d.family()) {
                case RUST -> {
                    return rustLiteral(c);
                }
                case CSHARP -> {
                    return csharpLiteral(c);
                }
                case PYTHON -> {
                    return pythonPrefixedString();
                }
                case RUBY -> {
                    return rubyLiteral(c);
                }
                case PHP -> {
                    return phpLiteral(c);
                }
                case CPP, C_LIKE -> {
                    return cPrefixedString();
                }
                default -> {
                    return false;
                }
            }
        }

        private boolean rustLiteral(char c) {
            int i = pos;
            if (c == 'b' || c == 'c') {
                i++;
            }
            if (i < n && chars[i] == 'r') {
                int j = i + 1;
                int hashes = 0;
                while (j < n && chars[j] == '#') {
                    hashes++;
                    j++;
                }
                if (j < n && chars[j] == '"') {
                    String close = "\"" + "#".repeat(hashes);
                    int end = s.indexOf(close, j + 1);
                    end = end < 0 ? n : end + close.length();
                    emit(TokenKind.STRING, pos, end);
                    pos = end;
                    return true;
                }
                return false;
            }
            if (i > pos && i < n && (chars[i] == '"' || chars[i] == '\'')) {
                int end = quoted(i + 1, chars[i]);
                emit(chars[i] == '"' ? TokenKind.STRING : TokenKind.CHAR, pos, end);
                pos = end;
                return true;
            }
            if (c == '\'') {
                boolean isChar = pos + 1 < n && (chars[pos + 1] == '\\'
                        || (pos + 2 < n && chars[pos + 2] == '\'')
                        || (Character.isHighSurrogate(chars[pos + 1]) && pos + 3 < n && chars[pos + 3] == '\''));
                if (isChar) {
                    int end = quoted(pos + 1, '\'');
                    emit(TokenKind.CHAR, pos, end);
                    pos = end;
                } else {
                    int end = pos + 1;
                    while (end < n && identifierPart(chars[end])) {
                        end++;
                    }
                    emit(TokenKind.IDENTIFIER, pos, end);
                    pos = end;
                }
                return true;
            }
            return false;
        }

        private boolean csharpLiteral(char c) {
            int i = pos;
            boolean verbatim = false;
            boolean interpolated = false;
            while (i < n && (chars[i] == '@' || chars[i] == '$') && i - pos < 2) {
                verbatim |= chars[i] == '@';
                interpolated |= chars[i] == '$';
                i++;
            }
            if (i == pos || i >= n || chars[i] != '"') {
                if (c == '@' && pos + 1 < n && identifierStart(chars[pos + 1])) {
                    pos++;
                    identifier();
                    return true;
                }
                return false;
            }
            if (s.startsWith("\"\"\"", i)) {
                return rawTripleQuote(i);
            }
            startString(new StringMode("\"", !verbatim, interpolated ? "{" : null, verbatim, interpolated), i + 1);
            return true;
        }

        private boolean rawTripleQuote(int quoteStart) {
            int q = quoteStart;
            while (q < n && chars[q] == '"') {
                q++;
            }
            String close = "\"".repeat(q - quoteStart);
            int end = s.indexOf(close, q);
            end = end < 0 ? n : end + close.length();
            emit(TokenKind.STRING, pos, end);
            pos = end;
            return true;
        }

        private boolean pythonPrefixedString() {
            int i = pos;
            while (i < n && i - pos < 2 && "rRbBuUfF".indexOf(chars[i]) >= 0) {
                i++;
            }
            if (i == pos || i >= n || (chars[i] != '"' && chars[i] != '\'')) {
                return false;
            }
            pythonString(i);
            return true;
        }

        private void pythonString(int quoteAt) {
            char q = chars[quoteAt];
            String triple = String.valueOf(q).repeat(3);
            if (s.startsWith(triple, quoteAt)) {
                int i = quoteAt + 3;
                while (i < n && !s.startsWith(triple, i)) {
                    i += chars[i] == '\\' ? 2 : 1;
                }
                int end = Math.min(n, i + 3);
                emit(TokenKind.STRING, pos, end);
                pos = end;
                return;
            }
            int end = quoted(quoteAt + 1, q);
            emit(TokenKind.STRING, pos, end);
            pos = end;
        }

        private boolean cPrefixedString() {
            int i = pos;
            while (i < n && i - pos < 3 && "u8ULR".indexOf(chars[i]) >= 0) {
                i++;
            }
            if (i == pos || i >= n || (chars[i] != '"' && chars[i] != '\'')) {
                return false;
            }
            String prefix = s.substring(pos, i);
            if (!Set.of("u8", "u", "U", "L", "R", "u8R", "uR", "UR", "LR").contains(prefix)) {
                return false;
            }
            if (prefix.endsWith("R") && d.family() == Dialect.Family.CPP && chars[i] == '"') {
                int open = s.indexOf('(', i);
                if (open < 0) {
                    return false;
                }
                String close = ")" + s.substring(i + 1, open) + "\"";
                int end = s.indexOf(close, open);
                end = end < 0 ? n : end + close.length();
                emit(TokenKind.STRING, pos, end);
                pos = end;
                return true;
            }
            if (prefix.endsWith("R")) {
                return false;
            }
            char q = chars[i];
            int end = quoted(i + 1, q);
            emit(q == '"' ? TokenKind.STRING : TokenKind.CHAR, pos, end);
            pos = end;
            return true;
        }

        private boolean rubyLiteral(char c) {
            if (c == '<' && s.startsWith("<<", pos) && pos + 2 < n) {
                int i = pos + 2;
                boolean indented = i < n && (chars[i] == '~' || chars[i] == '-');
                if (indented) {
                    i++;
                }
                boolean spaceBefore = pos == 0 || Character.isWhitespace(chars[pos - 1])
                        || chars[pos - 1] == '(' || chars[pos - 1] == ',';
                if (i < n && spaceBefore && (indented || Character.isUpperCase(chars[i]) || chars[i] == '\''
                        || chars[i] == '"')
                        && (identifierStart(chars[i]) || chars[i] == '\'' || chars[i] == '"')) {
                    int j = i;
                    String terminator;
                    if (chars[j] == '\'' || chars[j] == '"') {
                        int close = s.indexOf(chars[j], j + 1);
                        if (close < 0) {
                            return false;
                        }
                        terminator = s.substring(j + 1, close);
                        j = close + 1;
                    } else {
                        while (j < n && identifierPart(chars[j])) {
                            j++;
                        }
                        terminator = s.substring(i, j);
                    }
                    pendingHeredocs.add(new String[] {terminator, indented ? "indented" : "", ""});
                    emit(TokenKind.STRING, pos, j);
                    pos = j;
                    return true;
                }
                return false;
            }
            if (c == '%' && operandExpected() && pos + 1 < n) {
                int i = pos + 1;
                if ("qQwWiIrsx".indexOf(chars[i]) >= 0) {
                    i++;
                }
                if (i < n && !Character.isLetterOrDigit(chars[i]) && !Character.isWhitespace(chars[i])
                        && chars[i] != '=') {
                    int end = delimited(i);
                    emit(TokenKind.STRING, pos, end);
                    pos = end;
                    return true;
                }
                return false;
            }
            if (c == ':' && pos + 1 < n && (identifierStart(chars[pos + 1]) || chars[pos + 1] == '"')
                    && (pos == 0 || !(identifierPart(chars[pos - 1]) || chars[pos - 1] == ':'
                            || chars[pos - 1] == ')' || chars[pos - 1] == ']'))) {
                int end;
                if (chars[pos + 1] == '"') {
                    end = quoted(pos + 2, '"');
                } else {
                    end = pos + 1;
                    while (end < n && identifierPart(chars[end])) {
                        end++;
                    }
                    if (end < n && (chars[end] == '?' || chars[end] == '!' || chars[end] == '=')
                            && !(end + 1 < n && (chars[end + 1] == '=' || chars[end + 1] == '>'))) {
                        end++;
                    }
                }
                emit(TokenKind.STRING, pos, end);
                pos = end;
                return true;
            }
            if (c == '?' && pos + 1 < n && operandExpected()
                    && !Character.isWhitespace(chars[pos + 1])
                    && (pos + 2 >= n || !identifierPart(chars[pos + 2]))) {
                emit(TokenKind.CHAR, pos, pos + 2);
                pos += 2;
                return true;
            }
            if (c == '/' && operandExpected()) {
                int end = regex(pos + 1);
                emit(TokenKind.STRING, pos, end);
                pos = end;
                return true;
            }
            if ((c == '@' || c == '$') && pos + 1 < n) {
                int i = pos + 1;
                if (c == '@' && chars[i] == '@') {
                    i++;
                }
                if (i < n && identifierStart(chars[i])) {
                    int end = i;
                    while (end < n && identifierPart(chars[end])) {
                        end++;
                    }
                    emit(TokenKind.IDENTIFIER, pos, end);
                    pos = end;
                    return true;
                }
            }
            return false;
        }

        private boolean phpLiteral(char c) {
            if (c == '$' && pos + 1 < n && identifierStart(chars[pos + 1])) {
                int end = pos + 1;
                while (end < n && identifierPart(chars[end])) {
                    end++;
                }
                emit(TokenKind.IDENTIFIER, pos, end);
                pos = end;
                return true;
            }
            if (s.startsWith("<<<", pos)) {
                int i = pos + 3;
                while (i < n && (chars[i] == ' ' || chars[i] == '\t')) {
                    i++;
                }
                boolean quoted = i < n && (chars[i] == '\'' || chars[i] == '"');
                int nameStart = quoted ? i + 1 : i;
                int nameEnd = nameStart;
                while (nameEnd < n && identifierPart(chars[nameEnd])) {
                    nameEnd++;
                }
                if (nameEnd == nameStart) {
                    return false;
                }
                String label = s.substring(nameStart, nameEnd);
                int line = lineEnd(nameEnd) + 1;
                int end = n;
                while (line < n) {
                    int first = line;
                    while (first < n && (chars[first] == ' ' || chars[first] == '\t')) {
                        first++;
                    }
                    if (s.startsWith(label, first)
                            && (first + label.length() >= n || !identifierPart(chars[first + label.length()]))) {
                        end = first + label.length();
                        break;
                    }
                    line = lineEnd(line) + 1;
                }
                emit(TokenKind.STRING, pos, end);
                pos = end;
                return true;
            }
            return false;
        }

        private boolean stringStart() {
            char c = chars[pos];
            if (c == '"') {
                if (s.startsWith("\"\"\"", pos) && d.tripleQuote() != Dialect.TripleQuote.NONE) {
                    switch (d.tripleQuote()) {
                        case ESCAPED -> {
                            if (d.family() == Dialect.Family.PYTHON) {
                                pythonString(pos);
                            } else {
                                startString(new StringMode("\"\"\"", true, null, false, false), pos + 3);
                            }
                        }
                        case RAW_TEMPLATE -> startString(new StringMode("\"\"\"", false, "${", false, false), pos + 3);
                        default -> rawTripleQuote(pos);
                    }
                    return true;
                }
                if (d.family() == Dialect.Family.PYTHON) {
                    pythonString(pos);
                    return true;
                }
                String open = switch (d.doubleQuoteInterpolation()) {
                    case DOLLAR_BRACE -> "${";
                    case HASH_BRACE -> "#{";
                    case PHP -> "{$";
                    default -> null;
                };
                startString(new StringMode("\"", true, open, false, false), pos + 1);
                return true;
            }
            if (c == '\'') {
                if (d.family() == Dialect.Family.PYTHON) {
                    pythonString(pos);
                    return true;
                }
                int end = quoted(pos + 1, '\'');
                emit(d.singleQuoteIsChar() ? TokenKind.CHAR : TokenKind.STRING, pos, end);
                pos = end;
                return true;
            }
            if (c == '`') {
                switch (d.backtick()) {
                    case RAW -> {
                        int end = s.indexOf('`', pos + 1);
                        end = end < 0 ? n : end + 1;
                        emit(TokenKind.STRING, pos, end);
                        pos = end;
                        return true;
                    }
                    case TEMPLATE -> {
                        startString(new StringMode("`", true, "${", false, false), pos + 1);
                        return true;
                    }
                    case COMMAND -> {
                        startString(new StringMode("`", true, "#{", false, false), pos + 1);
                        return true;
                    }
                    default -> {
                        return false;
                    }
                }
            }
            if (c == '/' && d.regexLiterals() && d.family() != Dialect.Family.RUBY && regexAllowed()) {
                int end = regex(pos + 1);
                emit(TokenKind.STRING, pos, end);
                pos = end;
                return true;
            }
            return false;
        }

        private void startString(StringMode mode, int contentStart) {
            pieceStart = pos;
            pos = contentStart;
            modes.push(mode);
            lineHasCode = true;
        }

        private void continueString(StringMode mode) {
            int i = pos;
            while (i < n) {
                char c = chars[i];
                if (mode.escapes() && c == '\\') {
                    i += 2;
                    continue;
                }
                if (mode.doubledQuote() && c == '"' && i + 1 < n && chars[i + 1] == '"') {
                    i += 2;
                    continue;
                }
                if (mode.csharpBraces() && (s.startsWith("{{", i) || s.startsWith("}}", i))) {
                    i += 2;
                    continue;
                }
                if (c == '\n' && mode.close().equals("\"") && !mode.doubledQuote() && !multilineQuotes()) {
                    emit(TokenKind.STRING, pieceStart, i);
                    modes.pop();
                    pos = i;
                    return;
                }
                if (s.startsWith(mode.close(), i)) {
                    int end = i + mode.close().length();
                    if (mode.close().equals("\"\"\"")) {
                        while (end < n && chars[end] == '"') {
                            end++;
                        }
                    }
                    emit(TokenKind.STRING, pieceStart, end);
                    modes.pop();
                    pos = end;
                    return;
                }
                String open = mode.interpolationOpen();
                if (open != null && s.startsWith(open, i)) {
                    int contentStart = open.equals("{$") ? i + 1 : i + open.length();
                    emit(TokenKind.STRING, pieceStart, contentStart);
                    modes.push(new CodeMode());
                    pos = contentStart;
                    return;
                }
                if (d.doubleQuoteInterpolation() == Dialect.Interpolation.PHP && open != null
                        && s.startsWith("${", i)) {
                    emit(TokenKind.STRING, pieceStart, i + 2);
                    modes.push(new CodeMode());
                    pos = i + 2;
                    return;
                }
                i++;
            }
            emit(TokenKind.STRING, pieceStart, n);
            modes.pop();
            pos = n;
        }

        /**
         * End (exclusive) of a quoted literal whose content starts at {@code from}. Where a literal cannot span
         * lines, an unterminated one ends at the line break, so that a stray quote spoils one line only.
         */
        private int quoted(int from, char quote) {
            int i = from;
            while (i < n) {
                char c = chars[i];
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else if (c == '\n' && !multilineQuotes()) {
                    return i;
                } else {
                    i++;
                }
            }
            return n;
        }

        /** Ruby, PHP and Rust quotes may hold line breaks. */
        private boolean multilineQuotes() {
            return d.family() == Dialect.Family.RUBY || d.family() == Dialect.Family.PHP
                    || d.family() == Dialect.Family.RUST;
        }

        /** Ruby %-literal: the delimiter at {@code open}, paired brackets nest. */
        private int delimited(int open) {
            char o = chars[open];
            char close = switch (o) {
                case '(' -> ')';
                case '[' -> ']';
                case '{' -> '}';
                case '<' -> '>';
                default -> o;
            };
            int depth = 1;
            int i = open + 1;
            while (i < n) {
                char c = chars[i];
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == close) {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                } else if (c == o && o != close) {
                    depth++;
                }
                i++;
            }
            return n;
        }

        private int regex(int from) {
            int i = from;
            boolean inClass = false;
            while (i < n) {
                char c = chars[i];
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '\n') {
                    return i;
                }
                if (c == '[') {
                    inClass = true;
                } else if (c == ']') {
                    inClass = false;
                } else if (c == '/' && !inClass) {
                    i++;
                    while (i < n && Character.isLetter(chars[i])) {
                        i++;
                    }
                    return i;
                }
                i++;
            }
            return n;
        }

        private void heredocBodies() {
            for (String[] heredoc : pendingHeredocs) {
                String terminator = heredoc[0];
                boolean indented = !heredoc[1].isEmpty();
                int start = pos;
                int line = pos;
                int end = n;
                while (line < n) {
                    int lineEnd = lineEnd(line);
                    String content = s.substring(line, lineEnd);
                    if (content.endsWith("\r")) {
                        content = content.substring(0, content.length() - 1);
                    }
                    if ((indented ? content.strip() : content).equals(terminator)) {
                        end = lineEnd;
                        break;
                    }
                    line = lineEnd + 1;
                }
                if (end > start) {
                    emit(TokenKind.STRING, start, end);
                }
                pos = Math.min(n, end + 1);
            }
            pendingHeredocs.clear();
            // the bodies belong to the statement that ended on the line before
            lineHasCode = false;
        }

        private void number() {
            int i = pos;
            boolean hex = s.startsWith("0x", i) || s.startsWith("0X", i);
            while (i < n) {
                char c = chars[i];
                if (Character.isLetterOrDigit(c) || c == '_') {
                    i++;
                } else if (c == '.' && i + 1 < n && chars[i + 1] != '.' && !identifierStart(chars[i + 1])
                        || c == '.' && i + 1 < n && Character.isDigit(chars[i + 1])) {
                    i++;
                } else if (c == '.' && (i + 1 >= n || Character.isWhitespace(chars[i + 1]))
                        && d.family() != Dialect.Family.RUBY && d.family() != Dialect.Family.KOTLIN
                        && d.family() != Dialect.Family.RUST) {
                    i++;
                } else if ((c == '+' || c == '-') && i > pos && !hex
                        && (chars[i - 1] == 'e' || chars[i - 1] == 'E')
                        || (c == '+' || c == '-') && hex && (chars[i - 1] == 'p' || chars[i - 1] == 'P')) {
                    i++;
                } else if (c == '\'' && d.family() == Dialect.Family.CPP && i + 1 < n
                        && Character.isLetterOrDigit(chars[i + 1])) {
                    i++;
                } else {
                    break;
                }
            }
            emit(TokenKind.NUMBER, pos, i);
            pos = i;
        }

        private void identifier() {
            int i = pos;
            while (i < n && identifierPart(chars[i])) {
                i++;
            }
            if (d.family() == Dialect.Family.RUBY && i < n && (chars[i] == '?' || chars[i] == '!')
                    && !(i + 1 < n && (chars[i + 1] == '=' || chars[i + 1] == ':'))) {
                i++;
            }
            String word = lexer.keywords.find(chars, pos, i);
            boolean keyword = word != null && !(pos > 0 && chars[pos - 1] == '.'
                    && d.family() != Dialect.Family.RUBY && d.family() != Dialect.Family.PYTHON);
            emit(keyword ? TokenKind.KEYWORD : TokenKind.IDENTIFIER, pos, i, word);
            pos = i;
        }

        private void punctuationOrOperator(CodeMode interpolation) {
            char c = chars[pos];
            if ("()[]{},;".indexOf(c) >= 0) {
                if (c == '(' || c == '[' || c == '{') {
                    bracketDepth++;
                    if (interpolation != null && c == '{') {
                        interpolation.depth++;
                    }
                } else if (c == ')' || c == ']' || c == '}') {
                    bracketDepth = Math.max(0, bracketDepth - 1);
                    if (interpolation != null && c == '}') {
                        interpolation.depth--;
                    }
                }
                emit(TokenKind.PUNCTUATION, pos, pos + 1, ASCII_SYMBOLS[c]);
                pos++;
                return;
            }
            if (c < ASCII_SYMBOLS.length) {
                for (String op : lexer.operatorsByFirst[c]) {
                    if (s.startsWith(op, pos)) {
                        emit(TokenKind.OPERATOR, pos, pos + op.length(), op);
                        pos += op.length();
                        return;
                    }
                }
                emit(TokenKind.OPERATOR, pos, pos + 1, ASCII_SYMBOLS[c]);
                pos++;
                return;
            }
            int end = pos + Character.charCount(s.codePointAt(pos));
            emit(TokenKind.OPERATOR, pos, end);
            pos = end;
        }

        private boolean regexAllowed() {
            Token prev = lastSignificant();
            if (prev == null) {
                return true;
            }
            return switch (prev.kind()) {
                case OPERATOR -> !prev.text().equals("++") && !prev.text().equals("--");
                case PUNCTUATION -> !prev.text().equals(")") && !prev.text().equals("]") && !prev.text().equals("}");
                case KEYWORD -> JS_REGEX_AFTER_KEYWORDS.contains(prev.text());
                case TEXT -> true;
                default -> false;
            };
        }

        private boolean operandExpected() {
            Token prev = lastSignificant();
            if (prev == null) {
                return true;
            }
            return switch (prev.kind()) {
                case OPERATOR, NEWLINE -> true;
                case PUNCTUATION -> !prev.text().equals(")") && !prev.text().equals("]") && !prev.text().equals("}");
                case KEYWORD -> !RUBY_OPERAND_KEYWORDS.contains(prev.text());
                default -> false;
            };
        }

        private Token lastSignificant() {
            for (int i = out.size() - 1; i >= 0; i--) {
                Token t = out.get(i);
                if (t.kind() != TokenKind.COMMENT) {
                    return t;
                }
            }
            return null;
        }

        private boolean identifierStart(char c) {
            if (c < ASCII) {
                return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' && dollarInNames();
            }
            return Character.isLetter(c) || Character.isHighSurrogate(c);
        }

        private boolean identifierPart(char c) {
            if (c < ASCII) {
                return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                        || c == '$' && dollarInNames();
            }
            return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
        }

        private boolean dollarInNames() {
            return d.family() == Dialect.Family.JAVA || d.family() == Dialect.Family.JAVASCRIPT;
        }

        private boolean onlyBlanksBefore(int at) {
            for (int i = at - 1; i >= 0 && chars[i] != '\n'; i--) {
                if (chars[i] != ' ' && chars[i] != '\t') {
                    return false;
                }
            }
            return true;
        }

        private int lineStart(int at) {
            int i = at;
            while (i > 0 && chars[i - 1] != '\n') {
                i--;
            }
            return i;
        }

        private int lineEnd(int at) {
            int i = s.indexOf('\n', at);
            return i < 0 ? n : i;
        }

        private void emit(TokenKind kind, int start, int end) {
            emit(kind, start, end, null);
        }

        /** {@code text} is the token's text when a copy of the source can be spared, else null. */
        private void emit(TokenKind kind, int start, int end, String text) {
            int line = lineOf(start);
            out.add(new Token(kind, text != null ? text : s.substring(start, end), line + 1,
                    start - lineStarts[line] + 1));
            if (kind != TokenKind.COMMENT) {
                lineHasCode = true;
            }
        }

        private void emitLayout(TokenKind kind, int at) {
            int line = lineOf(Math.min(at, Math.max(0, n)));
            out.add(new Token(kind, "", line + 1, Math.min(at, n) - lineStarts[line] + 1));
        }

        /** Tokens come in text order, so the line of the last one is the place to look first. */
        private int lineOf(int offset) {
            int line = lastLine;
            if (offset < lineStarts[line]) {
                int index = Arrays.binarySearch(lineStarts, offset);
                line = index >= 0 ? index : -index - 2;
            } else {
                while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
                    line++;
                }
            }
            lastLine = line;
            return line;
        }
    }
}
