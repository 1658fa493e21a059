package org.gstats.plugin.metrics.internal.lexer;

import java.util.List;

import org.gstats.plugin.metrics.internal.text.TextLines;

/** Splits source text of one language into tokens. Never fails: unterminated constructs end at the end of text. */
public interface Lexer {

    /** The language name as {@link Lexers#forLanguage(String)} knows it. */
    String language();

    default List<Token> tokenize(String text) {
        char[] chars = text.toCharArray();
        return tokenize(text, chars, TextLines.of(chars));
    }

    /**
     * As {@link #tokenize(String)}, with the text's characters already copied out and its lines found (once per
     * file, for every pass).
     */
    List<Token> tokenize(String text, char[] chars, TextLines lines);
}
