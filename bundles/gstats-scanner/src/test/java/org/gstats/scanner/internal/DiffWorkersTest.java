package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanWarning;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The hand-off of {@link DiffWorkers} under adversarial scheduling: differs that take random
 * times (so later commits finish first), fail for some commits and warn for others. The caller,
 * driven as the scan drives it, must get every commit's own outcome, warnings and failure, in
 * the order submitted, at every thread count and batch size; and each batch must stay on one
 * worker (its reader), in order.
 */
public class DiffWorkersTest {

    private static final int COMMITS = 500;

    private InMemoryRepository repository;
    private ObjectReader reader;
    private List<RevCommit> commits;

    @Before
    public void commits() {
        repository = new InMemoryRepository(new DfsRepositoryDescription("hand-off"));
        reader = repository.newObjectReader();
        commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(reader)) {
            for (int i = 0; i < COMMITS; i++) {
                // never parsed: the differs below only name them
                commits.add(walk.lookupCommit(ObjectId.fromRaw(idBytes(i))));
            }
        }
    }

    @After
    public void close() {
        reader.close();
        repository.close();
    }

    @Test
    public void outcomesComeInSubmissionOrderWhateverTheWorkersTake() throws Exception {
        List<String> single = drive(1, 1);
        assertEquals(COMMITS, single.size());
        for (int threads : new int[] {2, 3, 4}) {
            for (int batch : new int[] {1, 2, 7, DiffWorkers.BATCH}) {
                assertEquals("threads " + threads + ", batches of " + batch, single, drive(threads, batch));
            }
        }
    }

    @Test
    public void aBatchIsDiffedOnOneWorkerInOrder() throws Exception {
        int batch = 5;
        // what each worker's reader diffed, in its order (a reader is one worker's at a time)
        Map<ObjectReader, List<String>> diffed = new ConcurrentHashMap<>();
        DiffWorkers.DifferFactory factory = (workerReader, warnings) -> (commit, info) -> {
            diffed.computeIfAbsent(workerReader, r -> Collections.synchronizedList(new ArrayList<>()))
                    .add(commit.name());
            jitter();
            return DiffWorkers.Outcome.of(List.of(), List.of());
        };
        try (DiffWorkers workers = DiffWorkers.start(3, batch, reader, factory)) {
            Deque<Future<DiffWorkers.Outcome>> pending = new ArrayDeque<>();
            for (RevCommit commit : commits) {
                pending.add(workers.submit(commit, info(commit)));
            }
            workers.flush();
            for (Future<DiffWorkers.Outcome> outcome : pending) {
                outcome.get();
            }
        }
        assertTrue("workers with readers of their own, not the scan's: " + diffed.size(),
                diffed.size() > 1 && diffed.size() <= 3 && !diffed.containsKey(reader));
        for (int first = 0; first < COMMITS; first += batch) {
            List<String> expected = commits.subList(first, first + batch).stream().map(RevCommit::name).toList();
            String name = expected.get(0);
            List<String> on = diffed.values().stream().filter(names -> names.contains(name)).findFirst().orElseThrow();
            int at = on.indexOf(name);
            assertEquals("batch at " + first, expected, on.subList(at, at + batch));
        }
    }

    /** Closed mid-batch (the scan failed or was interrupted): the worker diffs no further commit of it. */
    @Test
    public void closingStopsABatchBetweenCommits() throws Exception {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        DiffWorkers.DifferFactory factory = (workerReader, warnings) -> (commit, info) -> {
            started.incrementAndGet();
            first.countDown();
            LockSupport.parkNanos(20_000_000L);
            return DiffWorkers.Outcome.of(List.of(), List.of());
        };
        List<Future<DiffWorkers.Outcome>> outcomes = new ArrayList<>();
        DiffWorkers workers = DiffWorkers.start(2, 50, reader, factory);
        for (RevCommit commit : commits.subList(0, 50)) {
            outcomes.add(workers.submit(commit, info(commit)));
        }
        first.await();
        workers.close();
        int diffed = started.get();
        LockSupport.parkNanos(100_000_000L);
        assertEquals("no diff starts after close()", diffed, started.get());
        assertTrue("stopped mid-batch: " + diffed, diffed < 50);
        assertTrue(outcomes.get(49).isCancelled());
    }

    /**
     * Closed by an interrupted thread (a cancelled scan) while a worker is mid-diff: the readers
     * are closed only after the worker has finished with its reader, and the interrupt stays.
     */
    @Test
    public void anInterruptedCloseWaitsForTheDiffInHandBeforeClosingReaders() throws Exception {
        CountDownLatch diffing = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        DiffWorkers.DifferFactory factory = (workerReader, warnings) -> (commit, info) -> {
            diffing.countDown();
            // as a JGit read does, the diff goes on through the interrupt shutdownNow() sends
            long end = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(end - System.nanoTime());
            }
            finished.set(true);
            return DiffWorkers.Outcome.of(List.of(), List.of());
        };
        DiffWorkers workers = DiffWorkers.start(2, 1, reader, factory);
        workers.submit(commits.get(0), info(commits.get(0)));
        diffing.await();
        Thread.currentThread().interrupt();
        try {
            workers.close();
            assertTrue("the interrupt is kept", Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertTrue("close() returned (and closed the readers) while a worker still read", finished.get());
    }

    /**
     * Submits every commit and takes the outcomes as the scan does: up to {@code inFlight}
     * waiting, then the oldest; at the end, flush and take the rest. One line per commit.
     */
    private List<String> drive(int threads, int batch) throws Exception {
        DiffWorkers.DifferFactory factory = (workerReader, warnings) -> (commit, info) -> {
            jitter();
            int n = number(commit);
            if (n % 37 == 5) {
                throw new IOException("cannot read " + n);
            }
            if (n % 11 == 3) {
                warnings.accept(new ScanWarning(info.id(), null, "warning for " + n));
            }
            if (n % 13 == 0) {
                return DiffWorkers.Outcome.of(null, null);
            }
            FileChange change = new FileChange(info.id(), "file" + n, null, ChangeType.MODIFIED, n, n % 7, false, n,
                    n + 1, n % 5);
            return DiffWorkers.Outcome.of(List.of(change), Collections.singletonList(null));
        };
        List<String> told = new ArrayList<>();
        try (DiffWorkers workers = DiffWorkers.start(threads, batch, reader, factory)) {
            Deque<Future<DiffWorkers.Outcome>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < COMMITS || !pending.isEmpty()) {
                if (next < COMMITS && pending.size() < workers.inFlight()) {
                    RevCommit commit = commits.get(next++);
                    pending.add(workers.submit(commit, info(commit)));
                    continue;
                }
                if (next == COMMITS) {
                    workers.flush();
                }
                told.add(describe(pending.poll()));
            }
        }
        return told;
    }

    private static String describe(Future<DiffWorkers.Outcome> future) throws InterruptedException {
        try {
            DiffWorkers.Outcome outcome = future.get();
            return outcome.warnings() + " " + outcome.changes() + " " + outcome.historical();
        } catch (ExecutionException e) {
            return "failed: " + e.getCause().getMessage();
        }
    }

    /** Up to a millisecond, sometimes nothing: later commits often finish before earlier ones. */
    private static void jitter() {
        int micros = ThreadLocalRandom.current().nextInt(-200, 1000);
        if (micros > 0) {
            LockSupport.parkNanos(micros * 1000L);
        }
    }

    private static CommitInfo info(RevCommit commit) {
        OffsetDateTime when = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(number(commit));
        return new CommitInfo(commit.name(), List.of(), "Ann", "ann@example.com", when, "Ann", "ann@example.com", when,
                "commit " + number(commit));
    }

    private static int number(RevCommit commit) {
        return commit.getFirstByte() << 8 | commit.getId().getByte(1) & 0xff;
    }

    private static byte[] idBytes(int i) {
        byte[] raw = new byte[20];
        raw[0] = (byte) (i >> 8);
        raw[1] = (byte) i;
        return raw;
    }
}
