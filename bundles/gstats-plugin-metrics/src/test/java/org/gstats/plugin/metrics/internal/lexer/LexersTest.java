package org.gstats.plugin.metrics.internal.lexer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gstats.plugin.metrics.internal.complexity.ComplexityAnalyzer;
import org.junit.Test;

public class LexersTest {

    private static List<Token> lex(String language, String text) {
        return Lexers.forLanguage(language).orElseThrow().tokenize(text);
    }

    /** Tokens as "KIND:text" joined by spaces, layout tokens as their kind alone. */
    private static String show(String language, String text) {
        return lex(language, text).stream()
                .map(t -> t.text().isEmpty() ? t.kind().name() : t.kind().name().charAt(0) + ":" + t.text())
                .collect(Collectors.joining(" "));
    }

    @Test
    public void everyAdvertisedLanguageHasALexer() {
        List<String> advertised = List.of("Java", "Kotlin", "JavaScript", "TypeScript", "Python", "Go", "Rust", "C",
                "C++", "C#", "Ruby", "PHP");
        for (String language : advertised) {
            assertTrue(language, Lexers.forLanguage(language).isPresent());
            assertEquals(language, Lexers.forLanguage(language).orElseThrow().language());
        }
        assertEquals(Set.copyOf(advertised), Lexers.languages());
        assertEquals(Set.copyOf(advertised), ComplexityAnalyzer.languages());
        assertFalse(Lexers.forLanguage("Markdown").isPresent());
    }

    @Test
    public void javaCommentsWithBracesAndStringsThatLookLikeCode() {
        List<Token> tokens = lex("Java", "int a = 1; /* { if (x) } */ String s = \"if (a) { }\"; // }\nchar c = '}';");
        assertEquals(List.of("/* { if (x) } */", "// }"), texts(tokens, TokenKind.COMMENT));
        assertEquals(List.of("\"if (a) { }\""), texts(tokens, TokenKind.STRING));
        assertEquals(List.of("'}'"), texts(tokens, TokenKind.CHAR));
        assertEquals(0, texts(tokens, TokenKind.PUNCTUATION).stream().filter(p -> p.equals("{")).count());
        assertEquals(new Token(TokenKind.CHAR, "'}'", 2, 10), tokens.get(tokens.size() - 2));
    }

    @Test
    public void javaTextBlock() {
        List<Token> tokens = lex("Java", "String s = \"\"\"\n    if (x) { \"quoted\" }\n    \"\"\";\nint b;");
        assertEquals(List.of("\"\"\"\n    if (x) { \"quoted\" }\n    \"\"\""), texts(tokens, TokenKind.STRING));
        assertEquals(4, tokens.get(tokens.size() - 2).line());
        assertEquals(3, tokens.get(3).endLine());
    }

    @Test
    public void templateLiteralNestsCode() {
        assertEquals("K:const I:s O:= S:`a ${ I:b O:? S:`${ I:c S:}` O:: P:{ I:d O:: N:1 P:} S:} e` P:;",
                show("JavaScript", "const s = `a ${b ? `${c}` : {d: 1}} e`;"));
    }

    @Test
    public void javaScriptRegexAndDivision() {
        assertEquals("I:x O:= I:a O:/ I:b O:/ I:c P:; K:return S:/[/]}/g P:;",
                show("JavaScript", "x = a / b / c; return /[/]}/g;"));
    }

    @Test
    public void kotlinRawStringTemplateAndNestedComment() {
        assertEquals("K:val I:s O:= S:\"\"\"x ${ I:a O:+ I:b S:} $y \"\"\" C:/* a /* b */ c */ I:z",
                show("Kotlin", "val s = \"\"\"x ${a + b} $y \"\"\" /* a /* b */ c */ z"));
    }

    @Test
    public void pythonLayoutAndStrings() {
        String code = "@dec\ndef f(a,\n      b):\n    '''doc\n    if x: pass'''\n    if a:  # c\n\n"
                + "        return f'{b}'\n    return 0\n";
        assertEquals("O:@ I:dec NEWLINE K:def I:f P:( I:a P:, I:b P:) O:: NEWLINE INDENT S:'''doc\n    if x: pass'''"
                + " NEWLINE K:if I:a O:: C:# c NEWLINE INDENT K:return S:f'{b}' NEWLINE DEDENT K:return N:0 NEWLINE"
                + " DEDENT", show("Python", code));
    }

    @Test
    public void rubyHeredocSymbolsAndInterpolation() {
        String code = "x = <<~EOS.strip if y\n  def not_code\n  EOS\nputs \"a#{b + 1}c\", :sym, %w[if end]\n";
        assertEquals("I:x O:= S:<<~EOS O:. I:strip K:if I:y NEWLINE S:  def not_code\n  EOS I:puts S:\"a#{"
                + " I:b O:+ N:1 S:}c\" P:, S::sym P:, S:%w[if end] NEWLINE", show("Ruby", code));
    }

    @Test
    public void phpHeredocAndInlineHtml() {
        String code = "<p>{</p><?php $a = <<<EOT\n  if ($x) {\n  EOT;\n# c\necho \"v {$a['k']}\"; ?>\n<b>";
        assertEquals("T:<p>{</p><?php I:$a O:= S:<<<EOT\n  if ($x) {\n  EOT P:; C:# c I:echo S:\"v { I:$a P:[ S:'k'"
                + " P:] S:}\" P:; T:?>\n<b>", show("PHP", code).replace("K:echo", "I:echo"));
    }

    @Test
    public void goRawStringAndRune() {
        assertEquals("I:s O::= S:`a\n\"}` P:; I:r O::= C:'\\''",
                show("Go", "s := `a\n\"}`; r := '\\''"));
    }

    @Test
    public void rustRawStringLifetimeAndChar() {
        assertEquals("K:fn I:f O:< I:'a O:> P:( P:) P:{ K:let I:s O:= S:r#\"\"}\"# P:; K:let I:c O:= C:'}' P:; P:}",
                show("Rust", "fn f<'a>() { let s = r#\"\"}\"#; let c = '}'; }"));
    }

    @Test
    public void cppRawStringPreprocessorAndDigitSeparator() {
        assertEquals("P:#define MAX(a, b) \\\n  ((a) > (b) ? (a) : (b)) K:auto I:s O:= S:R\"x()\" { )x\" P:; K:int"
                + " I:n O:= N:1'000 P:;",
                show("C++", "#define MAX(a, b) \\\n  ((a) > (b) ? (a) : (b))\n"
                        + "auto s = R\"x()\" { )x\"; int n = 1'000;"));
    }

    @Test
    public void csharpVerbatimInterpolatedAndRawStrings() {
        assertEquals("I:var I:a O:= S:@\"c:\\\"\"{\" P:; I:var I:b O:= S:$\"x{ I:y O:+ N:1 S:}{{\" P:; I:var I:c O:="
                + " S:\"\"\"\n{ \" }\n\"\"\" P:;",
                show("C#", "var a = @\"c:\\\"\"{\"; var b = $\"x{y + 1}{{\"; var c = \"\"\"\n{ \" }\n\"\"\";"));
    }

    @Test
    public void aStrayQuoteSpoilsOneLineOnly() {
        assertEquals("S:\"it's K:if P:( I:a P:) P:{ P:}", show("Java", "\"it's\nif (a) {}"));
        assertEquals(List.of("if"), texts(lex("C", "char c = 'x;\nif (a) {}"), TokenKind.KEYWORD).subList(1, 2));
    }

    private static List<String> texts(List<Token> tokens, TokenKind kind) {
        return tokens.stream().filter(t -> t.kind() == kind).map(Token::text).toList();
    }
}
