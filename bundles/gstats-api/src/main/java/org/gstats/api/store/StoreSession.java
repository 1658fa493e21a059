package org.gstats.api.store;

import org.gstats.api.BlobResults;
import org.gstats.api.report.Report;
import org.gstats.api.scan.ChangeCache;
import org.gstats.api.scan.ScanListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One scan's use of the store: it answers the scanner's {@link ChangeCache} questions, keeps
 * the content plugins' {@link BlobResults} (since 1.3), hears the scan's events as a
 * {@link ScanListener}, and records the scan when it {@link #finish finishes}: its summary, head
 * rows and report in one last transaction. The scan's new commits and their changes are facts
 * that stay true whatever becomes of the scan: they may be written before, once every commit is
 * told, and are kept when the scan fails.
 */
@ProviderType
public interface StoreSession extends ChangeCache, BlobResults, ScanListener, AutoCloseable {

    /** Records the scan (its new commits and changes, head files, new per-blob results and summary); its summary, head rows and report all at once or not at all. */
    void finish(Report report) throws StoreException;

    /** Lets the store go; the scan is not recorded unless {@link #finish} recorded it. */
    @Override
    void close();
}
