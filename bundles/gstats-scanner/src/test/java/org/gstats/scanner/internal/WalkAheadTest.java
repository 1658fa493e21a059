package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.gstats.api.FileChange;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.ChangeCache;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * While the change cache is not ready (the store opening beside the scan's start), the walk goes
 * on past what keeps the diff workers busy instead of waiting for the cache's first answer, and
 * tells exactly what a cold scan tells.
 */
public class WalkAheadTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final PluginDataRequirements HISTORY = new PluginDataRequirements(false, false, false, 1 << 20,
            false);
    private static final int THREADS = 2;
    /** Walked commits the cache waits for before it answers: past what two workers keep in flight (80). */
    private static final int WALKED_BEFORE_READY = 200;

    /** Answers with a cold scan's changes, but only once the walk asked whether it is ready often enough. */
    private static final class LateCache implements ChangeCache {
        final RecordingListener cold;
        final CountDownLatch opened = new CountDownLatch(1);
        final AtomicInteger asked = new AtomicInteger();
        final AtomicBoolean gaveUp = new AtomicBoolean();

        LateCache(RecordingListener cold) {
            this.cold = cold;
        }

        @Override
        public boolean ready() {
            if (asked.incrementAndGet() >= WALKED_BEFORE_READY) {
                opened.countDown();
            }
            return opened.getCount() == 0;
        }

        @Override
        public List<FileChange> recorded(String commitId) {
            try {
                if (!opened.await(5, TimeUnit.SECONDS)) {
                    // the walk stopped short: answer from now on, so that the scan ends and the test fails
                    gaveUp.set(true);
                    opened.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return cold.changes.get(commitId);
        }
    }

    @Test
    public void theWalkGoesOnWhileTheCacheIsNotReadyAndTellsWhatAColdScanTells() throws IOException, ScanException {
        GitRepo repo = GitRepo.init(TEMP.newFolder("history").toPath()).importHistory(400, 7);
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        RecordingListener cold = new RecordingListener();
        scanner().scan(request, HISTORY, cold, ChangeCache.NONE);
        assertEquals(400, cold.commits.size());

        LateCache cache = new LateCache(cold);
        RecordingListener replayed = new RecordingListener();
        scanner().scan(request, HISTORY, replayed, cache);
        assertFalse("the walk stopped to wait for the cache's first answer", cache.gaveUp.get());
        assertTrue("walked ahead: " + cache.asked.get(), cache.asked.get() >= WALKED_BEFORE_READY);
        assertEquals(cold.target, replayed.target);
        assertEquals(cold.commits, replayed.commits);
        assertEquals(cold.changes, replayed.changes);
        assertEquals(cold.warnings, replayed.warnings);
    }

    private static JGitRepositoryScanner scanner() throws IOException {
        return new JGitRepositoryScanner(ScanObserver.NONE, TEMP.newFolder().toPath(), THREADS);
    }
}
