package org.gstats.scanner.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The lines of a stretch of bytes, as git's xdiff takes them: each ends after its {@code '\n'};
 * a last one without a newline is a line too, and differs from the same text with a newline.
 * Also finds, counts and hashes lines without keeping them, for text the line counter only has
 * to skim (the common head and tail of two versions).
 * <p>
 * Everything reads eight bytes at a time. A line hashes from the words read at its own start,
 * so that it hashes the same wherever it sits in whichever blob; the last few bytes of a
 * stretch, too few for a word, are gathered into one as if read whole.
 */
final class Lines {

    static final Lines NONE = new Lines(new int[] {0}, new int[0]);

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN_BITS = 0x7f7f7f7f7f7f7f7fL;
    private static final long BYTE_PAIRS = 0x00ff00ff00ff00ffL;
    private static final long SHORT_LANES = 0x0001000100010001L;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    /** Where each line starts, and after the last one the end of the stretch. */
    private final int[] starts;
    private final int[] hashes;

    private Lines(int[] starts, int[] hashes) {
        this.starts = starts;
        this.hashes = hashes;
    }

    int count() {
        return hashes.length;
    }

    int start(int line) {
        return starts[line];
    }

    int end(int line) {
        return starts[line + 1];
    }

    /** The line that starts at byte {@code offset} (a line's start; the end gives the number of lines). */
    int lineAt(int offset) {
        // lines are never empty, so the starts rise strictly
        return Arrays.binarySearch(starts, offset);
    }

    /** Hash of each line; equal lines hash alike, and a line's length is part of its hash. Shared, never to be changed. */
    int[] hashes() {
        return hashes;
    }

    /** Splits and hashes the lines of {@code bytes} from {@code from} to {@code to} in one pass. */
    static Lines of(byte[] bytes, int from, int to) {
        int[] starts = new int[Math.max(16, (to - from) / 16)];
        int[] hashes = new int[starts.length];
        int lines = 0;
        int lineStart = from;
        long hash = 0;
        int at = from;
        int lastWord = to - 8;
        while (at < to) {
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
                int available = to - at;
                word = partialWord(bytes, at, available);
                newlines = newlineBytes(word) & ((1L << (available * 8)) - 1);
                if (newlines == 0) {
                    hash = mix(hash, word);
                    at = to;
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
        if (lineStart < to) {
            // the last line, without a newline
            starts[lines] = lineStart;
            hashes[lines] = finish(hash, to - lineStart);
            lines++;
        }
        starts[lines] = to;
        return new Lines(Arrays.copyOf(starts, lines + 1), Arrays.copyOf(hashes, lines));
    }

    /** The hash {@link #of} gives the one line from {@code from} to {@code to}. */
    static int hash(byte[] bytes, int from, int to) {
        long hash = 0;
        int at = from;
        for (; at + 8 <= to; at += 8) {
            hash = mix(hash, (long) WORDS.get(bytes, at));
        }
        if (at < to) {
            hash = mix(hash, partialWord(bytes, at, to - at));
        }
        return finish(hash, to - from);
    }

    /**
     * A cheap fingerprint of the line from {@code from} to {@code to}, from its length and its
     * first and last eight bytes: equal lines have equal sketches, and most unequal ones differ.
     */
    static int sketch(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < 8) {
            return length;
        }
        long h = ((long) WORDS.get(bytes, from) * MULTIPLIER ^ (long) WORDS.get(bytes, to - 8) ^ length) * MULTIPLIER;
        return (int) (h >>> 40);
    }

    /** The index of the first {@code '\n'} from {@code from} on, before {@code to}; -1 if none. */
    static int nextNewline(byte[] bytes, int from, int to) {
        int at = from;
        for (; at + 8 <= to; at += 8) {
            long newlines = newlineBytes((long) WORDS.get(bytes, at));
            if (newlines != 0) {
                return at + (Long.numberOfTrailingZeros(newlines) >>> 3);
            }
        }
        for (; at < to; at++) {
            if (bytes[at] == '\n') {
                return at;
            }
        }
        return -1;
    }

    /** The index of the last {@code '\n'} before {@code to}, from {@code from} on; -1 if none. */
    static int lastNewline(byte[] bytes, int from, int to) {
        for (int at = to - 1; at >= from; at--) {
            if (bytes[at] == '\n') {
                return at;
            }
        }
        return -1;
    }

    /** The number of lines from {@code from} to {@code to}: its newlines, and one more for text after the last. */
    static int count(byte[] bytes, int from, int to) {
        int newlines = 0;
        int at = from;
        while (at + 8 <= to) {
            // one newline count per byte lane, summed before a lane could pass 255
            long lanes = 0;
            int stop = Math.min(to - 8, at + 8 * 254);
            for (; at <= stop; at += 8) {
                lanes += newlineMask(bytes, at) >>> 7;
            }
            long pairs = (lanes & BYTE_PAIRS) + (lanes >>> 8 & BYTE_PAIRS);
            newlines += (int) ((pairs * SHORT_LANES) >>> 48);
        }
        for (; at < to; at++) {
            if (bytes[at] == '\n') {
                newlines++;
            }
        }
        return to > from && bytes[to - 1] != '\n' ? newlines + 1 : newlines;
    }

    /**
     * The high bit of each newline byte of the word at {@code at}, exactly (unlike
     * {@link #newlineBytes}, no borrow between bytes), for callers that take every newline of a
     * word.
     */
    static long newlineMask(byte[] bytes, int at) {
        long x = (long) WORDS.get(bytes, at) ^ NEWLINES;
        return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
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
     * newline, which is all the callers use (a borrow can only mark bytes above it).
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
