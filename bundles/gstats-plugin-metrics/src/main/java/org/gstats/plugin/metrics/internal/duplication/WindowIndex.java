package org.gstats.plugin.metrics.internal.duplication;

import java.util.Arrays;

/**
 * Window hash to the first place it was seen (file and token position packed in a long), open
 * addressing: a boxed map would hold millions of small objects on a large tree. A packed
 * place is never negative, so {@code -1} marks a free slot.
 */
final class WindowIndex {

    private static final long EMPTY = -1L;
    private static final int INITIAL_SLOTS = 1 << 12;

    private long[] keys = new long[INITIAL_SLOTS];
    private long[] values = emptyValues(INITIAL_SLOTS);
    private int size;

    long get(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); values[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
        }
        return EMPTY;
    }

    void putIfAbsent(long key, long value) {
        if (size * 2 >= keys.length) {
            grow();
        }
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

    static boolean missing(long value) {
        return value == EMPTY;
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
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }
}
