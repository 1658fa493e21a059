package org.gstats.scanner.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Reads blobs for one scan through an {@link ObjectReader}, and keeps the recently used ones.
 * Walking newest first, the old side of one commit's change is the new side of the same file in
 * the next commit down the history, so each version is read, split into lines and hashed once
 * instead of twice. The scan's diff workers each read through a {@link #withReader view} of
 * their own (an {@link ObjectReader} is for one thread) over the same kept blobs, so that the
 * next commit's worker finds what this one read.
 */
final class BlobCache {

    /**
     * Blobs above this size are not read: they count as binary with their sizes. git does the
     * same above core.bigFileThreshold (512 MiB by default); we stop lower because a diff holds
     * both sides and their line tables in the heap, which the scan shares with the plugins.
     */
    static final long MAX_BLOB_SIZE = 64L << 20;

    /**
     * Memory the kept blobs may take: enough for the files of a few large commits, but never
     * more than an eighth of the heap, which the scan shares with the plugins and their queues
     * (a fixed 96 MB alone would not fit a scan under -Xmx64m), and less in a small heap
     * ({@link CacheBudget}).
     */
    private static final long BUDGET = Math.min(96L << 20, CacheBudget.of(Runtime.getRuntime().maxMemory(), 8));

    /** Hears of every blob read from the object database (not of those found in the cache). */
    @FunctionalInterface
    interface Reads {
        void read(ObjectId id, Blob blob);
    }

    private final ObjectReader reader;
    private final PackedBlobs packs;
    private final PackedBlobs.Reader packed;
    private final Reads reads;
    private final Kept kept;

    /** @param reads called from the thread of whichever view read the blob */
    BlobCache(ObjectReader reader, Reads reads) {
        this(reader, null, reads);
    }

    /**
     * @param packs where blobs are read first ({@code null}: through {@code reader} alone); what
     *              they leave to JGit is read through {@code reader}
     * @param reads called from the thread of whichever view read the blob
     */
    BlobCache(ObjectReader reader, PackedBlobs packs, Reads reads) {
        this(reader, packs, reads, new Kept());
    }

    private BlobCache(ObjectReader reader, PackedBlobs packs, Reads reads, Kept kept) {
        this.reader = reader;
        this.packs = packs;
        this.packed = packs == null ? null : packs.newReader();
        this.reads = reads;
        this.kept = kept;
    }

    /** The same kept blobs, read through {@code other} (for another thread). */
    BlobCache withReader(ObjectReader other) {
        return new BlobCache(other, packs, reads, kept);
    }

    /** The blob, kept for a later use. */
    Blob load(ObjectId id) throws IOException {
        return load(id, true);
    }

    /**
     * The blob for what should be its last use, not kept after it. Walking newest first, a
     * version of a file is wanted as the old side of one change and once more as the new side of
     * the change below it: kept past that, it would only crowd out versions still awaited, and
     * the garbage collector would copy it into the old generation (most of a scan's collection
     * time). A few spent versions are kept for a use that comes soon; one that comes later (an old
     * version restored, a copy elsewhere) is read again.
     */
    Blob take(ObjectId id) throws IOException {
        Blob blob = kept.spend(id);
        return blob != null ? blob : load(id, false);
    }

    private Blob load(ObjectId id, boolean keep) throws IOException {
        Blob blob = kept.get(id);
        if (blob != null) {
            return blob;
        }
        CompletableFuture<Blob> mine = new CompletableFuture<>();
        CompletableFuture<Blob> earlier = kept.startLoading(id, mine);
        if (earlier != null) {
            // another view reads it right now (the next commit's worker): wait rather than read twice
            try {
                return earlier.join();
            } catch (CompletionException | CancellationException e) {
                return read(id);
            }
        }
        try {
            blob = read(id);
            kept.keep(id, blob, keep);
            mine.complete(blob);
            return blob;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            kept.doneLoading(id);
        }
    }

    private Blob read(ObjectId id) throws IOException {
        byte[] bytes = packed == null ? null : packed.read(id, MAX_BLOB_SIZE);
        if (bytes != null) {
            Blob blob = Blob.of(bytes);
            reads.read(id, blob);
            return blob;
        }
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        long size = loader.getSize();
        Blob blob = size > MAX_BLOB_SIZE ? Blob.tooLarge(size)
                : Blob.of(loader.getCachedBytes((int) MAX_BLOB_SIZE));
        reads.read(id, blob);
        return blob;
    }

    /**
     * The kept blobs, shared by the views of one scan: those still awaited, and a few spent ones
     * (used for what should have been their last time), each least recently used first out.
     */
    private static final class Kept {

        private final Lru awaited = new Lru(BUDGET);
        /** Enough for a version that comes back soon: the same content at two paths, a quick revert. */
        private final Lru spent = new Lru(BUDGET / 8);
        private final Map<ObjectId, CompletableFuture<Blob>> loading = new HashMap<>();

        synchronized Blob get(ObjectId id) {
            Blob blob = awaited.get(id);
            return blob != null ? blob : spent.get(id);
        }

        /** Registers {@code mine} as the load of {@code id}; returns the one under way or done instead, if any. */
        synchronized CompletableFuture<Blob> startLoading(ObjectId id, CompletableFuture<Blob> mine) {
            Blob blob = get(id);
            if (blob != null) {
                return CompletableFuture.completedFuture(blob);
            }
            return loading.putIfAbsent(id.copy(), mine);
        }

        /** The blob, moved to the spent ones; {@code null} when not kept. */
        synchronized Blob spend(ObjectId id) {
            Blob blob = awaited.remove(id);
            if (blob == null) {
                return spent.get(id);
            }
            spent.put(id, blob);
            return blob;
        }

        synchronized void doneLoading(ObjectId id) {
            loading.remove(id);
        }

        synchronized void keep(ObjectId id, Blob blob, boolean awaitedLater) {
            if (awaited.get(id) == null && spent.get(id) == null) {
                (awaitedLater ? awaited : spent).put(id, blob);
            }
        }
    }

    /** Blobs up to a budget of their footprints, least recently used first out. */
    private static final class Lru {

        private final Map<ObjectId, Blob> blobs = new LinkedHashMap<>(256, 0.75f, true);
        private final long budget;
        private long footprint;

        Lru(long budget) {
            this.budget = budget;
        }

        Blob get(ObjectId id) {
            return blobs.get(id);
        }

        Blob remove(ObjectId id) {
            Blob blob = blobs.remove(id);
            if (blob != null) {
                footprint -= blob.footprint();
            }
            return blob;
        }

        /** Keeps the blob unless it alone would take a quarter of the budget. */
        void put(ObjectId id, Blob blob) {
            long cost = blob.footprint();
            if (cost > budget / 4) {
                return;
            }
            blobs.put(id.copy(), blob);
            footprint += cost;
            Iterator<Blob> oldestFirst = blobs.values().iterator();
            while (footprint > budget && oldestFirst.hasNext()) {
                footprint -= oldestFirst.next().footprint();
                oldestFirst.remove();
            }
        }
    }
}
