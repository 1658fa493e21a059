package org.gstats.plugin.metrics.internal.duplication;

/**
 * Window hash to the first place it was seen (file and token position packed in a long), open
 * addressing: a boxed map would hold millions of small objects on a large tree.
 */
final class WindowIndex {

    private static final long EMPTY = -1L;

    private long[] keys = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    long get(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); used[slot]; slot = (slot + 1) & mask) {
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
        while (used[slot]) {
            if (keys[slot] == key) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
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

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }
}
