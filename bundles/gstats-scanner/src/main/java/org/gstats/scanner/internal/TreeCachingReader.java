package org.gstats.scanner.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * A diff worker's reader for its tree walk, keeping the trees it read last. A commit is diffed
 * against its parent, and a worker diffs consecutive commits: the parent's root tree and changed
 * subtrees are the next commit's own, read again (inflated from the pack and copied) unless kept.
 * On git/git, whose root and {@code t/} trees are tens of kilobytes, reading trees was most of
 * what the scan allocated. For one thread, as any {@link ObjectReader}.
 */
final class TreeCachingReader extends ObjectReader.Filter {

    /** Enough for the root and changed subtrees of a few commits of a large repository. */
    private static final long BUDGET = 4L << 20;

    private final ObjectReader delegate;
    private final Map<ObjectId, byte[]> trees = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    TreeCachingReader(ObjectReader delegate) {
        this.delegate = delegate;
    }

    @Override
    protected ObjectReader delegate() {
        return delegate;
    }

    @Override
    public ObjectReader newReader() {
        return new TreeCachingReader(delegate.newReader());
    }

    @Override
    public ObjectLoader open(AnyObjectId objectId, int typeHint) throws IOException {
        if (typeHint != Constants.OBJ_TREE) {
            return delegate.open(objectId, typeHint);
        }
        byte[] tree = trees.get(objectId);
        if (tree == null) {
            tree = delegate.open(objectId, typeHint).getCachedBytes();
            keep(objectId.copy(), tree);
        }
        return new ObjectLoader.SmallObject(Constants.OBJ_TREE, tree);
    }

    private void keep(ObjectId id, byte[] tree) {
        if (tree.length > BUDGET / 4) {
            return;
        }
        trees.put(id, tree);
        bytes += tree.length;
        Iterator<byte[]> oldestFirst = trees.values().iterator();
        while (bytes > BUDGET && oldestFirst.hasNext()) {
            bytes -= oldestFirst.next().length;
            oldestFirst.remove();
        }
    }
}
