package org.gstats.plugin.metrics.internal.lexer;

import java.util.List;

/** Splits source text of one language into tokens. Never fails: unterminated constructs end at the end of text. */
public interface Lexer {

    /** The language name as {@link Lexers#forLanguage(String)} knows it. */
    String language();

    List<Token> tokenize(String text);
}
