package org.gstats.api.scan;

import java.util.List;

import org.gstats.api.FileChange;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The file changes of commits that an earlier scan with the same change settings (rename
 * detection, diff algorithm, first-parent, path globs, scanner version) already computed. A
 * commit id names its content for ever, so its changes under the same settings never change:
 * a scanner reports the recorded changes instead of diffing the commit again.
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
}
