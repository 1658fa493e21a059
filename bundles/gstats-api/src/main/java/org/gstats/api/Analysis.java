package org.gstats.api;

import org.gstats.api.report.ReportSection;

/**
 * One plugin's work for one scan. The engine calls it from a single thread: first every
 * commit, newest first, each {@link #onCommit} followed by that commit's file changes; then
 * {@link #result()} once. An analysis owns its state; nothing else touches it.
 */
public interface Analysis {

    default void onCommit(CommitInfo commit) {
    }

    default void onFileChange(FileChange change) {
    }

    /** The plugin's section of the report, called once after the last event. */
    ReportSection result();
}
