package org.gstats.plugin.metrics.internal.duplication;

/**
 * A Bloom filter over window hashes that answers "seen before?" with no false negatives: a
 * hash that occurs twice is always reported at its second occurrence; a unique one is reported
 * now and then (about 2 % at eight bits a hash), which only keeps it in the
 * {@link WindowIndex} for nothing. Sized at eight bits a hash, at most {@code maxBytes}; a
 * smaller filter reports more unique hashes, never fewer repeated ones.
 */
final class SeenFilter {

    private static final int HASHES = 4;
    private static final int BITS_PER_KEY = 8;
    private static final int MIN_WORDS = 16;

    private final long[] words;
    private final long mask;

    SeenFilter(long keys, long maxBytes) {
        long wanted = Math.max(MIN_WORDS, Math.min(keys * BITS_PER_KEY / Long.SIZE, maxBytes / Long.BYTES));
        int count = Integer.highestOneBit((int) Math.min(wanted, 1 << 30));
        words = new long[Math.max(MIN_WORDS, count)];
        mask = (long) words.length * Long.SIZE - 1;
    }

    /** Adds {@code key}; true when it may have been added before. */
    boolean add(long key) {
        long h1 = mix(key);
        long h2 = mix(h1) | 1;
        boolean seen = true;
        for (int k = 0; k < HASHES; k++) {
            long bit = (h1 + k * h2) & mask;
            int word = (int) (bit >>> 6);
            long flag = 1L << bit;
            if ((words[word] & flag) == 0) {
                seen = false;
                words[word] |= flag;
            }
        }
        return seen;
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
