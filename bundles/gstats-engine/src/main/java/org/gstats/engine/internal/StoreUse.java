package org.gstats.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
import org.gstats.api.scan.StoredWalk;
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
 * repository, resolves its head and walks its first commits; the scan waits for it at its first
 * question (a commit's recorded changes, a blob's result) or event after the start. Opening an
 * existing store (H2's start, the file, the schema's check, the recorded changes) is a third of a
 * short scan's command. Until it is open the cache says it is not {@linkplain ChangeCache#ready()
 * ready}, so that the scanner walks ahead (parsing commits) rather than wait.
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
        if (!store.enabled(request)) {
            log.debug("store turned off");
            return NONE;
        }
        long start = System.nanoTime();
        FutureTask<StoreSession> opening = beside("gstats-store-open", () -> {
            StoreSession session = store.open(request);
            log.debug("store opened in {} ms", millisSince(start));
            return session;
        });
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
        StoreSession session = await(opening, "scanning without the store");
        if (session != null) {
            log.debug("waited {} ms for the store's open", millisSince(start));
        }
        return session;
    }

    /** Runs {@code task} on a daemon thread of its own, its log lines carrying the scan's id as the scan's own do. */
    private static <T> FutureTask<T> beside(String name, Callable<T> task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        FutureTask<T> future = new FutureTask<>(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            return task.call();
        });
        Thread thread = new Thread(future, name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /**
     * What a store task gave, waited for whatever interrupts the wait: the task ends on its own (a
     * server's connect times out), and the session it opens or writes must not be let go under it;
     * the interrupt is kept for the caller. A store fault is one warning line ending in
     * {@code instead} and gives null; the JVM's errors are thrown, as when the scan's thread ran the
     * task itself.
     */
    private <T> T await(FutureTask<T> task, String instead) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            log.warn("{}; {}", oneLine(e.getCause()), instead);
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
        StoreSession session = late.started();
        if (session == null) {
            meanwhile.run();
            return;
        }
        long start = System.nanoTime();
        FutureTask<Boolean> recording = beside("gstats-store-finish", () -> {
            session.finish(report);
            return true;
        });
        try {
            meanwhile.run();
        } finally {
            try {
                if (await(recording, "the next scan runs cold") != null) {
                    log.debug("scan stored in {} ms", millisSince(start));
                }
            } finally {
                session.close();
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

        /**
         * The scan's start, told before the open ended: the session hears it before its next event
         * (all on the scanner's thread), so that the scanner does not wait for the open to start.
         */
        private ScanTarget started;

        @Override
        public List<FileChange> recorded(String commitId) {
            StoreSession session = session();
            return session == null ? null : session.recorded(commitId);
        }

        @Override
        public boolean ready() {
            return settled || opening.isDone();
        }

        @Override
        public StoredWalk walked(String identities) {
            StoreSession session = session();
            return session == null ? null : session.walked(identities);
        }

        @Override
        public void walking(String identities) {
            tell(session -> session.walking(identities));
        }

        @Override
        public FileInfo recordedFile(String path, String blobId) {
            StoreSession session = session();
            return session == null ? null : session.recordedFile(path, blobId);
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
        public String storedHeadId() {
            StoreSession session = session();
            return session == null ? null : session.storedHeadId();
        }

        @Override
        public void onStart(ScanTarget target) {
            if (ready()) {
                tell(session -> session.onStart(target));
            } else {
                started = target;
            }
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
            StoreSession session = started();
            if (session != null) {
                event.accept(session);
            }
        }

        /** The session once open, having heard the scan's start; null without one. On the scanner's thread. */
        StoreSession started() {
            StoreSession session = session();
            if (session != null && started != null) {
                session.onStart(started);
                started = null;
            }
            return session;
        }
    }
}
