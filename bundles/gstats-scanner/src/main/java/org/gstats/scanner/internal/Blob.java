package org.gstats.scanner.internal;

import java.util.Arrays;

/**
 * One side of a file change as the line counter needs it: the bytes, whether git would call
 * them binary, and where each line starts. Lines end after their {@code '\n'}; a last line
 * without one is a line too, and differs from the same text with a newline, as in git.
 */
final class Blob {

    /** git's {@code buffer_is_binary} looks this far for a NUL byte. */
    static final int BINARY_CHECK_BYTES = 8000;

    static final Blob EMPTY = new Blob(0, new byte[0], false);

    private final long size;
    private final byte[] content;
    private final boolean binary;
    private final int[] lineStarts;
    private int[] lineHashes;

    private Blob(long size, byte[] content, boolean binary) {
        this.size = size;
        this.content = content;
        this.binary = binary;
        this.lineStarts = content == null || binary ? null : lineStarts(content);
    }

    /** A blob read whole. The array is shared, never copied or changed. */
    static Blob of(byte[] content) {
        return new Blob(content.length, content, containsNul(content));
    }

    /** A blob left unread because of its size; binary, as git treats files above core.bigFileThreshold. */
    static Blob tooLarge(long size) {
        return new Blob(size, null, true);
    }

    long size() {
        return size;
    }

    boolean binary() {
        return binary;
    }

    /** The bytes, or {@code null} for a blob too large to read. */
    byte[] content() {
        return content;
    }

    /** Number of lines; 0 for a binary blob. */
    int lineCount() {
        return lineStarts == null ? 0 : lineStarts.length - 1;
    }

    /** Memory this blob holds, for the cache's budget. */
    long footprint() {
        int lines = lineStarts == null ? 0 : lineStarts.length;
        return (content == null ? 0 : content.length) + 8L * lines + 64;
    }

    boolean sameLine(int line, Blob other, int otherLine) {
        int[] hashes = lineHashes();
        int[] otherHashes = other.lineHashes();
        return hashes[line] == otherHashes[otherLine]
                && Arrays.equals(content, lineStarts[line], lineStarts[line + 1],
                        other.content, other.lineStarts[otherLine], other.lineStarts[otherLine + 1]);
    }

    /** Hash of each line, computed on the first diff that needs them and kept with the blob. */
    int[] lineHashes() {
        if (lineHashes == null) {
            int count = lineCount();
            int[] hashes = new int[count];
            for (int line = 0; line < count; line++) {
                int hash = 0;
                for (int i = lineStarts[line], end = lineStarts[line + 1]; i < end; i++) {
                    hash = 31 * hash + content[i];
                }
                hashes[line] = hash;
            }
            lineHashes = hashes;
        }
        return lineHashes;
    }

    int lineStart(int line) {
        return lineStarts[line];
    }

    int lineEnd(int line) {
        return lineStarts[line + 1];
    }

    private static boolean containsNul(byte[] content) {
        for (int i = 0, end = Math.min(content.length, BINARY_CHECK_BYTES); i < end; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static int[] lineStarts(byte[] content) {
        int newlines = 0;
        for (byte b : content) {
            if (b == '\n') {
                newlines++;
            }
        }
        boolean unterminated = content.length > 0 && content[content.length - 1] != '\n';
        int[] starts = new int[newlines + (unterminated ? 1 : 0) + 1];
        int line = 1;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                starts[line++] = i + 1;
            }
        }
        starts[starts.length - 1] = content.length;
        return starts;
    }
}
