package org.gstats.plugin.metrics.internal.lexer;

import java.util.Set;

/**
 * A dialect's keywords, looked up by a range of characters, so that a word is copied out of the source only when
 * it is no keyword. Open addressing on {@link String#hashCode()}'s polynomial, which the range's characters give
 * without a string.
 */
final class Keywords {

    private final String[] slots;
    private final int mask;

    Keywords(Set<String> words) {
        int size = Integer.highestOneBit(Math.max(1, words.size()) * 4);
        slots = new String[size];
        mask = size - 1;
        for (String word : words) {
            int slot = word.hashCode() & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = word;
        }
    }

    /** The keyword spelled by {@code chars[start, end)}, or null. */
    String find(char[] chars, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        for (int slot = hash & mask; slots[slot] != null; slot = (slot + 1) & mask) {
            String word = slots[slot];
            if (spells(word, chars, start, end)) {
                return word;
            }
        }
        return null;
    }

    private static boolean spells(String word, char[] chars, int start, int end) {
        if (word.length() != end - start) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != chars[start + i]) {
                return false;
            }
        }
        return true;
    }
}
