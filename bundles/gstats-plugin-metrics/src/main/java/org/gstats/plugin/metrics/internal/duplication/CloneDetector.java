package org.gstats.plugin.metrics.internal.duplication;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gstats.plugin.metrics.internal.duplication.TokenSequence.Tokens;

/**
 * Token-based clone detection across files (Rabin–Karp): a polynomial hash over every window
 * of {@code minTokens} tokens; a window equal to one seen before starts a clone, which grows
 * token by token while both sides stay equal. Files are taken in path order, so the first
 * occurrence of a fragment is the one in the smallest path, and results do not depend on the
 * order files arrived in. A clone is kept when both copies span at least {@code minLines}
 * lines. Copies inside one file count too, as long as they do not overlap.
 */
public final class CloneDetector {

    private static final long BASE = 1_000_003L;

    private final int minTokens;
    private final int minLines;
    private final Map<String, Tokens> files = new TreeMap<>();

    public CloneDetector(int minTokens, int minLines) {
        if (minTokens < 2) {
            throw new IllegalArgumentException("minimum clone size must be at least 2 tokens, not " + minTokens);
        }
        this.minTokens = minTokens;
        this.minLines = minLines;
    }

    public void add(String path, Tokens tokens) {
        files.put(path, tokens);
    }

    /** What was found: clone groups in order of their first fragment, and duplicated lines per file. */
    public record Result(List<CloneGroup> groups, Map<String, Integer> duplicatedLines) {
    }

    private record Key(int file, int start, int length) {
    }

    public Result detect() {
        List<String> paths = new ArrayList<>(files.keySet());
        List<Tokens> tokens = new ArrayList<>(files.values());
        WindowIndex index = new WindowIndex();
        Map<Key, List<Fragment>> groups = new LinkedHashMap<>();
        Map<Integer, BitSet> duplicated = new HashMap<>();
        for (int file = 0; file < tokens.size(); file++) {
            Tokens current = tokens.get(file);
            int[] values = current.values();
            int n = values.length;
            if (n < minTokens) {
                continue;
            }
            long[] windows = windowHashes(values);
            int i = 0;
            while (i <= n - minTokens) {
                long seen = index.get(windows[i]);
                if (WindowIndex.missing(seen)) {
                    index.putIfAbsent(windows[i], pack(file, i));
                    i++;
                    continue;
                }
                int sourceFile = (int) (seen >>> 32);
                int sourceStart = (int) seen;
                int[] source = tokens.get(sourceFile).values();
                boolean sameFile = sourceFile == file;
                if ((sameFile && sourceStart + minTokens > i) || !equal(source, sourceStart, values, i, minTokens)) {
                    i++;
                    continue;
                }
                int length = minTokens;
                while (i + length < n && sourceStart + length < source.length
                        && (!sameFile || sourceStart + length < i)
                        && source[sourceStart + length] == values[i + length]) {
                    length++;
                }
                Fragment original = fragment(paths.get(sourceFile), tokens.get(sourceFile), sourceStart, length);
                Fragment copy = fragment(paths.get(file), current, i, length);
                if (original.lines() >= minLines && copy.lines() >= minLines) {
                    groups.computeIfAbsent(new Key(sourceFile, sourceStart, length), k -> {
                        List<Fragment> fragments = new ArrayList<>();
                        fragments.add(original);
                        return fragments;
                    }).add(copy);
                    mark(duplicated, sourceFile, original);
                    mark(duplicated, file, copy);
                }
                // windows inside the clone repeat the same match; the next one to look at
                // reaches one token past it
                i += length - minTokens + 1;
            }
        }
        List<CloneGroup> result = new ArrayList<>();
        groups.entrySet().stream()
                .sorted((a, b) -> a.getKey().file() != b.getKey().file()
                        ? Integer.compare(a.getKey().file(), b.getKey().file())
                        : Integer.compare(a.getKey().start(), b.getKey().start()))
                .forEach(entry -> result.add(new CloneGroup(result.size() + 1, entry.getValue())));
        Map<String, Integer> lines = new TreeMap<>();
        duplicated.forEach((file, set) -> lines.put(paths.get(file), set.cardinality()));
        return new Result(result, lines);
    }

    private long[] windowHashes(int[] values) {
        int count = values.length - minTokens + 1;
        long[] hashes = new long[count];
        long power = 1;
        for (int i = 1; i < minTokens; i++) {
            power *= BASE;
        }
        long hash = 0;
        for (int i = 0; i < minTokens; i++) {
            hash = hash * BASE + values[i];
        }
        hashes[0] = hash;
        for (int i = 1; i < count; i++) {
            hash = (hash - values[i - 1] * power) * BASE + values[i + minTokens - 1];
            hashes[i] = hash;
        }
        return hashes;
    }

    private static boolean equal(int[] a, int aStart, int[] b, int bStart, int length) {
        for (int k = 0; k < length; k++) {
            if (a[aStart + k] != b[bStart + k]) {
                return false;
            }
        }
        return true;
    }

    private static Fragment fragment(String path, Tokens tokens, int start, int length) {
        return new Fragment(path, tokens.startLines()[start], tokens.endLines()[start + length - 1], length);
    }

    private static void mark(Map<Integer, BitSet> duplicated, int file, Fragment fragment) {
        duplicated.computeIfAbsent(file, f -> new BitSet()).set(fragment.startLine(), fragment.endLine() + 1);
    }

    private static long pack(int file, int position) {
        return ((long) file << 32) | (position & 0xFFFFFFFFL);
    }
}
