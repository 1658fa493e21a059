package org.gstats.plugin.metrics.internal.duplication;

/**
 * A Bloom filter over window hashes that answers "seen before?" with no false negatives: a
 * hash that occurs twice is always reported at its second occurrence; a unique one is reported
 * now and then (a few percent at eight bits a hash), which only keeps it in the
 * {@link WindowIndex} for nothing. Sized at eight bits a hash, at most {@code maxBytes}; a
 * smaller filter reports more unique hashes, never fewer repeated ones. Blocked: a hash's bits
 * all lie in one 64-bit word, so that each hash costs one memory access rather than one per
 * bit (the filter is larger than the processor's caches on a large tree).
 */
final class SeenFilter {

    private static final int HASHES = 4;
    private static final int BITS_PER_KEY = 8;
    private static final int MIN_WORDS = 16;

    private final long[] words;
    private final int mask;

    SeenFilter(long keys, long maxBytes) {
        long wanted = Math.max(MIN_WORDS, Math.min(keys * BITS_PER_KEY / Long.SIZE, maxBytes / Long.BYTES));
        int count = Integer.highestOneBit((int) Math.min(wanted, 1 << 30));
        words = new long[Math.max(MIN_WORDS, count)];
        mask = words.length - 1;
    }

    /** Adds {@code key}; true when it may have been added before. */
    boolean add(long key) {
        long h = mix(key);
        int word = (int) (h >>> 32) & mask;
        long flags = flags(h);
        long before = words[word];
        words[word] = before | flags;
        return (before & flags) == flags;
    }

    /** False when {@code key} was never added; true when it was, and now and then when not. */
    boolean mayContain(long key) {
        long h = mix(key);
        long flags = flags(h);
        return (words[(int) (h >>> 32) & mask] & flags) == flags;
    }

    /** Four 6-bit positions from the low bits pick the bits within the word. */
    private static long flags(long h) {
        long flags = 0;
        for (int k = 0; k < HASHES; k++) {
            flags |= 1L << (h >>> (6 * k));
        }
        return flags;
    }

    /** MurmurHash3's 64-bit finaliser: every bit of the key reaches every bit of the result. */
    private static long mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
