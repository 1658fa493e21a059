package org.gstats.scanner.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
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

    /** git's default similarity for {@code -M}: 50%. */
    private static final int RENAME_SCORE = 50;
    /** git's default diff.renameLimit. */
    private static final long RENAME_LIMIT = 1000;

    private static final Comparator<FileChange> GIT_ORDER = Comparator.comparing(FileChange::path,
            CommitDiffer::compareCodePoints);

    private final BlobCache blobs;
    private final TreeWalk treeWalk;
    private final RenameDetector renameDetector;
    private final ContentSource.Pair contents;
    private final LineCounter lineCounter;
    private final MissingObjects missing;

    /**
     * @param paths the paths whose changes count ({@link TreeFilter#ALL} for all); applied
     *              before rename detection, as git applies pathspecs
     */
    CommitDiffer(ObjectReader reader, BlobCache blobs, boolean detectRenames, TreeFilter paths,
            LineCounter lineCounter, MissingObjects missing) {
        this.blobs = blobs;
        this.lineCounter = lineCounter;
        this.missing = missing;
        this.treeWalk = new TreeWalk(reader);
        treeWalk.setRecursive(true);
        treeWalk.setFilter(paths == TreeFilter.ALL ? TreeFilter.ANY_DIFF
                : AndTreeFilter.create(paths, TreeFilter.ANY_DIFF));
        if (detectRenames) {
            renameDetector = new RenameDetector(reader, new Config().get(DiffConfig.KEY));
            renameDetector.setRenameScore(RENAME_SCORE);
            ContentSource source = blobs.contentSource();
            contents = new ContentSource.Pair(source, source);
        } else {
            renameDetector = null;
            contents = null;
        }
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
            changes.add(new TreeChange(treeWalk.getPathString(), treeWalk.getFileMode(0), treeWalk.getObjectId(0),
                    treeWalk.getFileMode(1), treeWalk.getObjectId(1)));
        }
        return changes;
    }

    private List<? extends DiffEntry> detectRenames(String commitId, List<TreeChange> treeChanges)
            throws IOException {
        if (renameDetector == null) {
            return treeChanges;
        }
        List<DiffEntry> candidates = new ArrayList<>();
        List<DiffEntry> result = new ArrayList<>();
        boolean added = false;
        boolean deleted = false;
        for (TreeChange change : treeChanges) {
            // git keeps a change of file type (file to symlink, ...) as one modification;
            // JGit's detector would split it into a deletion and an addition.
            if (change.getChangeType() == DiffEntry.ChangeType.MODIFY) {
                result.add(change);
            } else {
                added |= change.getChangeType() == DiffEntry.ChangeType.ADD;
                deleted |= change.getChangeType() == DiffEntry.ChangeType.DELETE;
                candidates.add(change);
            }
        }
        if (!added || !deleted) {
            return treeChanges;
        }
        renameDetector.reset();
        renameDetector.setRenameLimit(withinGitRenameLimit(candidates) ? 0 : 1);
        renameDetector.addAll(candidates);
        try {
            for (DiffEntry entry : renameDetector.compute(contents, NullProgressMonitor.INSTANCE)) {
                // git -M pairs each deleted file with one new file at most; JGit calls the
                // further matches copies, which git shows as plain additions.
                result.add(entry.getChangeType() == DiffEntry.ChangeType.COPY ? TreeChange.addition(entry) : entry);
            }
        } catch (CanceledException e) {
            throw new IllegalStateException("rename detection cannot be cancelled without a monitor", e);
        } catch (MissingObjectException e) {
            missing.skip(e, commitId, "its renames are not detected");
            return treeChanges;
        }
        return result;
    }

    /**
     * git skips inexact rename detection when the files left after exact renames exceed the
     * limit as a matrix: {@code sources * destinations > limit²}. JGit compares only the larger
     * side with the limit, so we decide here and let JGit run unlimited or not at all.
     */
    private static boolean withinGitRenameLimit(List<DiffEntry> candidates) {
        Map<AbbreviatedObjectId, Integer> deletedIds = new HashMap<>();
        long sources = 0;
        for (DiffEntry entry : candidates) {
            if (entry.getChangeType() == DiffEntry.ChangeType.DELETE) {
                deletedIds.merge(entry.getOldId(), 1, Integer::sum);
                sources++;
            }
        }
        long destinations = 0;
        for (DiffEntry entry : candidates) {
            if (entry.getChangeType() == DiffEntry.ChangeType.ADD) {
                Integer left = deletedIds.get(entry.getNewId());
                if (left != null && left > 0) {
                    deletedIds.put(entry.getNewId(), left - 1);
                    sources--;
                } else {
                    destinations++;
                }
            }
        }
        return sources * destinations <= RENAME_LIMIT * RENAME_LIMIT;
    }

    private FileChange fileChange(String commitId, DiffEntry entry) throws IOException {
        DiffEntry.ChangeType kind = entry.getChangeType();
        FileMode oldMode = entry.getOldMode();
        FileMode newMode = entry.getNewMode();
        ObjectId oldId = entry.getOldId().toObjectId();
        ObjectId newId = entry.getNewId().toObjectId();
        Blob before = oldMode == FileMode.MISSING ? null : content(oldMode, oldId);
        Blob after = newMode == FileMode.MISSING ? null : content(newMode, newId);
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
            case COPY -> throw new IllegalStateException("copies are reported as additions");
        };
    }

    /**
     * A submodule (gitlink) is not descended: git diffs it as the one line
     * {@code Subproject commit <id>}, so adding one counts 1 0, moving it 1 1, removing it 0 1.
     */
    private Blob content(FileMode mode, ObjectId id) throws IOException {
        if (mode == FileMode.GITLINK) {
            return Blob.of(("Subproject commit " + id.name() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return blobs.load(id);
    }

    private static long size(FileMode mode, Blob blob) {
        return mode == FileMode.GITLINK ? 0 : blob.size();
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

    /** A change as the tree walk sees it, in the shape JGit's rename detector takes. */
    private static final class TreeChange extends DiffEntry {

        TreeChange(String path, FileMode oldMode, ObjectId oldId, FileMode newMode, ObjectId newId) {
            this.oldMode = oldMode;
            this.newMode = newMode;
            this.oldId = AbbreviatedObjectId.fromObjectId(oldId);
            this.newId = AbbreviatedObjectId.fromObjectId(newId);
            if (oldMode == FileMode.MISSING) {
                changeType = ChangeType.ADD;
                oldPath = DEV_NULL;
                newPath = path;
            } else if (newMode == FileMode.MISSING) {
                changeType = ChangeType.DELETE;
                oldPath = path;
                newPath = DEV_NULL;
            } else {
                changeType = ChangeType.MODIFY;
                oldPath = path;
                newPath = path;
            }
        }

        static TreeChange addition(DiffEntry copy) {
            return new TreeChange(copy.getNewPath(), FileMode.MISSING, ObjectId.zeroId(), copy.getNewMode(),
                    copy.getNewId().toObjectId());
        }
    }
}
