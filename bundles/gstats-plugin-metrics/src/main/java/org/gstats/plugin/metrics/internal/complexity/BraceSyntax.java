package org.gstats.plugin.metrics.internal.complexity;

import java.util.Map;
import java.util.Set;

/**
 * What the brace-block languages differ in, for {@link BraceAnalyzer}: where functions are declared, how
 * conditions are delimited, which keywords branch, and what an anonymous function looks like.
 */
record BraceSyntax(
        String language,
        /** Top level and type bodies hold declarations found by shape ({@code name(params) {}}), not statements. */
        boolean declarationTopLevel,
        /** Conditions are parenthesised ({@code if (c)}); otherwise they run to the body's brace (Go, Rust). */
        boolean parenConditions,
        /** A statement may end at a line break (no mandatory semicolon). */
        boolean newlineStatements,
        Set<String> functionKeywords,
        Set<String> typeKeywords,
        Set<String> loopKeywords,
        Set<String> switchKeywords,
        /** Counts {@code throw} as a decision point (an exit edge), as PMD does for Java. */
        Set<String> throwKeywords,
        boolean ternary,
        Lambda lambda) {

    enum Lambda {
        /** {@code (a) -> body} */
        THIN_ARROW,
        /** {@code (a) => body} */
        FAT_ARROW,
        /** {@code { a -> body }} */
        KOTLIN,
        /** {@code |a| body} */
        RUST,
        /** {@code [captures](params) { body }} */
        CPP,
        /** {@code func(params) { body }} */
        GO,
        /** {@code function (params) use ($x) { body }} and {@code fn($a) => body} */
        PHP,
        NONE
    }

    private static final Set<String> C_TYPES = Set.of("struct", "union", "enum");

    static final Map<String, BraceSyntax> ALL = Map.ofEntries(
            entry(new BraceSyntax("Java", true, true, false, Set.of(),
                    Set.of("class", "interface", "enum", "record"), Set.of("for", "while"), Set.of("switch"),
                    Set.of("throw"), true, Lambda.THIN_ARROW)),
            entry(new BraceSyntax("Kotlin", false, true, true, Set.of("fun"),
                    Set.of("class", "interface", "object"), Set.of("for", "while"), Set.of("when"),
                    Set.of("throw"), false, Lambda.KOTLIN)),
            entry(new BraceSyntax("JavaScript", false, true, true, Set.of("function"), Set.of("class"),
                    Set.of("for", "while"), Set.of("switch"), Set.of("throw"), true, Lambda.FAT_ARROW)),
            entry(new BraceSyntax("TypeScript", false, true, true, Set.of("function"),
                    Set.of("class", "interface", "enum", "namespace"), Set.of("for", "while"), Set.of("switch"),
                    Set.of("throw"), true, Lambda.FAT_ARROW)),
            entry(new BraceSyntax("Go", false, false, true, Set.of("func"), Set.of("struct", "interface"),
                    Set.of("for"), Set.of("switch", "select"), Set.of(), false, Lambda.GO)),
            entry(new BraceSyntax("Rust", false, false, true, Set.of("fn"),
                    Set.of("struct", "enum", "trait", "impl", "mod", "union"), Set.of("for", "while"),
                    Set.of("match"), Set.of(), false, Lambda.RUST)),
            entry(new BraceSyntax("C", true, true, false, Set.of(), C_TYPES, Set.of("for", "while"),
                    Set.of("switch"), Set.of(), true, Lambda.NONE)),
            entry(new BraceSyntax("C++", true, true, false, Set.of(),
                    Set.of("struct", "union", "enum", "class", "namespace"), Set.of("for", "while"),
                    Set.of("switch"), Set.of("throw"), true, Lambda.CPP)),
            entry(new BraceSyntax("C#", true, true, false, Set.of(),
                    Set.of("class", "interface", "struct", "enum", "namespace", "record"),
                    Set.of("for", "while", "foreach"), Set.of("switch"), Set.of("throw"), true, Lambda.FAT_ARROW)),
            entry(new BraceSyntax("PHP", false, true, false, Set.of("function"),
                    Set.of("class", "interface", "trait", "enum", "namespace"), Set.of("for", "while", "foreach"),
                    Set.of("switch", "match"), Set.of("throw"), true, Lambda.PHP)));

    private static Map.Entry<String, BraceSyntax> entry(BraceSyntax syntax) {
        return Map.entry(syntax.language(), syntax);
    }
}
