package org.gstats.api.scan;

import org.osgi.annotation.versioning.ProviderType;

/** Walks a repository's history once and reports what it sees. */
@ProviderType
public interface RepositoryScanner {

    /**
     * Scans synchronously, calling the listener on the calling thread.
     *
     * @throws ScanException {@link ScanException.Reason#BAD_INPUT} when the path is not a
     *                       repository or the branch does not exist; {@link ScanException.Reason#FAILED}
     *                       when reading the repository fails
     */
    void scan(ScanRequest request, ScanListener listener) throws ScanException;
}
