package org.gstats.plugin.metrics.internal.complexity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gstats.plugin.metrics.internal.lexer.Lexers;
import org.gstats.plugin.metrics.internal.lexer.Token;
import org.gstats.plugin.metrics.internal.text.TextLines;

/**
 * Cyclomatic and cognitive complexity and structural figures of a source file, per function. Stateless and
 * thread-safe; docs/metrics.md, section "Complexity", defines every figure per language.
 */
public final class ComplexityAnalyzer {

    private static final Set<String> LANGUAGES = Set.of("Java", "Kotlin", "JavaScript", "TypeScript", "Python",
            "Go", "Rust", "C", "C++", "C#", "Ruby", "PHP");

    private ComplexityAnalyzer() {
    }

    /** The languages {@link #analyze(String, String)} measures. */
    public static Set<String> languages() {
        return LANGUAGES;
    }

    /**
     * Figures of {@code text} read as {@code language}; empty for a language this analyzer does not measure, and for
     * a file nested deeper than the analysis can follow on the calling thread's stack (thousands of levels, seen
     * only in generated code).
     */
    public static Optional<FileComplexity> analyze(String language, String text) {
        char[] chars = text.toCharArray();
        return analyze(language, text, chars, TextLines.of(chars));
    }

    /**
     * As {@link #analyze(String, String)}, with the text's characters already copied out and its lines found (once
     * per file, for every pass).
     */
    public static Optional<FileComplexity> analyze(String language, String text, char[] chars, TextLines lines) {
        if (!LANGUAGES.contains(language)) {
            return Optional.empty();
        }
        List<Token> tokens = Lexers.forLanguage(language).orElseThrow().tokenize(text, chars, lines);
        List<FunctionScope> scopes;
        try {
            scopes = switch (language) {
                case "Python" -> new PythonAnalyzer(tokens).analyze();
                case "Ruby" -> new RubyAnalyzer(tokens).analyze();
                default -> new BraceAnalyzer(BraceSyntax.ALL.get(language), tokens).analyze();
            };
        } catch (StackOverflowError tooDeep) {
            // the analyzers descend recursively; the stack has unwound here and the file is left unmeasured
            return Optional.empty();
        }
        List<FunctionComplexity> functions = new ArrayList<>(scopes.size());
        int cyclomatic = 0;
        int cognitive = 0;
        int maxNesting = 0;
        for (FunctionScope scope : scopes) {
            functions.add(scope.result());
            cyclomatic += scope.cyclomatic;
            if (scope.parent == null) {
                cognitive += scope.cognitive;
            }
            maxNesting = Math.max(maxNesting, scope.maxNesting);
        }
        return Optional.of(new FileComplexity(language, functions, cyclomatic, cognitive, maxNesting));
    }
}
