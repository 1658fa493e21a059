package org.gstats.api.scan;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.PluginDataRequirements;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a scan's events on the scanner's thread: {@link #onStart} once, then
 * {@link #onCheckout} when the requirements ask for files on disk, then per commit (newest
 * first) {@link #onCommit} followed by that commit's file changes, each followed by its
 * {@link #onHistoricalContent} when asked for; then every file at the head through
 * {@link #onFileInfo}, each followed by its {@link #onFileContent} when asked for.
 * Content events honour the {@link PluginDataRequirements} the scan was given (size limit,
 * binary files). {@link #onWarning} may come at any time, whenever the scanner leaves
 * something out without stopping.
 */
@ConsumerType
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

    /** One file at the scanned head, in git's path order; every scan reports these. */
    default void onFileInfo(FileInfo file) {
    }

    /** The content of the head file reported just before. */
    default void onFileContent(FileContent content) {
    }

    /** The content of the file after the change reported just before. */
    default void onHistoricalContent(FileContent content) {
    }

    /** The head checked out to a temporary directory, deleted when the scan returns. */
    default void onCheckout(HeadCheckout checkout) {
    }

    /**
     * The scan delivered its last event; the checkout ({@link #onCheckout}) exists until this
     * returns. A listener that hands events on to other threads waits here until they are done
     * with them.
     *
     * @since 1.1
     */
    default void onEnd() {
    }
}
