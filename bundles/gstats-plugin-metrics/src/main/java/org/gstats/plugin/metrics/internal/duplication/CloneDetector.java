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
 *
 * <p>Memory stays small whatever the size of the tree: the tokens wait in a temporary file
 * ({@link TokenStore}); a first pass over them finds the window hashes that occur more than
 * once ({@link SeenFilter}), and only those enter the {@link WindowIndex}; the second pass,
 * the detection proper, holds the file at hand and a bounded cache of the files it matched.
 */
public final class CloneDetector {

    private static final long BASE = 1_000_003L;
    /** Tokens of matched files kept in memory (twelve bytes each). */
    private static final long CACHED_TOKENS = 1 << 19;

    private final int minTokens;
    private final int minLines;
    private final long filterBytes;
    private final TokenStore store = new TokenStore();
    private final Map<String, TokenStore.Entry> files = new TreeMap<>();

    /** With a filter of at most 16 MB. */
    public CloneDetector(int minTokens, int minLines) {
        this(minTokens, minLines, 16L << 20);
    }

    /** @param filterBytes the most memory the first pass's filter takes */
    public CloneDetector(int minTokens, int minLines, long filterBytes) {
        if (minTokens < 2) {
            throw new IllegalArgumentException("minimum clone size must be at least 2 tokens, not " + minTokens);
        }
        this.minTokens = minTokens;
        this.minLines = minLines;
        this.filterBytes = filterBytes;
    }

    /** Takes a file's tokens; thread-safe. */
    public void add(String path, Tokens tokens) {
        TokenStore.Entry entry = store.append(tokens);
        synchronized (files) {
            files.put(path, entry);
        }
    }

    /** What was found: clone groups in order of their first fragment, and duplicated lines per file. */
    public record Result(List<CloneGroup> groups, Map<String, Integer> duplicatedLines) {
    }

    private record Key(int file, int start, int length) {
    }

    /** Finds the clones among the files added; the temporary file is gone afterwards. */
    public Result detect() {
        try (store) {
            return detectStored();
        }
    }

    private Result detectStored() {
        List<String> paths = new ArrayList<>(files.keySet());
        List<TokenStore.Entry> entries = new ArrayList<>(files.values());
        WindowIndex index = repeatedWindows(entries);
        Map<Integer, Tokens> cache = cache();
        Map<Key, List<Fragment>> groups = new LinkedHashMap<>();
        Map<Integer, BitSet> duplicated = new HashMap<>();
        for (int file = 0; file < entries.size(); file++) {
            if (entries.get(file).count() < minTokens) {
                continue;
            }
            Tokens current = store.read(entries.get(file));
            int[] values = current.values();
            int n = values.length;
            long[] windows = windowHashes(values);
            int i = 0;
            while (i <= n - minTokens) {
                long seen = index.get(windows[i]);
                if (WindowIndex.unique(seen)) {
                    i++;
                    continue;
                }
                if (WindowIndex.unplaced(seen)) {
                    index.place(windows[i], pack(file, i));
                    i++;
                    continue;
                }
                int sourceFile = (int) (seen >>> 32);
                int sourceStart = (int) seen;
                Tokens sourceTokens = sourceFile == file ? current : tokens(sourceFile, entries, cache);
                int[] source = sourceTokens.values();
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
                Fragment original = fragment(paths.get(sourceFile), sourceTokens, sourceStart, length);
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

    /** First pass: the window hashes that occur more than once, none placed yet. */
    private WindowIndex repeatedWindows(List<TokenStore.Entry> entries) {
        long windows = 0;
        for (TokenStore.Entry entry : entries) {
            windows += Math.max(0, entry.count() - minTokens + 1);
        }
        SeenFilter seen = new SeenFilter(windows, filterBytes);
        WindowIndex index = new WindowIndex();
        for (TokenStore.Entry entry : entries) {
            if (entry.count() >= minTokens) {
                for (long hash : windowHashes(store.read(entry).values())) {
                    if (seen.add(hash)) {
                        index.markRepeated(hash);
                    }
                }
            }
        }
        index.seal();
        return index;
    }

    /** Matched files, least recently used dropped first, at most {@link #CACHED_TOKENS} tokens. */
    private static Map<Integer, Tokens> cache() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;
            private long tokens;

            @Override
            public Tokens put(Integer file, Tokens value) {
                tokens += value.values().length;
                return super.put(file, value);
            }

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Tokens> eldest) {
                if (tokens > CACHED_TOKENS && size() > 1) {
                    tokens -= eldest.getValue().values().length;
                    return true;
                }
                return false;
            }
        };
    }

    private Tokens tokens(int file, List<TokenStore.Entry> entries, Map<Integer, Tokens> cache) {
        Tokens cached = cache.get(file);
        if (cached == null) {
            cached = store.read(entries.get(file));
            cache.put(file, cached);
        }
        return cached;
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
