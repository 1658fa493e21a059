package org.gstats.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

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
import org.gstats.api.store.StoreSession;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The engine's use of the optional {@link ScanStore} for one scan. The store only saves work:
 * when it is missing, turned off, or fails to open or to write, the scan runs cold with one
 * warning line and its report is the same.
 *
 * <p>The store is opened on a thread of its own while the plugins start and the scanner opens the
 * repository and resolves its head; the scan waits for it at its first question or event (the
 * start of the walk). Opening an existing store (H2's start, the file, the schema's check, the
 * recorded changes) is a third of a short scan's command.
 */
final class StoreUse {

    static final StoreUse NONE = new StoreUse(null, null);

    /** The session being opened; null without a store. */
    private final FutureTask<StoreSession> opening;
    private final Logger log;
    /**
     * Whether the scan has waited for the open, after which {@link #opened} is what it came to:
     * every event asks, so that is a read, and a failed open is warned of (and its exception made)
     * once, not at each event.
     */
    private volatile boolean settled;
    /** The open session, or null (turned off, or failed); written before {@link #settled}. */
    private StoreSession opened;
    private final LateSession late = new LateSession();

    private StoreUse(FutureTask<StoreSession> opening, Logger log) {
        this.opening = opening;
        this.log = log;
    }

    static StoreUse open(ScanStore store, ScanRequest request, Logger log) {
        if (store == null) {
            return NONE;
        }
        long start = System.nanoTime();
        // the open's log lines carry the scan's id as the scan's own do
        Map<String, String> context = MDC.getCopyOfContextMap();
        FutureTask<StoreSession> opening = new FutureTask<>(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            StoreSession session = store.open(request);
            log.debug("store {} in {} ms", session == null ? "turned off" : "opened", millisSince(start));
            return session;
        });
        Thread thread = new Thread(opening, "gstats-store-open");
        thread.setDaemon(true);
        thread.start();
        return new StoreUse(opening, log);
    }

    /** The session once open; null without one (its failure warned of once: the scan runs without the store). */
    private StoreSession session() {
        if (opening == null) {
            return null;
        }
        if (!settled) {
            synchronized (this) {
                if (!settled) {
                    opened = awaitOpen();
                    settled = true;
                }
            }
        }
        return opened;
    }

    private StoreSession awaitOpen() {
        long start = System.nanoTime();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    StoreSession session = opening.get();
                    log.debug("waited {} ms for the store's open", millisSince(start));
                    return session;
                } catch (InterruptedException e) {
                    // the open ends on its own (a server's connect times out); the session must not be left open
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            // as when the scan's thread opened it: the store's faults are a warning, the JVM's errors are not
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            log.warn("{}; scanning without the store", oneLine(e.getCause()));
            return null;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    ChangeCache cache() {
        return opening == null ? ChangeCache.NONE : late;
    }

    BlobResults blobResults() {
        return opening == null ? BlobResults.NONE : late;
    }

    /** The run's listener, with the session hearing every event the run hears. */
    ScanListener listening(ScanListener run) {
        return opening == null ? run : new TeeListener(run, late);
    }

    /**
     * Records the finished scan on a thread of its own while {@code meanwhile} (the caller writing
     * the report) runs on the scan's, and returns once both have ended: the report reaches its user
     * while the store's last transaction runs, and whoever waits for the scan (the command, the
     * process) still waits for the store. A failed write costs the next scan its head start, never
     * this report: one warning line, logged here on the scan's thread as before.
     */
    void finish(Report report, Runnable meanwhile) {
        StoreSession session = session();
        if (session == null) {
            meanwhile.run();
            return;
        }
        long start = System.nanoTime();
        Map<String, String> context = MDC.getCopyOfContextMap();
        FutureTask<Void> recording = new FutureTask<>(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            session.finish(report);
            return null;
        });
        Thread thread = new Thread(recording, "gstats-store-finish");
        thread.setDaemon(true);
        thread.start();
        try {
            meanwhile.run();
        } finally {
            awaitRecorded(recording, session, start);
        }
    }

    /** Waits for the store's write to end, whatever interrupts the wait: the session must not be closed under it. */
    private void awaitRecorded(FutureTask<Void> recording, StoreSession session, long start) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    recording.get();
                    log.debug("scan stored in {} ms", millisSince(start));
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            log.warn("{}; the next scan runs cold", oneLine(e.getCause()));
        } finally {
            session.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void abandon() {
        StoreSession session = session();
        if (session != null) {
            session.close();
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "the store failed" : e.getMessage();
        return message.strip().lines().findFirst().orElse("the store failed");
    }

    /**
     * The session for the scanner and the plugins from the scan's start, before the open ends: each
     * question or event waits for it once, then goes to it; nothing when there is none.
     */
    private final class LateSession implements ChangeCache, BlobResults, ScanListener {

        @Override
        public List<FileChange> recorded(String commitId) {
            StoreSession session = session();
            return session == null ? null : session.recorded(commitId);
        }

        @Override
        public byte[] get(String analyser, String blobId) {
            StoreSession session = session();
            return session == null ? null : session.get(analyser, blobId);
        }

        @Override
        public void put(String analyser, String blobId, byte[] result) {
            tell(session -> session.put(analyser, blobId, result));
        }

        @Override
        public void onStart(ScanTarget target) {
            tell(session -> session.onStart(target));
        }

        @Override
        public void onCommit(CommitInfo commit) {
            tell(session -> session.onCommit(commit));
        }

        @Override
        public void onFileChange(FileChange change) {
            tell(session -> session.onFileChange(change));
        }

        @Override
        public void onWarning(ScanWarning warning) {
            tell(session -> session.onWarning(warning));
        }

        @Override
        public void onFileInfo(FileInfo file) {
            tell(session -> session.onFileInfo(file));
        }

        @Override
        public void onFileContent(FileContent content) {
            tell(session -> session.onFileContent(content));
        }

        @Override
        public void onHistoricalContent(FileContent content) {
            tell(session -> session.onHistoricalContent(content));
        }

        @Override
        public void onCheckout(HeadCheckout checkout) {
            tell(session -> session.onCheckout(checkout));
        }

        @Override
        public void onEnd() {
            tell(StoreSession::onEnd);
        }

        private void tell(Consumer<StoreSession> event) {
            StoreSession session = session();
            if (session != null) {
                event.accept(session);
            }
        }
    }
}
