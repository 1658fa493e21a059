package org.gstats.plugin.metrics.internal.text;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Hand-counted lines of tricky text, per syntax family. */
public class LineCounterTest {

    private static LineCounts count(String text, Syntax syntax) {
        LineCounter counter = new LineCounter();
        TextLines lines = TextLines.of(text.toCharArray());
        SourceScanner.scan(text.toCharArray(), lines, syntax, counter);
        return counter.counts(lines);
    }

    @Test
    public void javaStringsThatLookLikeCommentsAndCommentsWithBraces() {
        String java = """
                class A {
                    String url = "http://example.com/*not a comment*/";
                    /* a comment { with braces }
                       still comment */

                    // int x = 1;
                    int y = 2; // trailing comment is code
                    String block = \"""
                        // inside a text block
                        \""";
                }""";
        // code: 1,2,7,8,9,10,11; comment: 3,4,6; blank: 5
        assertEquals(new LineCounts(7, 3, 1), count(java, Syntax.JVM));
    }

    @Test
    public void templateLiteralsSpanLines() {
        String js = "const s = `line one\n/* not a comment */\n`;\n// comment\n";
        assertEquals(new LineCounts(3, 1, 0), count(js, Syntax.ECMASCRIPT));
    }

    @Test
    public void pythonDocstringsAreCommentsAsInCloc() {
        String python = "def f():\n    \"\"\"Doc\n    string.\"\"\"\n    return '#'  # done\n\n";
        assertEquals(new LineCounts(2, 2, 1), count(python, Syntax.PYTHON));
    }

    @Test
    public void shellShebangIsCode() {
        String shell = "#!/bin/sh\n# comment\necho \"# not\"\n   \n";
        assertEquals(new LineCounts(2, 1, 1), count(shell, Syntax.HASH));
    }

    @Test
    public void blankLinesInsideCommentsAreBlank() {
        String c = "/*\n\n*/\nint x;";
        assertEquals(new LineCounts(1, 2, 1), count(c, Syntax.C_FAMILY));
    }

    @Test
    public void nestedComments() {
        String haskell = "{- outer {- inner -}\nstill -}\nmain = 1\n";
        assertEquals(new LineCounts(1, 2, 0), count(haskell, Syntax.HASKELL));
    }

    @Test
    public void propertiesCommentOnlyAtLineStart() {
        assertEquals(new LineCounts(1, 2, 0), count("# a\n  ! b\nkey = #value\n", Syntax.PROPERTIES));
    }

    @Test
    public void markupComments() {
        assertEquals(new LineCounts(1, 2, 0), count("<!-- a\nb -->\n<p/>", Syntax.MARKUP));
    }

    @Test
    public void goRawStringsSpanLines() {
        String go = "var s = `first\n// not a comment\n`\n// comment\n";
        assertEquals(new LineCounts(3, 1, 0), count(go, Syntax.GO));
    }

    @Test
    public void csharpVerbatimStringsSpanLinesWithoutEscapes() {
        String cs = "var p = @\"C:\\dir\\\n/* not a comment */\";\n/* comment */\n";
        assertEquals(new LineCounts(2, 1, 0), count(cs, Syntax.CSHARP));
    }

    @Test
    public void rubyBlockCommentsOnlyAtLineStart() {
        String ruby = "=begin\nanything\n=end\nx = 1 # note\n  y = 2\n";
        assertEquals(new LineCounts(2, 3, 0), count(ruby, Syntax.RUBY));
    }

    @Test
    public void phpHasThreeCommentForms() {
        String php = "<?php\n# one\n// two\n/* three */\necho '#';\n";
        assertEquals(new LineCounts(2, 3, 0), count(php, Syntax.PHP));
    }

    @Test
    public void lastLineWithoutNewlineCounts() {
        assertEquals(new LineCounts(2, 0, 0), count("a\nb", Syntax.PLAIN));
        assertEquals(new LineCounts(2, 0, 0), count("a\nb\n", Syntax.PLAIN));
        assertEquals(new LineCounts(1, 1, 1), count("\n// c\nx", Syntax.C_FAMILY));
        assertEquals(LineCounts.NONE, count("", Syntax.PLAIN));
    }
}
