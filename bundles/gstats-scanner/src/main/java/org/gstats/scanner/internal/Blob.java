package org.gstats.scanner.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One side of a file change as the line counter needs it: the bytes, whether git would call
 * them binary, and, when asked, its lines ({@link Lines}). Lines end after their {@code '\n'};
 * a last line without one is a line too, and differs from the same text with a newline, as in
 * git.
 * <p>
 * The lines are split and hashed only when first asked for, and kept: the default line counter
 * compares two versions' bytes and splits only what differs ({@link NumstatLineCounter}), so
 * most versions, whose every change touches a few lines of a long file, are never split whole
 * (those mostly changed are, once, for both their changes).
 * Blobs are shared by the scan's diff threads; two threads asking at once may both split, and
 * either's result is kept (the same lines).
 */
final class Blob {

    /** git's {@code buffer_is_binary} looks this far for a NUL byte. */
    static final int BINARY_CHECK_BYTES = 8000;

    static final Blob EMPTY = new Blob(0, new byte[0], false);

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Line tables per byte of text, as {@link #footprint} reckons them (8 bytes a line, lines of ~32 bytes). */
    private static final int BYTES_PER_TABLE_BYTE = 4;

    private final long size;
    private final byte[] content;
    private final boolean binary;
    /** Null until asked for, and for binary or unread content. */
    private Lines lines;
    /** -1 until asked for. */
    private int lineCount = -1;

    private Blob(long size, byte[] content, boolean binary) {
        this.size = size;
        this.content = content;
        this.binary = binary;
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

    /** Number of lines; 0 for a binary blob. Counted without splitting the lines. */
    int lineCount() {
        if (content == null || binary) {
            return 0;
        }
        int count = lineCount;
        if (count < 0) {
            Lines split = lines;
            count = split != null ? split.count() : Lines.count(content, 0, content.length);
            lineCount = count;
        }
        return count;
    }

    /** Takes the number of lines counted elsewhere (by the line counter, which skims them), so as not to count them again. */
    void lineCountIs(int count) {
        lineCount = count;
    }

    /**
     * Memory this blob holds, for the cache's budget; the same before and after its lines are
     * split (the cache subtracts what it added), so their tables are reckoned from the size.
     */
    long footprint() {
        int length = content == null ? 0 : content.length;
        return length + (binary ? 0 : length / BYTES_PER_TABLE_BYTE) + 64;
    }

    boolean sameLine(int line, Blob other, int otherLine) {
        Lines mine = lines();
        Lines theirs = other.lines();
        return mine.hashes()[line] == theirs.hashes()[otherLine]
                && Arrays.equals(content, mine.start(line), mine.end(line),
                        other.content, theirs.start(otherLine), theirs.end(otherLine));
    }

    /**
     * Hash of each line; equal lines hash alike, and a line's length is part of its hash. The
     * array is shared, never to be changed.
     */
    int[] lineHashes() {
        return lines().hashes();
    }

    /** The lines if some caller has split them already, else {@code null}. */
    Lines linesIfSplit() {
        return lines;
    }

    /** The lines, split and hashed at the first call and kept. */
    Lines lines() {
        Lines split = lines;
        if (split == null) {
            split = content == null || binary ? Lines.NONE : Lines.of(content, 0, content.length);
            lines = split;
        }
        return split;
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
}
