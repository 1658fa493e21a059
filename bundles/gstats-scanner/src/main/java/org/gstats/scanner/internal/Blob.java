package org.gstats.scanner.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One side of a file change as the line counter needs it: the bytes, whether git would call
 * them binary, where each line starts and a hash of each line. Lines end after their
 * {@code '\n'}; a last line without one is a line too, and differs from the same text with a
 * newline, as in git.
 * <p>
 * Lines are split and hashed in one pass when the blob is made, eight bytes at a time: every
 * version of a file passes through here once per scan (the cache hands it to the next commit
 * down the history), and this pass is most of the line counter's work.
 */
final class Blob {

    /** git's {@code buffer_is_binary} looks this far for a NUL byte. */
    static final int BINARY_CHECK_BYTES = 8000;

    static final Blob EMPTY = new Blob(0, new byte[0], false);

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final int[] NO_LINES = new int[0];

    private final long size;
    private final byte[] content;
    private final boolean binary;
    /** Where each line starts, and the end of the content after the last one; null when binary. */
    private final int[] lineStarts;
    private final int[] lineHashes;

    private Blob(long size, byte[] content, boolean binary) {
        this.size = size;
        this.content = content;
        this.binary = binary;
        if (content == null || binary) {
            lineStarts = null;
            lineHashes = NO_LINES;
        } else {
            int[][] lines = split(content);
            lineStarts = lines[0];
            lineHashes = lines[1];
        }
    }

    /** A blob read whole. The array is shared, never copied or changed. */
    static Blob of(byte[] content) {
        return new Blob(content.length, content, containsNul(content));
    }

    /** A blob left unread because of its size; binary, as git treats files above core.bigFileThreshold. */
    static Blob tooLarge(long size) {
        return new Blob(size, null, true);
    }

    /** This content taken for binary whatever it holds, as git's {@code -diff} attribute asks. */
    Blob asBinary() {
        return binary ? this : new Blob(size, content, true);
    }

    /** This content taken for text even with NUL bytes, as git's {@code diff} attribute asks; unread content stays binary. */
    Blob asText() {
        return !binary || content == null ? this : new Blob(size, content, false);
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
        return lineHashes[line] == other.lineHashes[otherLine]
                && Arrays.equals(content, lineStarts[line], lineStarts[line + 1],
                        other.content, other.lineStarts[otherLine], other.lineStarts[otherLine + 1]);
    }

    /**
     * Hash of each line; equal lines hash alike, and a line's length is part of its hash. The
     * array is shared, never to be changed.
     */
    int[] lineHashes() {
        return lineHashes;
    }

    int lineStart(int line) {
        return lineStarts[line];
    }

    int lineEnd(int line) {
        return lineStarts[line + 1];
    }

    /** git's {@code buffer_is_binary}, eight bytes at a time: a loop of single bytes was a tenth of the line splitting. */
    private static boolean containsNul(byte[] content) {
        int end = Math.min(content.length, BINARY_CHECK_BYTES);
        int at = 0;
        for (; at + 8 <= end; at += 8) {
            long word = (long) WORDS.get(content, at);
            if (((word - LOW_BITS) & ~word & HIGH_BITS) != 0) {
                return true;
            }
        }
        for (; at < end; at++) {
            if (content[at] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds the lines and hashes each from the words read at its own start, so that a line
     * hashes the same wherever it sits in whichever blob. The last few bytes, too few for a
     * word, are gathered into one as if read whole. Returns the line starts and the hashes.
     */
    private static int[][] split(byte[] bytes) {
        int length = bytes.length;
        int[] starts = new int[Math.max(16, length / 16)];
        int[] hashes = new int[starts.length];
        int lines = 0;
        int lineStart = 0;
        long hash = 0;
        int at = 0;
        int lastWord = length - 8;
        while (at < length) {
            long word;
            long newlines;
            if (at <= lastWord) {
                word = (long) WORDS.get(bytes, at);
                newlines = newlineBytes(word);
                if (newlines == 0) {
                    // most words: no line ends in them
                    hash = mix(hash, word);
                    at += 8;
                    continue;
                }
            } else {
                int available = length - at;
                word = partialWord(bytes, at, available);
                newlines = newlineBytes(word) & ((1L << (available * 8)) - 1);
                if (newlines == 0) {
                    hash = mix(hash, word);
                    at = length;
                    continue;
                }
            }
            int bytesTaken = (Long.numberOfTrailingZeros(newlines) >>> 3) + 1;
            hash = mix(hash, bytesTaken == 8 ? word : word & ((1L << (bytesTaken * 8)) - 1));
            at += bytesTaken;
            // room for this line, a last one without a newline and the end
            if (lines + 2 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                hashes = Arrays.copyOf(hashes, starts.length);
            }
            starts[lines] = lineStart;
            hashes[lines] = finish(hash, at - lineStart);
            lines++;
            lineStart = at;
            hash = 0;
        }
        if (lineStart < length) {
            // the last line, without a newline
            starts[lines] = lineStart;
            hashes[lines] = finish(hash, length - lineStart);
            lines++;
        }
        starts[lines] = length;
        return new int[][] {Arrays.copyOf(starts, lines + 1), Arrays.copyOf(hashes, lines)};
    }

    private static long partialWord(byte[] bytes, int at, int available) {
        long word = 0;
        for (int i = available - 1; i >= 0; i--) {
            word = word << 8 | (bytes[at + i] & 0xff);
        }
        return word;
    }

    /**
     * The high bit of each byte of {@code word} that may be a newline; exact up to the first
     * newline, which is all the caller uses (a borrow can only mark bytes above it).
     */
    private static long newlineBytes(long word) {
        long x = word ^ NEWLINES;
        return (x - LOW_BITS) & ~x & HIGH_BITS;
    }

    private static long mix(long hash, long word) {
        long h = (hash ^ word) * MULTIPLIER;
        return h ^ (h >>> 29);
    }

    private static int finish(long hash, int length) {
        long h = (hash ^ length) * MULTIPLIER;
        return (int) (h ^ (h >>> 32));
    }
}
