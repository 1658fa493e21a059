package org.gstats.plugin.metrics.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the analysis of head files' content on {@code threads} threads: each file's work
 * touches only that file's {@link HeadFile} and thread-safe collectors, so the results do not
 * depend on which thread did what or in which order. At most {@code threads} files are in
 * work at once, which bounds the content held in memory; the caller waits for a free thread.
 * One thread means the work is done on the caller's thread, in order. The pool's threads end
 * on their own a second after their last task, so an analysis dropped without {@link #finish()}
 * leaves none behind.
 */
final class HeadFileWork {

    private static final long KEEP_ALIVE_MS = 1000;

    private final int threads;
    private final Semaphore slots;
    private final ThreadPoolExecutor pool;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    HeadFileWork(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
        }
        this.threads = threads;
        this.slots = new Semaphore(threads);
        if (threads == 1) {
            pool = null;
        } else {
            pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_MS, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "gstats-metrics-files");
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
        }
    }

    /** Runs {@code work} on a free thread, waiting for one; rethrows a failure of earlier work. */
    void submit(Runnable work) {
        rethrow();
        if (pool == null) {
            work.run();
            return;
        }
        slots.acquireUninterruptibly();
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** Waits until all work is done, then rethrows the first failure, if any. */
    void finish() {
        if (pool != null) {
            slots.acquireUninterruptibly(threads);
            slots.release(threads);
            pool.shutdown();
        }
        rethrow();
    }

    private void rethrow() {
        Throwable e = failure.get();
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }
}
