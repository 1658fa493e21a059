package org.gstats.plugin.metrics.internal.duplication;

/** A polynomial hash of every run of a given number of consecutive tokens, rolled from one run to the next. */
final class RunHashes {

    private static final long BASE = 1_000_003L;

    private RunHashes() {
    }

    /** The hash of each run of {@code length} tokens, by its first token's position; none for fewer tokens. */
    static long[] of(int[] values, int length) {
        int count = Math.max(0, values.length - length + 1);
        long[] hashes = new long[count];
        if (count == 0) {
            return hashes;
        }
        long power = 1;
        for (int i = 1; i < length; i++) {
            power *= BASE;
        }
        long hash = 0;
        for (int i = 0; i < length; i++) {
            hash = hash * BASE + values[i];
        }
        hashes[0] = hash;
        for (int i = 1; i < count; i++) {
            hash = (hash - values[i - 1] * power) * BASE + values[i + length - 1];
            hashes[i] = hash;
        }
        return hashes;
    }
}
