package org.gstats.scanner.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.gstats.api.ChangeType;
import org.gstats.api.FileChange;

/**
 * The files one commit changed against its first parent, with the numbers
 * {@code git log --numstat} prints for them, among the paths a scan looks at. An object the
 * repository lacks costs the change (or the commit's changes) that needed it, as
 * {@link MissingObjects} decides.
 */
final class CommitDiffer {

    private static final Comparator<FileChange> GIT_ORDER = Comparator.comparing(FileChange::path,
            CommitDiffer::compareCodePoints);

    private final BlobCache blobs;
    private final TreeWalk treeWalk;
    private final DiffcoreRenames renames;
    private final LineCounter lineCounter;
    private final MissingObjects missing;
    private final GitAttributes attributes;
    private final boolean keepNewSides;

    /**
     * @param paths        the paths whose changes count ({@link TreeFilter#ALL} for all); applied
     *                     before rename detection, as git applies pathspecs
     * @param keepNewSides whether the new side of a change is read again after the diff (for its
     *                     historical content); else the diff is its last use ({@link BlobCache#take})
     */
    CommitDiffer(ObjectReader reader, BlobCache blobs, boolean detectRenames, TreeFilter paths,
            LineCounter lineCounter, MissingObjects missing, GitAttributes attributes, boolean keepNewSides) {
        this.blobs = blobs;
        this.keepNewSides = keepNewSides;
        this.lineCounter = lineCounter;
        this.missing = missing;
        this.attributes = attributes;
        this.treeWalk = new TreeWalk(reader);
        treeWalk.setRecursive(true);
        treeWalk.setFilter(paths == TreeFilter.ALL ? TreeFilter.ANY_DIFF
                : AndTreeFilter.create(paths, TreeFilter.ANY_DIFF));
        this.renames = detectRenames
                ? new DiffcoreRenames(blobs, attributes::binary, DiffcoreRenames.DEFAULT_MINIMUM_SCORE)
                : null;
    }

    /**
     * The changes of {@code commit} against {@code parent} ({@code null} for a root commit,
     * diffed against the empty tree), ordered by path as git orders them.
     */
    List<FileChange> changes(RevCommit commit, RevCommit parent) throws IOException {
        String commitId = commit.name();
        List<TreeChange> treeChanges;
        try {
            treeChanges = treeChanges(commit, parent);
        } catch (MissingObjectException e) {
            missing.skip(e, commitId, "none of its changes are counted");
            return List.of();
        }
        List<FileChange> changes = new ArrayList<>(treeChanges.size());
        for (DiffEntry entry : detectRenames(commitId, treeChanges)) {
            try {
                changes.add(fileChange(commitId, entry));
            } catch (MissingObjectException e) {
                String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath()
                        : entry.getNewPath();
                missing.skip(e, commitId, "its change of " + path + " is not counted");
            }
        }
        changes.sort(GIT_ORDER);
        return changes;
    }

    /**
     * Whether {@code commit} changed any path the scan looks at against {@code parent}: git's
     * "not TREESAME", which decides whether a path-limited log shows a commit.
     */
    boolean differs(RevCommit commit, RevCommit parent) throws IOException {
        try {
            return !treeChanges(commit, parent).isEmpty();
        } catch (MissingObjectException e) {
            missing.skip(e, commit.name(), "whether it changed the included paths is unknown; it is left out");
            return false;
        }
    }

    private List<TreeChange> treeChanges(RevCommit commit, RevCommit parent) throws IOException {
        treeWalk.reset();
        if (parent == null) {
            treeWalk.addTree(new EmptyTreeIterator());
        } else {
            treeWalk.addTree(parent.getTree());
        }
        treeWalk.addTree(commit.getTree());
        List<TreeChange> changes = new ArrayList<>();
        while (treeWalk.next()) {
            FileMode before = canonicalMode(treeWalk.getRawMode(0));
            FileMode after = canonicalMode(treeWalk.getRawMode(1));
            // a mode git canonicalises alike (100664 is 100644) is no change to git
            if (before != after || !treeWalk.idEqual(0, 1)) {
                changes.add(new TreeChange(treeWalk.getPathString(), before, treeWalk.getObjectId(0), after,
                        treeWalk.getObjectId(1)));
            }
        }
        return changes;
    }

