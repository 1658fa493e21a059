package org.gstats.plugin.metrics.internal.duplication;

import java.util.Arrays;

/**
 * Window hash to the first place it was seen (file and token position packed in a long), open
 * addressing: a boxed map would hold millions of small objects on a large tree. Only hashes
 * that occur more than once are kept ({@link #markRepeated}, before the places are met): a
 * window whose hash occurs once can never be matched, and most windows of a tree are such.
 * A packed place is never negative, so {@code -1} marks a free slot and {@code -2} a repeated
 * hash whose first place is still to come. A slot's key and value lie side by side in one
 * array, so that a probe touches one place in memory. Once every repeated hash is in
 * ({@link #seal()}), a Bloom filter of them, at most a thirty-second of the table's size,
 * answers most lookups of a unique hash without touching the table, which is larger than the
 * processor's caches on a large tree; from then on a key keeps its slot, so that other threads
 * can find the slots ({@link #slotOf}) while detection reads and sets the places.
 */
final class WindowIndex {

    private static final long EMPTY = -1L;
    private static final long UNPLACED = -2L;
    private static final int INITIAL_SLOTS = 1 << 12;

    /** Key of slot {@code i} at {@code 2 * i}, its value at {@code 2 * i + 1}. */
    private long[] slots = emptySlots(INITIAL_SLOTS);
    private int size;
    private SeenFilter members;
    /** Once sealed: bit {@code i} is set when slot {@code i} holds a key. */
    private long[] used;

    /** Keeps {@code key}: it occurs more than once. */
    void markRepeated(long key) {
        if (members != null) {
            throw new IllegalStateException("the index is sealed");
        }
        if (size * 4 >= slots.length) {
            grow();
        }
        insert(key, UNPLACED);
    }

    /**
     * Every repeated hash is in: builds the filter that {@link #slotOf} asks first, and a bitmap of the
     * slots in use, so that finding a key's slot reads only keys and the bitmap, which no longer change.
     */
    void seal() {
        members = new SeenFilter(size, Long.MAX_VALUE);
        used = new long[(slots.length / 2 + Long.SIZE - 1) / Long.SIZE];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i + 1] != EMPTY) {
                members.add(slots[i]);
                used[(i / 2) >>> 6] |= 1L << (i / 2);
            }
        }
    }

    /**
     * The slot of a repeated hash, -1 for a hash not kept. Once sealed, and thread-safe then: {@link #place}
     * changes only places, never which slot a key has. Threads that hash files ahead of detection ask it,
     * so that detection reads and writes only the places of the slots they found.
     */
    int slotOf(long key) {
        if (!members.mayContain(key)) {
            return -1;
        }
        int mask = slots.length / 2 - 1;
        for (int slot = slot(key, mask); (used[slot >>> 6] & (1L << slot)) != 0; slot = (slot + 1) & mask) {
            if (slots[2 * slot] == key) {
                return slot;
            }
        }
        return -1;
    }

    /** The first place of the repeated hash in {@code slot}, or {@link #unplaced} before it is met. */
    long placeAt(int slot) {
        return slots[2 * slot + 1];
    }

    /** Records the first place of the repeated hash in {@code slot}. */
    void place(int slot, long value) {
        slots[2 * slot + 1] = value;
    }

    static boolean unplaced(long value) {
        return value == UNPLACED;
    }

    private void insert(long key, long value) {
        int mask = slots.length / 2 - 1;
        int slot = slot(key, mask);
        while (slots[2 * slot + 1] != EMPTY) {
            if (slots[2 * slot] == key) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = key;
        slots[2 * slot + 1] = value;
        size++;
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }

    private static long[] emptySlots(int count) {
        long[] slots = new long[2 * count];
        Arrays.fill(slots, EMPTY);
        return slots;
    }

    private void grow() {
        long[] old = slots;
        slots = emptySlots(old.length);
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != EMPTY) {
                insert(old[i], old[i + 1]);
            }
        }
    }
}
