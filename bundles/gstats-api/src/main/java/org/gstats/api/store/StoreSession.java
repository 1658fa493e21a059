package org.gstats.api.store;

import org.gstats.api.BlobResults;
import org.gstats.api.report.Report;
import org.gstats.api.scan.ChangeCache;
import org.gstats.api.scan.ScanListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One scan's use of the store: it answers the scanner's {@link ChangeCache} questions, keeps
 * the content plugins' {@link BlobResults} (since 1.3), hears the scan's events as a
 * {@link ScanListener}, and writes what was new in one transaction when the scan
 * {@link #finish finishes}. Closing it without finishing writes nothing.
 */
@ProviderType
public interface StoreSession extends ChangeCache, BlobResults, ScanListener, AutoCloseable {

    /** Records the scan (its new commits and changes, head files, new per-blob results and summary) all at once or not at all. */
    void finish(Report report) throws StoreException;

    /** Lets the store go; nothing is written that {@link #finish} did not write. */
    @Override
    void close();
}
