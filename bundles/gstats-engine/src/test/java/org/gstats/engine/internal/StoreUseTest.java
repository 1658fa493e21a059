package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.report.Report;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.store.ScanStore;
import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoreSession;
import org.gstats.api.store.StoredReport;
import org.gstats.queue.internal.MessageQueueFactoryImpl;
import org.junit.Test;

/** The store opens beside the scan's start, and its session hears the scan as if it had opened first. */
public class StoreUseTest {

    private final PluginRegistryImpl plugins = new PluginRegistryImpl(null, new MutableClock(), 3,
            Duration.ofMinutes(5));

    private ScanEngineImpl engine(FixedHistoryScanner scanner, ScanStore store) {
        ScanEngineImpl engine = new ScanEngineImpl(scanner, plugins, 30_000,
                new MessageQueueFactoryImpl(4, FixedMemory.NORMAL), FixedMemory.NORMAL);
        engine.store = store;
        return engine;
    }

    @Test
    public void theScanStartsWhileTheStoreOpensAndTheSessionHearsEveryEventInOrder() throws Exception {
        CountDownLatch scannerStarted = new CountDownLatch(1);
        FixedHistoryScanner scanner = new FixedHistoryScanner("c2").commit("c2", "a.txt").commit("c1", "b.txt")
                .afterStart(scannerStarted::countDown);
        RecordingSession session = new RecordingSession();
        List<Boolean> openedAfterTheScannerStarted = new CopyOnWriteArrayList<>();
        ScanStore store = new OpeningStore(() -> {
            openedAfterTheScannerStarted.add(scannerStarted.await(10, TimeUnit.SECONDS));
            return session;
        });

        Report report = engine(scanner, store).scan(ScanRequest.builder(FixedHistoryScanner.REPOSITORY).build(),
                ProgressListener.NONE);

        assertEquals(List.of(true), openedAfterTheScannerStarted);
        assertEquals(List.of("start c2", "commit c2", "change c2 a.txt", "commit c1", "change c1 b.txt",
                "finish c2", "close"), session.events);
        assertEquals(List.of(), report.errors());
    }

    @Test
    public void aStoreThatCannotOpenLeavesACompleteColdScan() throws ScanException {
        FixedHistoryScanner scanner = new FixedHistoryScanner("c2").commit("c2", "a.txt").commit("c1", "b.txt");
        ScanStore store = new OpeningStore(() -> {
            throw new StoreException("cannot open the store at jdbc:h2:file:/nowhere: locked");
        });
        TestPlugin plugin = TestPlugin.healthy("plugin").bindTo(plugins, 1);

        Report report = engine(scanner, store).scan(ScanRequest.builder(FixedHistoryScanner.REPOSITORY).build(),
                ProgressListener.NONE);

        assertEquals(List.of("commit c2", "change c2 a.txt", "commit c1", "change c1 b.txt"), plugin.events);
        assertEquals(List.of(), report.errors());
        assertTrue(report.section("plugin").isPresent());
    }

    private interface Opening {
        StoreSession open() throws Exception;
    }

    /** A store whose sessions come from {@code opening}, on the engine's opening thread. */
    private record OpeningStore(Opening opening) implements ScanStore {

        @Override
        public StoreSession open(ScanRequest request) throws StoreException {
            try {
                return opening.open();
            } catch (StoreException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<ScanSummary> history(Path repository) {
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

    /** Writes down what the engine tells it. */
    private static final class RecordingSession implements StoreSession {

        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(ScanTarget target) {
            events.add("start " + target.headId());
        }

        @Override
        public void onCommit(CommitInfo commit) {
            events.add("commit " + commit.id());
        }

        @Override
        public void onFileChange(FileChange change) {
            events.add("change " + change.commitId() + " " + change.path());
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
        public void finish(Report report) {
            events.add("finish " + report.header().head());
        }

        @Override
        public void close() {
            events.add("close");
        }
    }
}
