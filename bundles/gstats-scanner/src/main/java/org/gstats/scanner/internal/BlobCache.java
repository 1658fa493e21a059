package org.gstats.scanner.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Reads blobs for one scan through its one {@link ObjectReader}, and keeps the recently used
 * ones. Walking newest first, the old side of one commit's change is the new side of the
 * same file in the next commit down the history, so each version is read, split into lines
 * and hashed once instead of twice.
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
    private final Map<ObjectId, Blob> recent = new LinkedHashMap<>(256, 0.75f, true);
    private long footprint;

    BlobCache(ObjectReader reader, Reads reads) {
        this.reader = reader;
        this.reads = reads;
    }

    Blob load(ObjectId id) throws IOException {
        Blob blob = recent.get(id);
        if (blob != null) {
            return blob;
        }
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        long size = loader.getSize();
        blob = size > MAX_BLOB_SIZE ? Blob.tooLarge(size) : Blob.of(loader.getCachedBytes((int) MAX_BLOB_SIZE));
        reads.read(id, blob);
        keep(id, blob);
        return blob;
    }

    private void keep(ObjectId id, Blob blob) {
        long cost = blob.footprint();
        if (cost > BUDGET / 4) {
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
