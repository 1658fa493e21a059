package org.gstats.plugin.metrics.internal.lexer;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The lexical rules of one language, as data: {@link SourceLexer} reads them. Only what differs between the
 * languages of a family is here; the shared rules (identifiers, numbers, block comments) live in the lexer.
 */
record Dialect(
        String language,
        Set<String> keywords,
        List<String> operators,
        List<String> lineComments,
        boolean blockComments,
        boolean nestedBlockComments,
        boolean singleQuoteIsChar,
        Interpolation doubleQuoteInterpolation,
        TripleQuote tripleQuote,
        Backtick backtick,
        boolean preprocessor,
        boolean regexLiterals,
        Layout layout,
        Family family) {

    /** How code is embedded in a double-quoted string. */
    enum Interpolation {
        NONE,
        /** {@code ${expr}} (Kotlin); {@code $name} stays part of the string. */
        DOLLAR_BRACE,
        /** {@code #{expr}} (Ruby). */
        HASH_BRACE,
        /** {@code {$expr}} and {@code ${expr}} (PHP); {@code $name} stays part of the string. */
        PHP
    }

    /** What {@code """} starts. */
    enum TripleQuote {
        NONE,
        /** Text block with escapes (Java, Python). */
        ESCAPED,
        /** Raw string with {@code ${}} templates (Kotlin). */
        RAW_TEMPLATE,
        /** Raw string literal, no escapes (C# 11). */
        RAW
    }

    enum Backtick {
        NONE,
        /** Raw string (Go). */
        RAW,
        /** Template literal with {@code ${}} (JavaScript, TypeScript). */
        TEMPLATE,
        /** Command string with {@code #{}} (Ruby). */
        COMMAND
    }

    enum Layout {
        NONE,
        /** NEWLINE, INDENT, DEDENT as Python's tokenizer makes them. */
        INDENTATION,
        /** NEWLINE at the end of each line outside brackets (Ruby). */
        NEWLINES
    }

    /** Extra rules a few languages have alone. */
    enum Family {
        C_LIKE, JAVA, KOTLIN, JAVASCRIPT, GO, RUST, CPP, CSHARP, PYTHON, RUBY, PHP
    }

    Dialect {
        keywords = Set.copyOf(keywords);
        operators = operators.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        lineComments = List.copyOf(lineComments);
    }
}
