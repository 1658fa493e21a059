package org.gstats.plugin.metrics.internal.text;

import java.util.Arrays;

/**
 * Where each line of a text starts and which lines are blank, from one pass over its characters.
 * The passes that need lines (the source scan's lexeme lines, the line counter, the lexer's token
 * positions) share it: each looked for newlines on its own before, three more passes over every
 * character, a tenth of the head-file work. Line {@code k} (from 0) starts at {@code starts()[k]};
 * there is one line more than newlines, the last one empty when the text ends with a newline.
 */
public final class TextLines {

    private final int[] starts;
    private final boolean[] blank;
    private final int length;

    private TextLines(int[] starts, boolean[] blank, int length) {
        this.starts = starts;
        this.blank = blank;
        this.length = length;
    }

    /** The lines of the text whose characters are {@code chars}. */
    public static TextLines of(char[] chars) {
        int[] starts = new int[Math.max(16, chars.length / 32)];
        boolean[] blank = new boolean[starts.length];
        int count = 0;
        starts[count] = 0;
        boolean blankSoFar = true;
        int i = 0;
        int length = chars.length;
        while (i < length) {
            char c = chars[i];
            if (c == '\n') {
                blank[count++] = blankSoFar;
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    blank = Arrays.copyOf(blank, count * 2);
                }
                starts[count] = ++i;
                blankSoFar = true;
            } else if (blankSoFar && SourceScanner.isWhitespace(c)) {
                i++;
            } else {
                // the line holds more than white space: only its end is left to find
                blankSoFar = false;
                while (i < length && chars[i] != '\n') {
                    i++;
                }
            }
        }
        blank[count++] = blankSoFar;
        return new TextLines(Arrays.copyOf(starts, count), Arrays.copyOf(blank, count), chars.length);
    }

    /** The offset each line starts at, in order; shared, not to be changed. */
    public int[] starts() {
        return starts;
    }

    /** Lines, the empty one after a final newline included. */
    int count() {
        return starts.length;
    }

    /** Whether line {@code line} (from 0) holds white space only. */
    boolean blank(int line) {
        return blank[line];
    }

    /** Whether line {@code line} (from 0) holds no character: the text is empty or ends with a newline before it. */
    boolean empty(int line) {
        return starts[line] == length;
    }
}
