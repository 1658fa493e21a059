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
     * (a fixed 96 MB alone would not fit a scan under -Xmx64m).
     */
    private static final long BUDGET = Math.min(96L << 20, Runtime.getRuntime().maxMemory() / 8);

    /** Hears of every blob read from the object database (not of those found in the cache). */
    @FunctionalInterface
    interface Reads {
        void read(ObjectId id, Blob blob);
    }

    private final ObjectReader reader;
    private final Reads reads;
    private final Kept kept;

    /** @param reads called from the thread of whichever view read the blob */
    BlobCache(ObjectReader reader, Reads reads) {
        this(reader, reads, new Kept());
    }

    private BlobCache(ObjectReader reader, Reads reads, Kept kept) {
        this.reader = reader;
        this.reads = reads;
        this.kept = kept;
    }

    /** The same kept blobs, read through {@code other} (for another thread). */
    BlobCache withReader(ObjectReader other) {
        return new BlobCache(other, reads, kept);
    }

    Blob load(ObjectId id) throws IOException {
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
            kept.keep(id, blob);
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
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        long size = loader.getSize();
        Blob blob = size > MAX_BLOB_SIZE ? Blob.tooLarge(size)
                : Blob.of(loader.getCachedBytes((int) MAX_BLOB_SIZE));
        reads.read(id, blob);
        return blob;
    }

    /** The kept blobs, least recently used first out; shared by the views of one scan. */
    private static final class Kept {

        private final Map<ObjectId, Blob> recent = new LinkedHashMap<>(256, 0.75f, true);
        private final Map<ObjectId, CompletableFuture<Blob>> loading = new HashMap<>();
        private long footprint;

        synchronized Blob get(ObjectId id) {
            return recent.get(id);
        }

        /** Registers {@code mine} as the load of {@code id}; returns the one under way or done instead, if any. */
        synchronized CompletableFuture<Blob> startLoading(ObjectId id, CompletableFuture<Blob> mine) {
            Blob blob = recent.get(id);
            if (blob != null) {
                return CompletableFuture.completedFuture(blob);
            }
            return loading.putIfAbsent(id.copy(), mine);
        }

        synchronized void doneLoading(ObjectId id) {
            loading.remove(id);
        }

        synchronized void keep(ObjectId id, Blob blob) {
            long cost = blob.footprint();
            if (cost > BUDGET / 4 || recent.containsKey(id)) {
                return;
            }
            recent.put(id.copy(), blob);
            footprint += cost;
            Iterator<Blob> oldestFirst = recent.values().iterator();
            while (footprint > BUDGET && oldestFirst.hasNext()) {
                footprint -= oldestFirst.next().footprint();
                oldestFirst.remove();
            }
        }
    }
}
