package org.gstats.engine.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.gstats.api.BlobResults;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.report.Report;
import org.gstats.api.scan.ChangeCache;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;
import org.gstats.api.store.ScanStore;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoreSession;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The engine's use of the optional {@link ScanStore} for one scan. The store only saves work:
 * when it is missing, turned off, or fails to open or to write, the scan runs cold with one
 * warning line and its report is the same.
 * <p>
 * The store opens on a thread of its own while the plugins start and the scanner opens the
 * repository, reads the head and walks its first commits (an embedded H2 store's open was a
 * tenth of a direct stored rescan's wall time, ahead of everything else); the first question to
 * the store, or event after the scan's start, waits for the open. The session hears the events in
 * the scanner's order all the same: they come on the scanner's one thread, which the wait holds,
 * and the start, when it comes before the store is open, is handed on before the next event.
 */
final class StoreUse {

    static final StoreUse NONE = new StoreUse(CompletableFuture.completedFuture(null), null);

    /** Completes with the session, or {@code null} when there is none to use. */
    private final CompletableFuture<StoreSession> opening;
    private final Logger log;
    /** The scan's start, when it came before the session was open; handed on before anything else. */
    private volatile ScanTarget pendingStart;

    private StoreUse(CompletableFuture<StoreSession> opening, Logger log) {
        this.opening = opening;
        this.log = log;
    }

    static StoreUse open(ScanStore store, ScanRequest request, Logger log) {
        if (store == null) {
            return NONE;
        }
        CompletableFuture<StoreSession> opening = new CompletableFuture<>();
        Map<String, String> context = MDC.getCopyOfContextMap();
        Thread opener = new Thread(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                opening.complete(session(store, request, log));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
                throw e;
            }
        }, "gstats-store-open");
        opener.setDaemon(true);
        opener.start();
        return new StoreUse(opening, log);
    }

    private static StoreSession session(ScanStore store, ScanRequest request, Logger log) {
        long start = System.nanoTime();
        try {
            StoreSession session = store.open(request);
            log.debug("store {} in {} ms", session == null ? "turned off" : "opened", millisSince(start));
            return session;
        } catch (StoreException | RuntimeException e) {
            log.warn("{}; scanning without the store", oneLine(e));
            return null;
        }
    }

    /** The session once open; {@code null} without one. An error of the open is thrown here, as it was on the scan's thread. */
    private StoreSession session() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    ChangeCache cache() {
        return this == NONE ? ChangeCache.NONE : commitId -> {
            StoreSession session = session();
            return session == null ? null : session.recorded(commitId);
        };
    }

    BlobResults blobResults() {
        return this == NONE ? BlobResults.NONE : new OpenedBlobResults();
    }

    /** The run's listener, with the session hearing every event the run hears. */
    ScanListener listening(ScanListener run) {
        return this == NONE ? run : new TeeListener(run, new OpenedListener());
    }

    /** The session, once open and told the scan's start; {@code null} without one. */
    private StoreSession started() {
        StoreSession session = session();
        ScanTarget target = pendingStart;
        if (target != null) {
            pendingStart = null;
            if (session != null) {
                session.onStart(target);
            }
        }
        return session;
    }

    /** Records the finished scan; a failure costs the next scan its head start, never this report. */
    void finish(Report report) {
        StoreSession session = started();
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
        StoreSession session;
        try {
            session = session();
        } catch (RuntimeException | Error e) {
            // the open failed: nothing to let go
            return;
        }
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

    /** The session's per-blob results once it is open; none without a session. */
    private final class OpenedBlobResults implements BlobResults {

        @Override
        public byte[] get(String analyser, String blobId) {
            StoreSession session = session();
            return session == null ? null : session.get(analyser, blobId);
        }

        @Override
        public void put(String analyser, String blobId, byte[] result) {
            StoreSession session = session();
            if (session != null) {
                session.put(analyser, blobId, result);
            }
        }
    }

    /** Hands each event to the session once it is open; to none without a session. */
    private final class OpenedListener implements ScanListener {

        @Override
        public void onStart(ScanTarget target) {
            if (!opening.isDone()) {
                pendingStart = target;
                return;
            }
            ScanListener session = session();
            if (session != null) {
                session.onStart(target);
            }
        }

        @Override
        public void onCommit(CommitInfo commit) {
            ScanListener session = started();
            if (session != null) {
                session.onCommit(commit);
            }
        }

        @Override
        public void onFileChange(FileChange change) {
            ScanListener session = started();
            if (session != null) {
                session.onFileChange(change);
            }
        }

        @Override
        public void onWarning(ScanWarning warning) {
            ScanListener session = started();
            if (session != null) {
                session.onWarning(warning);
            }
        }

        @Override
        public void onFileInfo(FileInfo file) {
            ScanListener session = started();
            if (session != null) {
                session.onFileInfo(file);
            }
        }

        @Override
        public void onFileContent(FileContent content) {
            ScanListener session = started();
            if (session != null) {
                session.onFileContent(content);
            }
        }

        @Override
        public void onHistoricalContent(FileContent content) {
            ScanListener session = started();
            if (session != null) {
                session.onHistoricalContent(content);
            }
        }

        @Override
        public void onCheckout(HeadCheckout checkout) {
            ScanListener session = started();
            if (session != null) {
                session.onCheckout(checkout);
            }
        }

        @Override
        public void onEnd() {
            ScanListener session = started();
            if (session != null) {
                session.onEnd();
            }
        }
    }
}
