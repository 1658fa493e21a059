package org.gstats.plugin.metrics.internal.complexity;

import org.gstats.plugin.metrics.internal.lexer.Token;
import org.gstats.plugin.metrics.internal.lexer.TokenKind;

/**
 * What the complexity analyzers share: their code's tokens, read by index, and past either end a
 * NEWLINE on the last line, a token of no kind an analysis looks for, so that it may look ahead and
 * behind without checking bounds.
 */
abstract class TokenAnalysis {

    /** The code's tokens: an array, as an analysis reads every token many times. */
    protected final Token[] t;
    /** What {@link #tok(int)} gives past either end. */
    private final Token outside;

    TokenAnalysis(Token[] code) {
        this.t = code;
        this.outside = new Token(TokenKind.NEWLINE, "", code.length == 0 ? 1 : code[code.length - 1].endLine(), 1);
    }

    /** The token at {@code k}; past either end, a token of no kind the analysis looks for. */
    final Token tok(int k) {
        return k >= 0 && k < t.length ? t[k] : outside;
    }

    final boolean punct(int k, String text) {
        return punct(tok(k), text);
    }

    static boolean punct(Token token, String text) {
        return token.kind() == TokenKind.PUNCTUATION && token.textIs(text);
    }

    final boolean op(int k, String text) {
        return op(tok(k), text);
    }

    static boolean op(Token token, String text) {
        return token.kind() == TokenKind.OPERATOR && token.textIs(text);
    }

    /** Last line of the token at {@code index}, clamped to the tokens there are. */
    final int endLineAt(int index) {
        return tok(Math.max(0, Math.min(index, t.length - 1))).endLine();
    }
}
