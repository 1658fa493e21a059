package org.gstats.plugin.metrics.internal.duplication;

import java.util.Arrays;

/**
 * Window hash to the first place it was seen (file and token position packed in a long), open
 * addressing: a boxed map would hold millions of small objects on a large tree. Only hashes
 * that occur more than once are kept ({@link #markRepeated}, before the places are met): a
 * window whose hash occurs once can never be matched, and most windows of a tree are such.
 * A packed place is never negative, so {@code -1} marks a free slot and {@code -2} a repeated
 * hash whose first place is still to come.
 */
final class WindowIndex {

    private static final long EMPTY = -1L;
    private static final long UNPLACED = -2L;
    private static final int INITIAL_SLOTS = 1 << 12;

    private long[] keys = new long[INITIAL_SLOTS];
    private long[] values = emptyValues(INITIAL_SLOTS);
    private int size;

    /** Keeps {@code key}: it occurs more than once. */
    void markRepeated(long key) {
        if (size * 2 >= keys.length) {
            grow();
        }
        insert(key, UNPLACED);
    }

    /** The first place of a repeated hash, {@link #unplaced} before it, {@link #unique} for a hash not kept. */
    long get(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); values[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
        }
        return EMPTY;
    }

    /** Records the first place of a repeated hash whose place was not set yet. */
    void place(long key, long value) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != key || values[slot] == EMPTY) {
            slot = (slot + 1) & mask;
        }
        values[slot] = value;
    }

    static boolean unique(long value) {
        return value == EMPTY;
    }

    static boolean unplaced(long value) {
        return value == UNPLACED;
    }

    private void insert(long key, long value) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (values[slot] != EMPTY) {
            if (keys[slot] == key) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }

    private static long[] emptyValues(int slots) {
        long[] values = new long[slots];
        Arrays.fill(values, EMPTY);
        return values;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = emptyValues(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != EMPTY) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }
}
