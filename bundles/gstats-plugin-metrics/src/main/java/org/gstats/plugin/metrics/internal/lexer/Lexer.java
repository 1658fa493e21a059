package org.gstats.plugin.metrics.internal.lexer;

import java.util.List;

/** Splits source text of one language into tokens. Never fails: unterminated constructs end at the end of text. */
public interface Lexer {

    /** The language name as {@link Lexers#forLanguage(String)} knows it. */
    String language();

    default List<Token> tokenize(String text) {
        return tokenize(text, text.toCharArray());
    }

    /** As {@link #tokenize(String)}, with the text's characters already copied out (one copy per file). */
    List<Token> tokenize(String text, char[] chars);
}
