package org.gstats.plugin.metrics.internal.lexer;

/**
 * One lexical token. {@code line} and {@code column} are 1-based and give where the token starts (the column in
 * UTF-16 code units); a token may span lines (block comments, text blocks), see {@link #endLine()}. Layout tokens
 * have empty text.
 */
public record Token(TokenKind kind, String text, int line, int column) {

    /** The line on which the token ends. */
    public int endLine() {
        int end = line;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                end++;
            }
        }
        return end;
    }

    /**
     * Whether the token's text is {@code s}, as {@code text().equals(s)}: the analyses ask this of every token
     * many times, mostly of one-character punctuation and operators, so identity (the lexer gives keywords,
     * operators and punctuation the dialect's own strings) and the length and first character are looked at
     * before the characters are compared one by one.
     */
    public boolean textIs(String s) {
        if (text == s) {
            return true;
        }
        int length = text.length();
        return s != null && length == s.length() && (length == 0 || text.charAt(0) == s.charAt(0))
                && (length == 1 || text.equals(s));
    }

    /** True for comments and layout tokens, which carry no code (what clone detection and the analyzers skip). */
    public boolean isTrivia() {
        return kind == TokenKind.COMMENT || kind == TokenKind.NEWLINE || kind == TokenKind.INDENT
                || kind == TokenKind.DEDENT;
    }
}
