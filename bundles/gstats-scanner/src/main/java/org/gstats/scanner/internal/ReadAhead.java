package org.gstats.scanner.internal;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;

/**
 * A scan's walk through the history on a thread of its own, a bounded way ahead of the scan's
 * thread: the walk (trees, blobs read and split into lines) takes one core, counting lines
 * and calling the listener the other. The listener still hears everything on the scan's
 * thread, in the walk's order.
 */
final class ReadAhead implements AutoCloseable {

    /** Commits the walk may run ahead. */
    private static final int MAX_BATCHES = 64;
    /** Content the waiting changes may hold; one commit's always goes, however large. */
    private static final long MAX_WEIGHT = 64L << 20;

    /** Walks the history, telling {@code relay} what it finds and handing it over commit by commit. */
    @FunctionalInterface
    interface Walk {
        void run(Relay relay) throws ScanException;
    }

    /** What the walk found for one commit, in order, and the content it holds. */
    private record Batch(List<Consumer<ScanListener>> events, long weight) {
    }

    private final LineCounter lineCounter;
    private final Deque<Batch> batches = new ArrayDeque<>();
    private final Thread thread;
    private long weight;
    private boolean cancelled;
    private boolean finished;
    private Throwable failure;

    private ReadAhead(Walk walk, LineCounter lineCounter) {
        this.lineCounter = lineCounter;
        this.thread = new Thread(() -> run(walk), "gstats-scan-walk");
        thread.setDaemon(true);
    }

    /** Starts {@code walk}; the changes it hands over are counted with {@code lineCounter} when delivered. */
    static ReadAhead start(Walk walk, LineCounter lineCounter) {
        ReadAhead ahead = new ReadAhead(walk, lineCounter);
        ahead.thread.start();
        return ahead;
    }

    /**
     * Tells {@code listener} what the walk found for its next commit, waiting for it; false
     * when the walk has ended. A failure of the walk is thrown once everything it handed over
     * before has been delivered.
     */
    boolean deliverNext(ScanListener listener) throws ScanException, InterruptedIOException {
        Batch batch;
        synchronized (this) {
            while (batches.isEmpty() && !finished) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the history walk");
                }
            }
            batch = batches.poll();
            if (batch == null) {
                rethrow(failure);
                return false;
            }
            weight -= batch.weight();
            notifyAll();
        }
        for (Consumer<ScanListener> event : batch.events()) {
            event.accept(listener);
        }
        return true;
    }

    /** Stops the walk at its next commit if it still runs, and waits for its thread to end. */
    @Override
    public void close() {
        synchronized (this) {
            cancelled = true;
            batches.clear();
            notifyAll();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Walk walk) {
        Throwable failed = null;
        try {
            walk.run(new Relay());
        } catch (ScanException | RuntimeException | Error e) {
            failed = e;
        }
        synchronized (this) {
            finished = true;
            failure = failed;
            notifyAll();
        }
    }

    /** Waits for room, then queues the batch; false when the scan no longer wants it. */
    private synchronized boolean offer(Batch batch) {
        while (!cancelled && !batches.isEmpty()
                && (batches.size() >= MAX_BATCHES || weight + batch.weight() > MAX_WEIGHT)) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (cancelled) {
            return false;
        }
        batches.add(batch);
        weight += batch.weight();
        notifyAll();
        return true;
    }

    private static void rethrow(Throwable failure) throws ScanException {
        if (failure instanceof ScanException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** The walk's listener: keeps what it hears, in order, for the scan's thread. */
    final class Relay implements ScanListener {

        private List<Consumer<ScanListener>> events = new ArrayList<>();
        private long held;

        /** A change whose lines are counted on the scan's thread, just before the listener hears of it. */
        void onDraft(CommitDiffer.Draft draft) {
            held += draft.weight();
            events.add(listener -> listener.onFileChange(draft.count(lineCounter)));
        }

        /** Hands over what was heard since the last call; false when the walk should stop. */
        boolean handOver() {
            if (events.isEmpty()) {
                return !isCancelled();
            }
            Batch batch = new Batch(events, held);
            events = new ArrayList<>();
            held = 0;
            return offer(batch);
        }

        @Override
        public void onStart(ScanTarget target) {
            events.add(listener -> listener.onStart(target));
        }

        @Override
        public void onCommit(CommitInfo commit) {
            events.add(listener -> listener.onCommit(commit));
        }

        @Override
        public void onFileChange(FileChange change) {
            events.add(listener -> listener.onFileChange(change));
        }

        @Override
        public void onWarning(ScanWarning warning) {
            events.add(listener -> listener.onWarning(warning));
        }

        @Override
        public void onFileInfo(FileInfo file) {
            events.add(listener -> listener.onFileInfo(file));
        }

        @Override
        public void onFileContent(FileContent content) {
            events.add(listener -> listener.onFileContent(content));
        }

        @Override
        public void onHistoricalContent(FileContent content) {
            events.add(listener -> listener.onHistoricalContent(content));
        }

        @Override
        public void onCheckout(HeadCheckout checkout) {
            events.add(listener -> listener.onCheckout(checkout));
        }

        @Override
        public void onEnd() {
            events.add(ScanListener::onEnd);
        }
    }

    private synchronized boolean isCancelled() {
        return cancelled;
    }
}
