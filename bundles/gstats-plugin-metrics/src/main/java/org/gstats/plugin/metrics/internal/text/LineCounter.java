package org.gstats.plugin.metrics.internal.text;

import java.util.Arrays;

/**
 * Counts code, comment and blank lines of a text whose lexemes were marked by a scan. Its table of
 * code lines grows with the lexemes, so that the text's lines need not be counted beforehand.
 */
public final class LineCounter implements SourceScanner.Sink {

    private boolean[] code = new boolean[64];

    @Override
    public void lexeme(SourceScanner.Kind kind, int start, int end, int startLine, int endLine) {
        if (kind != SourceScanner.Kind.COMMENT) {
            if (endLine >= code.length) {
                code = Arrays.copyOf(code, Math.max(endLine + 1, code.length * 2));
            }
            for (int line = startLine; line <= endLine; line++) {
                code[line] = true;
            }
        }
    }

    /** The counts, once the scan has fed every lexeme of the text whose lines are {@code lines}. */
    public LineCounts counts(TextLines lines) {
        int codeLines = 0;
        int commentLines = 0;
        int blankLines = 0;
        for (int k = 0; k < lines.count(); k++) {
            if (k == lines.count() - 1 && lines.empty(k)) {
                break;
            }
            int line = k + 1;
            if (lines.blank(k)) {
                blankLines++;
            } else if (line < code.length && code[line]) {
                codeLines++;
            } else {
                commentLines++;
            }
        }
        return new LineCounts(codeLines, commentLines, blankLines);
    }
}
