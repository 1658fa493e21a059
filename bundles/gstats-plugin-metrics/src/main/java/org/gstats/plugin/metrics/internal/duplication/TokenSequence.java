package org.gstats.plugin.metrics.internal.duplication;

import java.util.Arrays;

import org.gstats.plugin.metrics.internal.text.SourceScanner;

/**
 * One file's normalised tokens for clone detection: comments and white space are dropped, every
 * other lexeme is kept as a hash of its exact text, with the line it starts and ends on. Two
 * fragments are clones when their token hashes are equal, i.e. they differ only in layout and
 * comments (what jscpd's "weak" mode also ignores).
 */
public final class TokenSequence implements SourceScanner.Sink {

    /** Characters per token to expect: source runs at about seven, so the arrays seldom grow. */
    private static final int CHARS_PER_TOKEN = 6;

    private final char[] text;
    private int[] values;
    private int[] startLines;
    private int[] endLines;
    private int size;

    /** @param text the characters of the text the scan reads */
    public TokenSequence(char[] text) {
        this.text = text;
        int expected = Math.max(256, text.length / CHARS_PER_TOKEN);
        values = new int[expected];
        startLines = new int[expected];
        endLines = new int[expected];
    }

    @Override
    public void lexeme(SourceScanner.Kind kind, int start, int end, int startLine, int endLine) {
        if (kind == SourceScanner.Kind.COMMENT) {
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            startLines = Arrays.copyOf(startLines, size * 2);
            endLines = Arrays.copyOf(endLines, size * 2);
        }
        int hash = kind.ordinal();
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        values[size] = hash;
        startLines[size] = startLine;
        endLines[size] = endLine;
        size++;
    }

    /** The collected tokens, trimmed; the text is no longer referenced. */
    public Tokens tokens() {
        return new Tokens(Arrays.copyOf(values, size), Arrays.copyOf(startLines, size), Arrays.copyOf(endLines, size));
    }

    /** Token values with the first and last line of each token. */
    public record Tokens(int[] values, int[] startLines, int[] endLines) {
    }
}
