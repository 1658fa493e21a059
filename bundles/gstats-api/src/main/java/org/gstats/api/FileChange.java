package org.gstats.api;

import java.util.Objects;

/**
 * One file changed by one commit, against the commit's first parent (the empty tree for a
 * root commit). Insertions and deletions equal what {@code git log --numstat} prints for the
 * same commit and rename setting; binary files carry 0/0 and their sizes.
 *
 * @param commitId    the commit that made the change
 * @param path        path after the change (for a deletion: the deleted path)
 * @param oldPath     path before the change for renames and copies, otherwise {@code null}
 * @param type        kind of change
 * @param insertions  lines added (0 for binary files)
 * @param deletions   lines removed (0 for binary files)
 * @param binary      true when either side is binary (a NUL byte in its first 8000 bytes)
 * @param oldSize     size in bytes before the change, 0 when the file did not exist
 * @param newSize     size in bytes after the change, 0 when the file no longer exists
 * @param linesAfter  line count of the file after the change (a last line without newline
 *                    counts), 0 for a deletion, -1 for a binary file
 */
public record FileChange(
        String commitId,
        String path,
        String oldPath,
        ChangeType type,
        int insertions,
        int deletions,
        boolean binary,
        long oldSize,
        long newSize,
        int linesAfter) {

    public FileChange {
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (insertions < 0 || deletions < 0) {
            throw new IllegalArgumentException("negative line counts for " + path);
        }
        if (binary && (insertions != 0 || deletions != 0)) {
            throw new IllegalArgumentException("binary change of " + path + " with line counts");
        }
    }
}