    private List<TreeChange> detectRenames(String commitId, List<TreeChange> treeChanges) throws IOException {
        if (renames == null) {
            return treeChanges;
        }
        try {
            return renames.detect(treeChanges);
        } catch (MissingObjectException e) {
            missing.skip(e, commitId, "its renames are not detected");
            return treeChanges;
        }
    }

    private FileChange fileChange(String commitId, DiffEntry entry) throws IOException {
        DiffEntry.ChangeType kind = entry.getChangeType();
        FileMode oldMode = entry.getOldMode();
        FileMode newMode = entry.getNewMode();
        ObjectId oldId = entry.getOldId().toObjectId();
        ObjectId newId = entry.getNewId().toObjectId();
        Blob before = oldMode == FileMode.MISSING ? null : content(entry.getOldPath(), oldMode, oldId, true);
        Blob after = newMode == FileMode.MISSING ? null : content(entry.getNewPath(), newMode, newId, keepNewSides);
        boolean binary = before != null && before.binary() || after != null && after.binary();
        int insertions = 0;
        int deletions = 0;
        if (!binary && !oldId.equals(newId)) {
            NumstatLineCounter.LineCounts counts = lineCounter.count(before == null ? Blob.EMPTY : before,
                    after == null ? Blob.EMPTY : after);
            insertions = counts.insertions();
            deletions = counts.deletions();
        }
        int linesAfter;
        if (after == null || newMode == FileMode.GITLINK) {
            linesAfter = 0;
        } else {
            linesAfter = after.binary() ? -1 : after.lineCount();
        }
        return switch (kind) {
            case ADD -> new FileChange(commitId, entry.getNewPath(), null, ChangeType.ADDED, insertions, deletions,
                    binary, 0, size(newMode, after), linesAfter);
            case DELETE -> new FileChange(commitId, entry.getOldPath(), null, ChangeType.DELETED, insertions,
                    deletions, binary, size(oldMode, before), 0, 0);
            case MODIFY -> new FileChange(commitId, entry.getNewPath(), null, ChangeType.MODIFIED, insertions,
                    deletions, binary, size(oldMode, before), size(newMode, after), linesAfter);
            case RENAME -> new FileChange(commitId, entry.getNewPath(), entry.getOldPath(), ChangeType.RENAMED,
                    insertions, deletions, binary, size(oldMode, before), size(newMode, after), linesAfter);
            case COPY -> throw new IllegalStateException("git -M finds no copies");
        };
    }

    /**
     * The content as git diffs it: binary or text as the path's attributes say. A submodule
     * (gitlink) is not descended: git diffs it as the one line
     * {@code Subproject commit <id>}, so adding one counts 1 0, moving it 1 1, removing it 0 1.
     */
    private Blob content(String path, FileMode mode, ObjectId id, boolean keep) throws IOException {
        if (mode == FileMode.GITLINK) {
            return Blob.of(("Subproject commit " + id.name() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        Blob blob = keep ? blobs.load(id) : blobs.take(id);
        return switch (attributes.diff(path)) {
            case BINARY -> blob.asBinary();
            case TEXT -> blob.asText();
            case BY_CONTENT -> blob;
        };
    }

    private static long size(FileMode mode, Blob blob) {
        return mode == FileMode.GITLINK ? 0 : blob.size();
    }

    /**
     * git's {@code canon_mode}: a file is executable when its owner may execute it, whatever
     * else its mode says; other types keep only their type.
     */
    static FileMode canonicalMode(int rawMode) {
        return switch (rawMode & FileMode.TYPE_MASK) {
            case FileMode.TYPE_FILE -> (rawMode & 0100) != 0 ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
            case FileMode.TYPE_SYMLINK -> FileMode.SYMLINK;
            case FileMode.TYPE_GITLINK -> FileMode.GITLINK;
            case FileMode.TYPE_TREE -> FileMode.TREE;
            default -> FileMode.fromBits(rawMode);
        };
    }

    /** Code point order is the byte order of UTF-8, in which git sorts paths. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
