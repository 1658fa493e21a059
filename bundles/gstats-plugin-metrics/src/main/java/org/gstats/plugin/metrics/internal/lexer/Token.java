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

    /** True for comments and layout tokens, which carry no code (what clone detection and the analyzers skip). */
    public boolean isTrivia() {
        return kind == TokenKind.COMMENT || kind == TokenKind.NEWLINE || kind == TokenKind.INDENT
                || kind == TokenKind.DEDENT;
    }
}
