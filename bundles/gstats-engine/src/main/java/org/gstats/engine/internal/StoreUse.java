package org.gstats.engine.internal;

import org.gstats.api.BlobResults;
import org.gstats.api.report.Report;
import org.gstats.api.scan.ChangeCache;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.store.ScanStore;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoreSession;
import org.slf4j.Logger;

/**
 * The engine's use of the optional {@link ScanStore} for one scan. The store only saves work:
 * when it is missing, turned off, or fails to open or to write, the scan runs cold with one
 * warning line and its report is the same.
 */
final class StoreUse {

    static final StoreUse NONE = new StoreUse(null, null);

    private final StoreSession session;
    private final Logger log;

    private StoreUse(StoreSession session, Logger log) {
        this.session = session;
        this.log = log;
    }

    static StoreUse open(ScanStore store, ScanRequest request, Logger log) {
        if (store == null) {
            return NONE;
        }
        long start = System.nanoTime();
        try {
            StoreSession session = store.open(request);
            log.debug("store {} in {} ms", session == null ? "turned off" : "opened", millisSince(start));
            return session == null ? NONE : new StoreUse(session, log);
        } catch (StoreException | RuntimeException e) {
            log.warn("{}; scanning without the store", oneLine(e));
            return NONE;
        }
    }

    ChangeCache cache() {
        return session == null ? ChangeCache.NONE : session;
    }

    BlobResults blobResults() {
        return session == null ? BlobResults.NONE : session;
    }

    /** The run's listener, with the session hearing every event the run hears. */
    ScanListener listening(ScanListener run) {
        return session == null ? run : new TeeListener(run, session);
    }

    /** Records the finished scan; a failure costs the next scan its head start, never this report. */
    void finish(Report report) {
        if (session == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            session.finish(report);
            log.debug("scan stored in {} ms", millisSince(start));
        } catch (StoreException | RuntimeException e) {
            log.warn("{}; the next scan runs cold", oneLine(e));
        } finally {
            session.close();
        }
    }

    void abandon() {
        if (session != null) {
            session.close();
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? "the store failed" : e.getMessage();
        return message.strip().lines().findFirst().orElse("the store failed");
    }
}
