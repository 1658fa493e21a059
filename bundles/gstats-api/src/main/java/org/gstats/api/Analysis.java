package org.gstats.api;

import org.gstats.api.report.ReportSection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One plugin's work for one scan. The engine calls it from a single thread: every commit,
 * newest first, each {@link #onCommit} followed by that commit's file changes; every file at
 * the scanned head through {@link #onFileInfo} (and {@link #onFileContent} when the plugin's
 * {@link PluginDataRequirements} ask for content); then {@link #result()} once. Historical
 * content and the head's checkout come only to plugins that ask for them, see
 * {@link #onHistoricalContent} and {@link #onCheckout}. Head files
 * may come before, between or after the commits. An analysis owns its state; nothing else
 * touches it.
 */
@ConsumerType
public interface Analysis {

    default void onCommit(CommitInfo commit) {
    }

    default void onFileChange(FileChange change) {
    }

    /** One file at the scanned head; every plugin receives these. */
    default void onFileInfo(FileInfo file) {
    }

    /**
     * The content of one file at the scanned head, for plugins whose requirements ask for head
     * content; files above the size limit, and binary files unless asked for, are skipped.
     */
    default void onFileContent(FileContent content) {
    }

    /**
     * The content of a file right after a change, delivered just after that change's
     * {@link #onFileChange}, for plugins whose requirements ask for historical content
     * (deletions have none; size and binary limits as for {@link #onFileContent}).
     */
    default void onHistoricalContent(FileContent content) {
    }

    /**
     * The head checked out to a temporary directory, for plugins whose requirements ask for
     * files on disk; called once, before the head's files are delivered.
     */
    default void onCheckout(HeadCheckout checkout) {
    }

    /** The plugin's section of the report, called once after the last event. */
    ReportSection result();
}
