package org.gstats.api.scan;

import java.util.List;

import org.gstats.api.FileChange;
import org.gstats.api.FileInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The file changes of commits that an earlier scan with the same change settings (rename
 * detection, diff algorithm, first-parent, path globs, scanner version) already computed. A
 * commit id names its content for ever, so its changes under the same settings never change:
 * a scanner reports the recorded changes instead of diffing the commit again. What an earlier
 * scan told of its head's blobs is kept the same way ({@link #recordedFile}).
 *
 * @since 1.2
 */
@ConsumerType
public interface ChangeCache {

    /** Knows no commit: every commit is diffed. */
    ChangeCache NONE = commitId -> null;

    /**
     * The changes recorded for the commit, in the order the scanner reported them; {@code null}
     * when the commit is not known (then the scanner diffs it).
     */
    List<FileChange> recorded(String commitId);

    /**
     * Whether {@link #recorded} answers now; false while the recorded changes are still being
     * read (the scan store opening beside the scan's start), when a scanner may walk further ahead
     * of what it tells, as its questions would wait.
     *
     * @since 2.3
     */
    default boolean ready() {
        return true;
    }

    /**
     * The commits an earlier scan of the repository with the same change settings told when it
     * walked the whole history from its head (the first of them), its identities made as
     * {@code identities} names them (the scanner's fingerprint of its mailmap), when that scan
     * recorded every commit's changes and met no warning; {@code null} when there is no such walk.
     * A scanner tells them instead of walking from that head: for its whole history when that head
     * is its start, or once its own walk from a newer start has come down to that head alone. Waits,
     * as {@link #recorded} does, while the cache is not {@link #ready()}.
     *
     * @since 2.4
     */
    default StoredWalk walked(String identities) {
        return null;
    }

    /**
     * The info of the head's file at {@code path}, whose content is the blob {@code blobId}, with the size,
     * line count and binary flag an earlier scan with the same change settings (the scanner's version among
     * them) told of that blob at its head; {@code null} when none did, and the scanner reads the blob. A blob
     * id names its content for ever, so what was told of it stays true. Waits, as {@link #recorded} does,
     * while the cache is not {@link #ready()}.
     *
     * @since 2.5
     */
    default FileInfo recordedFile(String path, String blobId) {
        return null;
    }

    /**
     * Says, before its first commit, that the scan tells its whole walk from its start (no filter
     * leaves a commit out), with identities as {@code identities} names them: the cache may keep
     * that walk for a later scan's {@link #walked}.
     *
     * @since 2.4
     */
    default void walking(String identities) {
    }
}
