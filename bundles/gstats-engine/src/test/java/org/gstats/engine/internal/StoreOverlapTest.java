package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gstats.api.BlobResults;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.report.Report;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.store.ScanStore;
import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoreSession;
import org.gstats.api.store.StoredReport;
import org.gstats.queue.internal.MessageQueueFactoryImpl;
import org.junit.Test;

/**
 * The end of a scan with a store: the report reaches the caller ({@link ProgressListener#reportReady})
 * while the store records the scan, and the scan returns once both have ended. The store here is
 * the service's contract kept in memory (the real one, on H2 and PostgreSQL, is the store bundle's
 * and {@code StoreLauncherIT}'s): its write waits until the report has been handed over, which an
 * engine that wrote the store first would never do.
 */
public class StoreOverlapTest {

    private final PluginRegistryImpl plugins = new PluginRegistryImpl(null, new MutableClock(), 3,
            Duration.ofMinutes(5));

    private ScanEngineImpl engine(ScanStore store) {
        ScanEngineImpl engine = new ScanEngineImpl(
                new FixedHistoryScanner("c2").commit("c2", "a.txt").commit("c1", "a.txt"), plugins, 30_000,
                new MessageQueueFactoryImpl(4, FixedMemory.NORMAL), FixedMemory.NORMAL);
        engine.store = store;
        return engine;
    }

    private Report scan(WaitingStore store, Handover handover) throws Exception {
        return engine(store).scan(ScanRequest.builder(FixedHistoryScanner.REPOSITORY).build(), handover);
    }

    @Test
    public void theReportIsHandedOverWhileTheStoreRecordsTheScanWhichEndsFirst() throws Exception {
        TestPlugin.healthy("commits").bindTo(plugins, 1);
        WaitingStore store = new WaitingStore(false);
        Handover handover = new Handover(store);

        Report report = scan(store, handover);

        assertEquals(1, handover.reports.size());
        assertSame(report, handover.reports.get(0));
        assertFalse("the report came before the store's write ended", handover.recordedWhenHanded);
        assertSame("the scan returned once the store had recorded it", report, store.recorded);
        assertTrue(store.closed);
    }

    /** A write that fails is one warning line, as before: the report is handed over and returned whole. */
    @Test
    public void aFailedWriteLeavesTheReportHandedOverAndReturned() throws Exception {
        TestPlugin.healthy("commits").bindTo(plugins, 1);
        WaitingStore store = new WaitingStore(true);
        Handover handover = new Handover(store);

        Report report = scan(store, handover);

        assertEquals(List.of(report), handover.reports);
        assertEquals(List.of(), report.errors());
        assertTrue(store.closed);
    }

    /** A request the store is turned off for: the store is not opened, and plugins get no per-blob results to fill. */
    @Test
    public void aStoreTurnedOffIsNeitherOpenedNorOfferedToPlugins() throws Exception {
        TestPlugin plugin = TestPlugin.healthy("commits");
        plugin.bindTo(plugins, 1);
        WaitingStore store = new WaitingStore(false);
        store.turnedOff = true;

        Report report = scan(store, new Handover(store));

        assertEquals(List.of(), report.errors());
        assertFalse("opened", store.opened);
        assertSame(BlobResults.NONE, plugin.contexts.get(0).blobResults());
    }

    private static final class Handover implements ProgressListener {
        private final WaitingStore store;
        private final List<Report> reports = new ArrayList<>();
        private boolean recordedWhenHanded;

        Handover(WaitingStore store) {
            this.store = store;
        }

        @Override
        public void commitsScanned(long commits) {
        }

        @Override
        public void reportReady(Report report) {
            recordedWhenHanded = store.recorded != null;
            reports.add(report);
            store.handedOver.countDown();
        }
    }

    /** A store whose write waits for the report's handover (failing after it when told to). */
    private static final class WaitingStore implements ScanStore, StoreSession {
        private final boolean failing;
        private final CountDownLatch handedOver = new CountDownLatch(1);
        private volatile Report recorded;
        private volatile boolean closed;
        private volatile boolean opened;
        private volatile boolean turnedOff;

        WaitingStore(boolean failing) {
            this.failing = failing;
        }

        @Override
        public StoreSession open(ScanRequest request) {
            opened = true;
            return this;
        }

        @Override
        public boolean enabled(ScanRequest request) {
            return !turnedOff;
        }

        @Override
        public void finish(Report report) throws StoreException {
            try {
                if (!handedOver.await(30, TimeUnit.SECONDS)) {
                    throw new StoreException("the report was not handed over while the store wrote");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted", e);
            }
            if (failing) {
                throw new StoreException("the disk is full");
            }
            recorded = report;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public List<FileChange> recorded(String commitId) {
            return null;
        }

        @Override
        public byte[] get(String analyser, String blobId) {
            return null;
        }

        @Override
        public void put(String analyser, String blobId, byte[] result) {
        }

        @Override
        public void onStart(ScanTarget target) {
        }

        @Override
        public void onCommit(CommitInfo commit) {
        }

        @Override
        public void onFileChange(FileChange change) {
        }

        @Override
        public List<ScanSummary> history(Path repository) {
            return List.of();
        }

        @Override
        public List<ScanSummary> history(ScanRequest request) {
            return List.of();
        }

        @Override
        public List<Path> repositories() {
            return List.of();
        }

        @Override
        public Optional<StoredReport> report(long scanId) {
            return Optional.empty();
        }
    }
}
