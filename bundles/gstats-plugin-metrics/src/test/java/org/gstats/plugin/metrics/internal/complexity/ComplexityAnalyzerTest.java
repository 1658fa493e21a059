package org.gstats.plugin.metrics.internal.complexity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

/**
 * Hand-checked figures for tricky code in every language. Each expectation reads
 * {@code name start-end cyclomatic/cognitive/maxNesting/parameters}; the comments give the sum by hand. Samples
 * are in src/test/resources/.../complexity/samples.
 */
public class ComplexityAnalyzerTest {

    private static FileComplexity analyze(String language, String sample) throws IOException {
        try (InputStream in = ComplexityAnalyzerTest.class.getResourceAsStream("samples/" + sample)) {
            return ComplexityAnalyzer.analyze(language, new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .orElseThrow();
        }
    }

    private static void check(FileComplexity file, String... expected) {
        assertEquals(String.join("\n", expected), file.functions().stream()
                .map(f -> f.name() + " " + f.startLine() + "-" + f.endLine() + " " + f.cyclomatic() + "/"
                        + f.cognitive() + "/" + f.maxNesting() + "/" + f.parameters())
                .collect(Collectors.joining("\n")));
    }

    @Test
    public void javaSwitchExpressionsNestedLambdasAnonymousClassesTextBlocks() throws IOException {
        FileComplexity file = analyze("Java", "Sample.java.txt");
        check(file,
                // cyclo 1 + case 1,2 (2) + case 3 + if + ternary; cog switch 1 + if 2 + ternary 2 (in the switch);
                // the text block, string and char literals full of braces count nothing
                "kind 7-16 6/5/2/2",
                // a Java lambda's decisions are its own (PMD); cog: if inside three lambdas = 1 + 3
                "nested 18-24 1/4/4/1",
                // the anonymous class's method is its own function; cog counts it at nesting 1: if = 2
                "cmp 26-34 1/2/0/0",
                "compare 29-32 2/1/1/2",
                // cyclo 1 + if + 3 (&&,||,&&) + for + for + if + catch; cog if 1, ||/&& 2, return !(a&&b)&&c 2,
                // for 1, for 2, if 3, continue outer 1, recursion 1, catch 1
                "logic 36-53 9/14/3/4");
        assertEquals(19, file.cyclomatic());
        assertEquals("cognitive of outermost functions only: 5 + 4 + 2 + 14", 25, file.cognitive());
        assertEquals(4, file.maxNesting());
    }

    @Test
    public void kotlinWhenTemplatesAndTrailingLambdas() throws IOException {
        check(analyze("Kotlin", "Sample.kt.txt"),
                // if/else inside ${} of a string (cyclo 1, cog 2), when: 2 branches + || (cyclo 3, cog 1 + 1)
                "describe 9-16 5/4/1/2",
                // expression body; if/else inside a lambda: cog 2 + 1
                "walk 18-20 2/3/2/0",
                // for, while, catch; cog for 1, while 2, recursion 1, catch 1
                "loop 22-34 4/5/2/1");
    }

    @Test
    public void javaScriptTemplatesRegexNestedFunctionsAndClassMembers() throws IOException {
        check(analyze("JavaScript", "Sample.js.txt"),
                // ternary inside a nested template literal; || outside a condition adds cognitive only
                "greet 3-3 2/2/1/1",
                // if + && inside the callback; cog: nested function inner's ternary at nesting 1 (2), if 2, && 1
                "outer 5-15 3/5/2/1",
                "inner 6-8 2/1/1/1",
                "size 18-18 1/0/0/0",
                // if + throw + for + if + ||; cog if 1, for 1, if 2, || 1
                "add 19-24 6/5/2/2",
                "handler 25-25 2/1/1/1",
                // a callback outside any function is a function of its own
                "<lambda> 28-32 1/0/1/0");
    }

    @Test
    public void typeScriptOptionalMarksAreNotConditions() throws IOException {
        check(analyze("TypeScript", "Sample.ts.txt"),
                // id?: and ?. and ?? are no decisions; the one ternary is
                "pick 3-6 2/1/1/2",
                // two case labels, if + &&; cog switch 1, if 2, && 1
                "load 10-21 5/4/2/2",
                // arrow functions at the top level, named by their variables; the return type annotation is
                // stepped over to find the two parameters
                "f 23-23 2/1/1/2",
                "g 24-24 2/1/1/1",
                "h 25-25 1/0/0/1");
    }

    @Test
    public void goClosuresSwitchAndSelect() throws IOException {
        check(analyze("Go", "Sample.go.txt"),
                // for, if + &&, else if, closure's if, case, case with two expressions; receiver not a parameter
                "Sum 8-31 9/8/2/2",
                "main 33-38 2/1/1/0");
    }

    @Test
    public void goCompositeLiteralInALoopHeaderIsNotTheBody() {
        String code = "package p\nfunc f() {\n\tfor _, v := range []int{1, 2} {\n\t\tif v > 1 {\n\t\t}\n\t}\n}\n";
        FunctionComplexity f = ComplexityAnalyzer.analyze("Go", code).orElseThrow().functions().get(0);
        // for 1, if inside it 2
        assertEquals(3, f.cognitive());
        assertEquals(2, f.maxNesting());
    }

    @Test
    public void rustMatchClosuresLifetimesAndRawStrings() throws IOException {
        check(analyze("Rust", "Sample.rs.txt"),
                // arms: two alternatives, guard with &&, wildcard free; if; && in the closure is cognitive only
                "parse 5-16 6/5/2/2",
                // if/else and recursion
                "fact 19-21 2/3/1/1",
                // loop (no decision) > while let > if: cog 1 + 2 + 3
                "spin 23-29 3/6/3/0");
    }

    @Test
    public void cMacrosGotoAndFunctionPointers() throws IOException {
        check(analyze("C", "Sample.c.txt"),
                // macro bodies are preprocessor lines: their ternary and if do not count; function-pointer
                // declarations are not functions; case 0 and case 1 are two decisions
                "apply 11-27 8/8/2/3",
                "main 29-29 1/0/0/0");
    }

    @Test
    public void cppLambdasOperatorsAndRawStrings() throws IOException {
        check(analyze("C++", "Sample.cpp.txt"),
                "Box 8-8 1/0/0/1",
                "~Box 9-9 2/1/1/0",
                "operator== 10-12 1/1/0/1",
                // lambda's if counts in the enclosing function (only Java lambdas are separate), catch, throw
                "sum 13-24 4/3/2/1",
                "helper 30-33 2/1/1/1");
    }

    @Test
    public void csharpInterpolationVerbatimStringsAndExpressionBodies() throws IOException {
        check(analyze("C#", "Sample.cs.txt"),
                // ternary in an interpolation hole, foreach, if + ||, ternary + && in its condition
                "Total 8-22 7/7/2/2",
                "IsEmpty 23-23 1/1/0/0",
                "Twice 24-24 2/1/1/1");
    }

    @Test
    public void csharpSwitchExpressionArms() {
        String code = "class A { int F(int x) { return x switch { 1 or 2 => 10, > 5 => 20, _ => 0 }; } }";
        FunctionComplexity f = ComplexityAnalyzer.analyze("C#", code).orElseThrow().functions().get(0);
        // two arms besides the discard; one switch
        assertEquals(3, f.cyclomatic());
        assertEquals(1, f.cognitive());
    }

    @Test
    public void phpHeredocsMatchAndClosures() throws IOException {
        check(analyze("PHP", "Sample.php.txt"),
                // foreach, if + or, elseif, match arms 1,2 and 3, arrow function's ternary; heredoc and nowdoc
                // bodies and the HTML around the tags count nothing
                "render 12-28 9/10/3/2",
                // ?: and ?? are no decisions
                "show 31-34 1/0/1/0");
    }

    @Test
    public void pythonDecoratorsNestedDefsComprehensionsAndMatch() throws IOException {
        FileComplexity file = analyze("Python", "Sample.py.txt");
        check(file,
                // nested defs are functions of their own whose cognitive increments reach the enclosing ones
                "decorator 8-16 1/4/0/1",
                "wrap 9-15 1/3/0/1",
                "inner 11-14 3/2/1/2",
                // comprehension for and if, conditional expression, except, the try's else, while, case 0 | 1
                // (two); self and the bare * are no parameters
                "total 21-36 9/6/1/2",
                "square 38-38 2/1/1/1");
        assertEquals("cognitive of outermost functions only", 4 + 6 + 1, file.cognitive());
    }

    @Test
    public void rubyBlocksModifiersHeredocsAndRescue() throws IOException {
        check(analyze("Ruby", "Sample.rb.txt"),
                // modifier if, unless in a do block, ternary in an interpolation, when 0, nil (two), when, rescue
                "total 13-29 8/9/3/2",
                "fact 31-33 2/2/1/1",
                // while ... do, until modifier inside it
                "loop_it 35-39 3/3/2/0");
    }

    @Test
    public void everyPrefixOfEverySampleIsAnalyzed() throws IOException {
        // editors and broken commits leave unterminated strings, comments and blocks: figures, never a failure
        String[][] samples = {{"Java", "Sample.java.txt"}, {"Kotlin", "Sample.kt.txt"},
            {"JavaScript", "Sample.js.txt"}, {"TypeScript", "Sample.ts.txt"}, {"Go", "Sample.go.txt"},
            {"Rust", "Sample.rs.txt"}, {"C", "Sample.c.txt"}, {"C++", "Sample.cpp.txt"}, {"C#", "Sample.cs.txt"},
            {"PHP", "Sample.php.txt"}, {"Python", "Sample.py.txt"}, {"Ruby", "Sample.rb.txt"}};
        for (String[] sample : samples) {
            String text;
            try (InputStream in = ComplexityAnalyzerTest.class.getResourceAsStream("samples/" + sample[1])) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (int end = 0; end <= text.length(); end++) {
                FileComplexity file = ComplexityAnalyzer.analyze(sample[0], text.substring(0, end)).orElseThrow();
                for (FunctionComplexity f : file.functions()) {
                    assertTrue(sample[0] + " prefix " + end + ": " + f, f.cyclomatic() >= 1 && f.cognitive() >= 0
                            && f.endLine() >= f.startLine() && f.parameters() >= 0);
                }
            }
        }
    }

    @Test
    public void generatedCodeNestedBeyondTheStackIsLeftUnmeasured() {
        String deep = "function f() { x = " + "[".repeat(200_000) + "]".repeat(200_000) + "; }";
        assertFalse(ComplexityAnalyzer.analyze("JavaScript", deep).isPresent());
        assertTrue(ComplexityAnalyzer.analyze("JavaScript", "function f() { return 1; }").isPresent());
    }

    @Test
    public void otherLanguagesAreNotMeasured() {
        assertFalse(ComplexityAnalyzer.analyze("Markdown", "# if (x) { }").isPresent());
    }

    @Test
    public void unbalancedCodeStillGivesFigures() {
        FileComplexity file = ComplexityAnalyzer.analyze("Java", "class A { void f() { if (a) { while (b) {")
                .orElseThrow();
        assertEquals(List.of("f"), file.functions().stream().map(FunctionComplexity::name).toList());
        assertEquals(3, file.cyclomatic());
    }
}
