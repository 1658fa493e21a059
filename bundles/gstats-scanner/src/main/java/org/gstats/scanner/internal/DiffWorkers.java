package org.gstats.scanner.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.scan.ScanWarning;

/**
 * Diffs a scan's commits on worker threads while the scan's thread walks the history and
 * reports the outcomes in the order it walked them, so that listeners hear exactly what a
 * single-threaded scan tells them. Each worker has an {@link ObjectReader} of its own (a reader
 * is for one thread) and its own differ over it; they share the scan's kept blobs. What a diff
 * warns of is kept with its outcome and told in order too.
 * <p>
 * A worker diffs a batch of consecutive commits at a time ({@value #BATCH} in a scan), not every other
 * commit: a file's versions follow each other down the history, and in the pack each is usually
 * a delta on the next newer one, which the worker's reader then still has in its delta base
 * cache (a reader sees only its own reads; handing out single commits cost a tenth more CPU).
 * <p>
 * With one thread nothing is handed over: each commit is diffed on the scan's thread, with the
 * scan's reader, when it is submitted.
 */
final class DiffWorkers implements AutoCloseable {

    /** Consecutive commits a worker diffs at a time. */
    static final int BATCH = 16;
    /** Batches in flight per worker: enough to keep the workers busy while the oldest is told. */
    private static final int BATCHES_PER_WORKER = 2;
    private static final long STOP_TIMEOUT_SECONDS = 10;

    /**
     * One commit's outcome, in the order the listener hears it: warnings, then (when the commit
     * is reported) each change with the content after it, or {@code null} when none is wanted.
     */
    record Outcome(List<ScanWarning> warnings, List<FileChange> changes, List<FileContent> historical) {

        /** A diff's outcome, before its warnings are added. */
        static Outcome of(List<FileChange> changes, List<FileContent> historical) {
            return new Outcome(List.of(), changes, historical);
        }

        /** Whether the commit is reported at all (filters may leave it out). */
        boolean reported() {
            return changes != null;
        }
    }

    /** Diffs one commit; one per worker, used by one thread at a time. */
    @FunctionalInterface
    interface Differ {
        Outcome diff(RevCommit commit, CommitInfo info) throws IOException;
    }

    /** Makes a worker's differ over its reader; its warnings go to {@code warnings}. */
    @FunctionalInterface
    interface DifferFactory {
        Differ create(ObjectReader reader, Consumer<ScanWarning> warnings);
    }

    private final ExecutorService executor;
    private final BlockingQueue<Worker> idle;
    private final List<ObjectReader> readers = new ArrayList<>();
    private final Worker inline;
    private final int inFlight;
    private final int batchSize;
    private volatile boolean closed;
    /** Submitted commits not yet handed to a worker, oldest first. */
    private List<Job> batch;

    private DiffWorkers(int threads, int batchSize, ObjectReader scanReader, DifferFactory factory) {
        this.batchSize = batchSize;
        this.batch = new ArrayList<>(batchSize);
        if (threads <= 1) {
            executor = null;
            idle = null;
            inline = new Worker(scanReader, factory);
            inFlight = 1;
            return;
        }
        AtomicInteger number = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "gstats-diff-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        idle = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            // from the scan's reader, so that a worker reads replaced objects and grafts as the walk does
            ObjectReader reader = scanReader.newReader();
            readers.add(reader);
            idle.add(new Worker(reader, factory));
        }
        inline = null;
        // one batch more than the workers hold, so that the oldest outcome is always handed out
        inFlight = (threads * BATCHES_PER_WORKER + 1) * batchSize;
    }

    /**
     * @param threads    workers to diff on; 1 diffs on the caller's thread with {@code scanReader}
     * @param batchSize  consecutive commits a worker diffs at a time ({@link #BATCH} in a scan)
     * @param scanReader the reader of the scan's thread
     */
    static DiffWorkers start(int threads, int batchSize, ObjectReader scanReader, DifferFactory factory) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batches of " + batchSize + " commits");
        }
        return new DiffWorkers(threads, batchSize, scanReader, factory);
    }

    /**
     * How many submitted outcomes the caller should let wait before it takes the oldest: with
     * that many, the oldest is on a worker. Before taking one with fewer waiting (at the end of
     * the history) the caller must {@link #flush}.
     */
    int inFlight() {
        return inFlight;
    }

    /**
     * Diffs the commit, now or on a worker. Its headers must be parsed; the caller must not
     * parse or change it (its body aside) until the outcome is taken.
     */
    CompletableFuture<Outcome> submit(RevCommit commit, CommitInfo info) {
        if (executor == null) {
            try {
                return CompletableFuture.completedFuture(inline.diff(commit, info));
            } catch (IOException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        batch.add(new Job(commit, info, outcome));
        if (batch.size() == batchSize) {
            flush();
        }
        return outcome;
    }

    /** Hands the commits submitted since the last full batch to a worker. */
    void flush() {
        if (executor == null || batch.isEmpty()) {
            return;
        }
        List<Job> jobs = batch;
        batch = new ArrayList<>(batchSize);
        executor.execute(() -> diff(jobs));
    }

    private void diff(List<Job> jobs) {
        Worker worker;
        try {
            worker = idle.take();
        } catch (InterruptedException e) {
            // stopped: nobody waits for these any more
            jobs.forEach(job -> job.outcome().cancel(false));
            return;
        }
        try {
            for (Job job : jobs) {
                if (closed || Thread.currentThread().isInterrupted()) {
                    // stopped mid-batch: the rest would only keep the readers busy past close()
                    job.outcome().cancel(false);
                    continue;
                }
                try {
                    job.outcome().complete(worker.diff(job.commit(), job.info()));
                } catch (Throwable e) {
                    // told when its turn comes, as a single-threaded scan would fail there
                    job.outcome().completeExceptionally(e);
                }
            }
        } finally {
            idle.add(worker);
        }
    }

    /**
     * Stops the workers (outcomes not taken are dropped) and closes their readers once no worker
     * reads any more, even when the caller is interrupted (a cancelled scan): JGit reads are not
     * interruptible, and a reader closed under a worker gives its inflater back to JGit's shared
     * pool while the worker still inflates with it, corrupting the reads of whichever scan takes it
     * next. Readers of workers still busy after the timeout are left to the garbage collector.
     */
    @Override
    public void close() {
        if (executor == null) {
            return;
        }
        closed = true;
        executor.shutdownNow();
        boolean interrupted = false;
        boolean stopped = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
        while (!stopped) {
            try {
                stopped = executor.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (stopped) {
            readers.forEach(ObjectReader::close);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Job(RevCommit commit, CommitInfo info, CompletableFuture<Outcome> outcome) {
    }

    /** A differ and the warnings its diffs gave, which belong to the outcome of the commit in hand. */
    private static final class Worker {

        private final Differ differ;
        private final List<ScanWarning> warnings = new ArrayList<>();

        Worker(ObjectReader reader, DifferFactory factory) {
            this.differ = factory.create(reader, warnings::add);
        }

        Outcome diff(RevCommit commit, CommitInfo info) throws IOException {
            warnings.clear();
            Outcome outcome = differ.diff(commit, info);
            return new Outcome(List.copyOf(warnings), outcome.changes(), outcome.historical());
        }
    }
}
