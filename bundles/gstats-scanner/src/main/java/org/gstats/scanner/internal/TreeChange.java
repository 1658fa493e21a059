package org.gstats.scanner.internal;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/** A change as the tree walk sees it (an addition, a deletion, a modification), or a rename paired from two. */
final class TreeChange extends DiffEntry {

    private TreeChange() {
    }

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

    /** The deleted file {@code source} renamed to the added file {@code destination}. */
    static TreeChange rename(DiffEntry source, DiffEntry destination, int score) {
        TreeChange rename = new TreeChange();
        rename.changeType = ChangeType.RENAME;
        rename.oldPath = source.getOldPath();
        rename.oldMode = source.getOldMode();
        rename.oldId = source.getOldId();
        rename.newPath = destination.getNewPath();
        rename.newMode = destination.getNewMode();
        rename.newId = destination.getNewId();
        rename.score = score;
        return rename;
    }

    ObjectId oldObjectId() {
        return oldId.toObjectId();
    }

    ObjectId newObjectId() {
        return newId.toObjectId();
    }
}
