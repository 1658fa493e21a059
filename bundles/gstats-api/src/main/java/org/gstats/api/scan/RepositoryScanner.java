package org.gstats.api.scan;

import org.gstats.api.PluginDataRequirements;
import org.osgi.annotation.versioning.ProviderType;

/** Walks a repository's history once and reports what it sees. */
@ProviderType
public interface RepositoryScanner {

    /**
     * Scans synchronously, calling the listener on the calling thread, and reads file content
     * only as far as {@code requirements} ask (commits, changes and head file infos always).
     *
     * @throws ScanException {@link ScanException.Reason#BAD_INPUT} when the path is not a
     *                       repository or the branch does not exist; {@link ScanException.Reason#FAILED}
     *                       when reading the repository fails
     */
    void scan(ScanRequest request, PluginDataRequirements requirements, ScanListener listener) throws ScanException;

    /**
     * Scans as {@link #scan(ScanRequest, PluginDataRequirements, ScanListener)} does, reporting
     * the changes {@code cache} has recorded for a commit instead of diffing it. The events are
     * the same either way. A scanner that cannot use a cache ignores it.
     *
     * @since 1.2
     */
    default void scan(ScanRequest request, PluginDataRequirements requirements, ScanListener listener,
            ChangeCache cache) throws ScanException {
        scan(request, requirements, listener);
    }

    /** Scans for metadata only: no content events, no checkout. */
    default void scan(ScanRequest request, ScanListener listener) throws ScanException {
        scan(request, PluginDataRequirements.NONE, listener);
    }
}
