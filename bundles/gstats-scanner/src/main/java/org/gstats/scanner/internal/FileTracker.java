package org.gstats.scanner.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.gstats.api.FileInfo;

/**
 * The files at the scanned head and what is known of them. Walking newest first, the diffs
 * read most head versions anyway (the new side of each file's latest change), so their size
 * and line count are taken as the blobs go by; only the head files no scanned diff touched
 * (history cut by filters, content that entered through a merge, every file of a rescan whose
 * commits were replayed) are read at the end, unless an earlier scan told of their blobs.
 */
final class FileTracker implements BlobCache.Reads {

    /** A file in the head's tree; submodules are not files and are left out. */
    record HeadFile(String path, ObjectId id) {
    }

    private record Stats(long size, int lines, boolean binary) {

        static Stats of(Blob blob) {
            return new Stats(blob.size(), blob.binary() ? -1 : blob.lineCount(), blob.binary());
        }
    }

    private final List<HeadFile> files;
    /** Head blob ids, mapped to their stats once a diff has read them. */
    private final Map<ObjectId, Stats> known;

    private FileTracker(List<HeadFile> files) {
        this.files = files;
        this.known = new HashMap<>(files.size() * 2);
        for (HeadFile file : files) {
            known.put(file.id(), null);
        }
    }

    /**
     * Lists the head's files that {@code paths} lets through (the scan's --include/--exclude)
     * from its trees alone; no blob is read.
     */
    static FileTracker of(ObjectReader reader, RevTree head, TreeFilter paths) throws IOException {
        List<HeadFile> files = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            walk.setFilter(paths);
            walk.addTree(head);
            while (walk.next()) {
                if (walk.getFileMode(0) != FileMode.GITLINK) {
                    files.add(new HeadFile(walk.getPathString(), walk.getObjectId(0)));
                }
            }
        }
        return new FileTracker(files);
    }

    /** Called by the scan's diff workers, on their threads. */
    @Override
    public synchronized void read(ObjectId id, Blob blob) {
        if (known.containsKey(id) && known.get(id) == null) {
            known.put(id.copy(), Stats.of(blob));
        }
    }

    /** The head's files in git's path order. */
    List<HeadFile> files() {
        return files;
    }

    /**
     * The file's size and line count: as a diff read them, else as an earlier scan told them of the
     * blob ({@code told}), else read through {@code blobs}.
     */
    FileInfo info(HeadFile file, BlobCache blobs, Told told) throws IOException {
        Stats stats;
        synchronized (this) {
            stats = known.get(file.id());
        }
        if (stats == null) {
            FileInfo recorded = told.info(file);
            if (recorded != null) {
                return recorded;
            }
            stats = Stats.of(blobs.load(file.id()));
        }
        return new FileInfo(file.path(), stats.size(), stats.lines(), stats.binary());
    }

    /** What an earlier scan told of a head file's blob ({@code ChangeCache.recordedFile}). */
    @FunctionalInterface
    interface Told {

        /** Knows no blob: each is read. */
        Told NONE = file -> null;

        /** The file's info as told of its blob; null when it was not, and the blob is read. */
        FileInfo info(HeadFile file) throws IOException;
    }
}
