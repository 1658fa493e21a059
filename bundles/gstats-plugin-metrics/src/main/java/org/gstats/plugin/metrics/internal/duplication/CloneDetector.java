package org.gstats.plugin.metrics.internal.duplication;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

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
 * In both passes other threads read the next few files back and hash their windows meanwhile
 * ({@link Ahead}), and in the second they also find each repeated window's index slot: the
 * detecting thread keeps only what must follow path order (adding to the filter, whose memory
 * stays warm in its processor's cache, then placing and matching windows).
 */
public final class CloneDetector {

    /** Tokens of matched files kept in memory (twelve bytes each). */
    private static final long CACHED_TOKENS = 1 << 19;

    /** Files read back and hashed ahead of detection, per thread. */
    private static final int AHEAD_PER_THREAD = 2;

    private final int minTokens;
    private final int minLines;
    private final long filterBytes;
    private final int threads;
    private final TokenStore store = new TokenStore();
    private final Map<String, TokenStore.Entry> files = new TreeMap<>();

    /** With a filter of at most 16 MB, on the calling thread alone. */
    public CloneDetector(int minTokens, int minLines) {
        this(minTokens, minLines, 16L << 20, 1);
    }

    /**
     * @param filterBytes the most memory the first pass's filter takes
     * @param threads     threads that read files back and hash them ahead of detection; 1 to do it on the
     *                    detecting thread
     */
    public CloneDetector(int minTokens, int minLines, long filterBytes, int threads) {
        if (minTokens < 2) {
            throw new IllegalArgumentException("minimum clone size must be at least 2 tokens, not " + minTokens);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
        }
        this.minTokens = minTokens;
        this.minLines = minLines;
        this.filterBytes = filterBytes;
        this.threads = threads;
    }

    /** Takes a file's tokens; thread-safe. */
    public void add(String path, Tokens tokens) {
        TokenStore.Entry entry = store.append(tokens);
        synchronized (files) {
            files.put(path, entry);
        }
    }

    /**
     * What was found: clone groups in order of their first fragment, duplicated lines per file, and which files
     * the detection tied together.
     *
     * @param components each file's component by the first path in it: files share a component when a chain
     *                   of window hashes joins them. Detection over the files of whole components alone finds
     *                   the clones it finds among them over every file, since no other file places or matches
     *                   a window of theirs.
     */
    public record Result(List<CloneGroup> groups, Map<String, Integer> duplicatedLines,
            Map<String, String> components) {
    }

    private record Key(int file, int start, int length) {
    }

    /**
     * A file read back for detection: its tokens, the positions of the windows whose hash is in the
     * index (ascending; every other window is unique) and the index slot of each.
     */
    private record Prepared(Tokens tokens, int[] candidates, int[] slots) {
    }

    /** Drops the files added without detecting (their clones are known already); the temporary file goes. */
    public void discard() {
        store.close();
    }

    /** Finds the clones among the files added; the temporary file is gone afterwards. */
    public Result detect() {
        return detect(null);
    }

    /**
     * Finds the clones among the files added whose paths are given; the temporary file is gone afterwards.
     *
     * @param only null for every file added
     */
    public Result detect(Set<String> only) {
        try (store) {
            return detectStored(only);
        }
    }

    private Result detectStored(Set<String> only) {
        List<String> paths = new ArrayList<>();
        List<TokenStore.Entry> entries = new ArrayList<>();
        files.forEach((path, entry) -> {
            if (only == null || only.contains(path)) {
                paths.add(path);
                entries.add(entry);
            }
        });
        // union-find over the files
        int[] component = new int[entries.size()];
        for (int file = 0; file < component.length; file++) {
            component[file] = file;
        }
        WindowIndex index = repeatedWindows(entries);
        Map<Integer, Tokens> cache = cache();
        Map<Key, List<Fragment>> groups = new LinkedHashMap<>();
        Map<Integer, BitSet> duplicated = new HashMap<>();
        try (Ahead<Prepared> ahead = new Ahead<>(entries.size(), file -> prepare(entries.get(file), index))) {
            for (int file = 0; file < entries.size(); file++) {
                Prepared prepared = ahead.next(file);
                if (prepared == null) {
                    continue;
                }
                Tokens current = prepared.tokens();
                int[] values = current.values();
                int n = values.length;
                int[] candidates = prepared.candidates();
                // the windows not among the candidates are unique: the loop would step over them one by one
                int i = 0;
                for (int c = 0; c < candidates.length; c++) {
                    if (candidates[c] < i) {
                        continue;
                    }
                    i = candidates[c];
                    long seen = index.placeAt(prepared.slots()[c]);
                    if (WindowIndex.unplaced(seen)) {
                        index.place(prepared.slots()[c], pack(file, i));
                        continue;
                    }
                    int sourceFile = (int) (seen >>> 32);
                    int sourceStart = (int) seen;
                    // each file that has a window joins the file that placed it: a window skipped lies inside a
                    // clone whose source has it and is joined too, and a hash's first occurrence is never skipped
                    join(component, sourceFile, file);
                    Tokens sourceTokens = sourceFile == file ? current : tokens(sourceFile, entries, cache);
                    int[] source = sourceTokens.values();
                    boolean sameFile = sourceFile == file;
                    if ((sameFile && sourceStart + minTokens > i) || !equal(source, sourceStart, values, i, minTokens)) {
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
        }
        List<CloneGroup> result = new ArrayList<>();
        groups.entrySet().stream()
                .sorted((a, b) -> a.getKey().file() != b.getKey().file()
                        ? Integer.compare(a.getKey().file(), b.getKey().file())
                        : Integer.compare(a.getKey().start(), b.getKey().start()))
                .forEach(entry -> result.add(new CloneGroup(result.size() + 1, entry.getValue())));
        Map<String, Integer> lines = new TreeMap<>();
        duplicated.forEach((file, set) -> lines.put(paths.get(file), set.cardinality()));
        Map<String, String> components = new TreeMap<>();
        for (int file = 0; file < paths.size(); file++) {
            components.put(paths.get(file), paths.get(root(component, file)));
        }
        return new Result(result, lines, components);
    }

    /** Puts two files in one component, whose root is its smaller index: the first path in path order. */
    private static void join(int[] component, int a, int b) {
        int rootA = root(component, a);
        int rootB = root(component, b);
        if (rootA < rootB) {
            component[rootB] = rootA;
        } else {
            component[rootA] = rootB;
        }
    }

    private static int root(int[] component, int file) {
        int root = file;
        while (component[root] != root) {
            root = component[root];
        }
        while (component[file] != root) {
            int next = component[file];
            component[file] = root;
            file = next;
        }
        return root;
    }

    /** First pass: the window hashes that occur more than once, none placed yet. */
    private WindowIndex repeatedWindows(List<TokenStore.Entry> entries) {
        long windows = 0;
        for (TokenStore.Entry entry : entries) {
            windows += Math.max(0, entry.count() - minTokens + 1);
        }
        SeenFilter seen = new SeenFilter(windows, filterBytes);
        WindowIndex index = new WindowIndex();
        try (Ahead<long[]> ahead = new Ahead<>(entries.size(), file -> entries.get(file).count() < minTokens ? null
                : RunHashes.of(store.read(entries.get(file)).values(), minTokens))) {
            for (int file = 0; file < entries.size(); file++) {
                long[] hashes = ahead.next(file);
                if (hashes == null) {
                    continue;
                }
                for (long hash : hashes) {
                    if (seen.add(hash)) {
                        index.markRepeated(hash);
                    }
                }
            }
        }
        index.seal();
        return index;
    }

    /**
     * A file read back for detection, or null when it is too short for a window. Thread-safe: the store is only
     * read, and which slot a key has in the sealed index no longer changes.
     */
    private Prepared prepare(TokenStore.Entry entry, WindowIndex index) {
        if (entry.count() < minTokens) {
            return null;
        }
        Tokens tokens = store.read(entry);
        long[] windows = RunHashes.of(tokens.values(), minTokens);
        int[] candidates = new int[64];
        int[] slots = new int[64];
        int count = 0;
        for (int i = 0; i < windows.length; i++) {
            int slot = index.slotOf(windows[i]);
            if (slot >= 0) {
                if (count == candidates.length) {
                    candidates = Arrays.copyOf(candidates, count * 2);
                    slots = Arrays.copyOf(slots, count * 2);
                }
                candidates[count] = i;
                slots[count++] = slot;
            }
        }
        return new Prepared(tokens, Arrays.copyOf(candidates, count), Arrays.copyOf(slots, count));
    }

    /**
     * What a pass needs of each file, in path order, made on the pool's threads up to
     * {@link #AHEAD_PER_THREAD} files a thread ahead of the one asked for; on the asking thread when
     * there is one thread.
     */
    private final class Ahead<T> implements AutoCloseable {
        private final int files;
        private final IntFunction<T> prepare;
        private final ExecutorService pool;
        private final Deque<Future<T>> queued = new ArrayDeque<>();
        private int nextQueued;

        Ahead(int files, IntFunction<T> prepare) {
            this.files = files;
            this.prepare = prepare;
            this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "gstats-clone-detection");
                thread.setDaemon(true);
                return thread;
            });
        }

        /** What {@code prepare} made of file {@code file}; asked for in order. */
        T next(int file) {
            if (pool == null) {
                return prepare.apply(file);
            }
            while (nextQueued < files && nextQueued <= file + threads * AHEAD_PER_THREAD) {
                int queuedFile = nextQueued++;
                queued.add(pool.submit(() -> prepare.apply(queuedFile)));
            }
            try {
                return queued.remove().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("clone detection was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
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
