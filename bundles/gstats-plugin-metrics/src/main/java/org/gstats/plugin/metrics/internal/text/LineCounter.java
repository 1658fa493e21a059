package org.gstats.plugin.metrics.internal.text;

/** Counts code, comment and blank lines of a text whose lexemes were marked by a scan. */
public final class LineCounter implements SourceScanner.Sink {

    private final boolean[] code;

    /** @param lines the text's line count (a last line without newline counts) */
    public LineCounter(int lines) {
        code = new boolean[lines + 2];
    }

    @Override
    public void lexeme(SourceScanner.Kind kind, int start, int end, int startLine, int endLine) {
        if (kind != SourceScanner.Kind.COMMENT) {
            for (int line = startLine; line <= endLine && line < code.length; line++) {
                code[line] = true;
            }
        }
    }

    /** The counts, once the scan has fed every lexeme of {@code text}. */
    public LineCounts counts(String text) {
        int codeLines = 0;
        int commentLines = 0;
        int blankLines = 0;
        int line = 1;
        boolean blank = true;
        // one copy of the characters costs less than String.charAt's checks on every one
        char[] chars = text.toCharArray();
        int length = chars.length;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c == '\n') {
                if (blank) {
                    blankLines++;
                } else if (code[line]) {
                    codeLines++;
                } else {
                    commentLines++;
                }
                line++;
                blank = true;
            } else if (blank && !Character.isWhitespace(c)) {
                blank = false;
            }
        }
        if (length > 0 && chars[length - 1] != '\n') {
            if (blank) {
                blankLines++;
            } else if (code[line]) {
                codeLines++;
            } else {
                commentLines++;
            }
        }
        return new LineCounts(codeLines, commentLines, blankLines);
    }

    /** Line count of a text: newlines, plus one for a last line without newline. */
    public static int lines(String text) {
        int lines = newlines(text);
        return text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? lines : lines + 1;
    }

    /** Newlines in a text; {@code indexOf} scans the string's bytes without a check per character. */
    public static int newlines(String text) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }
}
