package org.gstats.plugin.metrics.internal.duplication;

import java.util.Arrays;

/**
 * Winnowed fingerprints of a file's tokens (Schleimer, Wilkerson and Aiken, "Winnowing", 2003): a hash of
 * every run of {@link #K} tokens, and of every {@link #W} consecutive such hashes the least. Two files that
 * share a run of {@link #GUARANTEED} tokens share those {@code W} hashes, so both have their least among
 * their fingerprints: files whose fingerprints are disjoint share no clone window of that many tokens or
 * more. That is what lets a rescan detect clones again only among the files a change can reach
 * ({@code DuplicationProcessor}). A file keeps about one value for every {@code W / 2} tokens.
 */
public final class Fingerprints {

    /**
     * Tokens per hashed run: long, so that two files seldom share a fingerprint by chance. With runs of 8
     * tokens, three ten-commit steps of commons-lang's history reached 352 to 434 of its 624 source files;
     * with 30, 204 to 228: its largest component (files joined by shared windows) and the changed files.
     */
    static final int K = 30;
    /** Consecutive run hashes of which the least is kept. */
    static final int W = 21;
    /** The shortest shared run of tokens that two files' fingerprints are sure to show: the default clone size. */
    public static final int GUARANTEED = K + W - 1;

    private Fingerprints() {
    }

    /** The fingerprints of these token values, ascending and distinct; none for fewer than {@link #GUARANTEED}. */
    public static int[] of(int[] values) {
        long[] hashes = RunHashes.of(values, K);
        int runs = hashes.length;
        if (runs < W) {
            return new int[0];
        }
        // the least of each window by a deque of positions whose hashes ascend
        int[] deque = new int[runs];
        int head = 0;
        int tail = 0;
        int[] kept = new int[runs / (W / 2) + 16];
        int count = 0;
        int lastKept = -1;
        for (int i = 0; i < runs; i++) {
            while (tail > head && hashes[deque[tail - 1]] >= hashes[i]) {
                tail--;
            }
            deque[tail++] = i;
            if (deque[head] <= i - W) {
                head++;
            }
            if (i >= W - 1 && deque[head] != lastKept) {
                lastKept = deque[head];
                if (count == kept.length) {
                    kept = Arrays.copyOf(kept, count * 2);
                }
                kept[count++] = (int) (hashes[lastKept] ^ (hashes[lastKept] >>> 32));
            }
        }
        int[] sorted = Arrays.copyOf(kept, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** Whether two ascending arrays have a value in common. */
    public static boolean shareAny(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
