package org.gstats.api.scan;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;

/**
 * Receives a scan's events on the scanner's thread: {@link #onStart} once, then per commit
 * (newest first) {@link #onCommit} followed by that commit's file changes.
 */
public interface ScanListener {

    void onStart(ScanTarget target);

    void onCommit(CommitInfo commit);

    void onFileChange(FileChange change);
}
