package org.gstats.api.scan;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;

/**
 * Receives a scan's events on the scanner's thread: {@link #onStart} once, then per commit
 * (newest first) {@link #onCommit} followed by that commit's file changes, and
 * {@link #onWarning} whenever the scanner leaves something out without stopping.
 */
public interface ScanListener {

    void onStart(ScanTarget target);

    void onCommit(CommitInfo commit);

    void onFileChange(FileChange change);

    /**
     * Something was left out of the scan (see {@link ScanWarning}); the scan goes on. Listeners
     * that do not care may ignore it.
     *
     * @since 1.1
     */
    default void onWarning(ScanWarning warning) {
    }
}
