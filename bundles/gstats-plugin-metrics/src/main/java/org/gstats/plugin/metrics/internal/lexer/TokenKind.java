package org.gstats.plugin.metrics.internal.lexer;

/**
 * What a {@link Token} is. Layout kinds ({@link #NEWLINE}, {@link #INDENT}, {@link #DEDENT}) appear only
 * where the language's blocks depend on them: NEWLINE for Python and Ruby, INDENT and DEDENT for Python.
 */
public enum TokenKind {
    /** A reserved word of the language ({@code if}, {@code class}, {@code def}). */
    KEYWORD,
    /** A name; PHP and Ruby sigils ({@code $x}, {@code @x}) are part of it. */
    IDENTIFIER,
    /** A numeric literal, with its prefix, separators and suffix. */
    NUMBER,
    /**
     * A string literal or a piece of one: an interpolated string is split into STRING pieces around the
     * tokens of its embedded expressions ({@code `a ${b} c`} is STRING, IDENTIFIER, STRING). Text blocks,
     * raw strings, heredocs, regular expression literals and Ruby symbols are STRING too.
     */
    STRING,
    /** A character literal ({@code 'a'} in the C family, Java, C#, Go, Kotlin, Rust). */
    CHAR,
    /** An operator, including {@code .}, {@code ::}, {@code ->}, {@code =>}, {@code ?} and {@code :}. */
    OPERATOR,
    /** One of {@code ( ) [ ] { } , ;}. */
    PUNCTUATION,
    /** A line or block comment, delimiters included. */
    COMMENT,
    /** A whole preprocessor directive line of C, C++ or C# (continuation lines included). */
    PREPROCESSOR,
    /** Text outside the code, such as the HTML around PHP tags. */
    TEXT,
    /** End of a logical line (Python, Ruby). */
    NEWLINE,
    /** Start of a deeper indentation block (Python). */
    INDENT,
    /** End of an indentation block (Python). */
    DEDENT
}
