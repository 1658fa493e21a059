package org.gstats.scanner.internal;

import java.util.Arrays;

/**
 * A blob's content as git's rename detection measures it ({@code diffcore-delta.c}): cut into
 * spans that end after a {@code '\n'} or at 64 bytes, each span hashed into one of
 * {@value #HASH_BASE} values, and the bytes counted per value. Two blobs share the bytes of the
 * values they have in common.
 * <p>
 * The details decide scores at the border, so they are git's: in text a CR just before an LF
 * is not counted; the bytes after the last newline, when fewer than 64, end no span and are
 * not counted at all; and spans whose hashes collide modulo {@value #HASH_BASE} count as one.
 */
final class SpanCounts {

    /** Longest span. */
    private static final int MAX_SPAN = 64;
    /** git's prime between 2^16 and 2^17 that span hashes are reduced to. */
    private static final int HASH_BASE = 107927;

    /** Hash values, ascending, each once. */
    private final int[] hashes;
    /** Bytes counted for each value of {@link #hashes}. */
    private final int[] counts;

    private SpanCounts(int[] hashes, int[] counts) {
        this.hashes = hashes;
        this.counts = counts;
    }

    /** @param text whether git takes the content for text (then CR in CRLF is skipped) */
    static SpanCounts of(byte[] content, boolean text) {
        long[] spans = new long[Math.max(8, content.length / 16)];
        int found = 0;
        int accum1 = 0;
        int accum2 = 0;
        int length = 0;
        for (int i = 0; i < content.length; i++) {
            int c = content[i] & 0xff;
            if (text && c == '\r' && i + 1 < content.length && content[i + 1] == '\n') {
                continue;
            }
            int old1 = accum1;
            accum1 = (accum1 << 7) ^ (accum2 >>> 25);
            accum2 = (accum2 << 7) ^ (old1 >>> 25);
            accum1 += c;
            if (++length < MAX_SPAN && c != '\n') {
                continue;
            }
            int hash = Integer.remainderUnsigned(accum1 + accum2 * 0x61, HASH_BASE);
            if (found == spans.length) {
                spans = Arrays.copyOf(spans, found * 2);
            }
            // value in the high half, length in the low: sorting groups each value
            spans[found++] = (long) hash << 32 | length;
            length = 0;
            accum1 = 0;
            accum2 = 0;
        }
        Arrays.sort(spans, 0, found);
        int[] hashes = new int[found];
        int[] counts = new int[found];
        int values = -1;
        for (int i = 0; i < found; i++) {
            int hash = (int) (spans[i] >>> 32);
            if (values < 0 || hashes[values] != hash) {
                hashes[++values] = hash;
            }
            counts[values] += (int) spans[i];
        }
        return new SpanCounts(Arrays.copyOf(hashes, values + 1), Arrays.copyOf(counts, values + 1));
    }

    /** The bytes of {@code source} found again here: per value, the smaller of the two counts. */
    long copiedFrom(SpanCounts source) {
        long copied = 0;
        int i = 0;
        int j = 0;
        while (i < source.hashes.length && j < hashes.length) {
            if (source.hashes[i] == hashes[j]) {
                copied += Math.min(source.counts[i++], counts[j++]);
            } else if (source.hashes[i] < hashes[j]) {
                i++;
            } else {
                j++;
            }
        }
        return copied;
    }
}
