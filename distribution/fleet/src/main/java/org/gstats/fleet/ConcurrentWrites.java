package org.gstats.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.spark.sql.SparkSession;

/**
 * The fleet's table writes as concurrent Spark jobs. Each write is a job of its own whose driver
 * side (planning, code generation, the output committer's renames) leaves the executors idle;
 * with several jobs submitted at once, one job's tasks run while another is planned. The tables
 * are independent folders, so their writes do not meet.
 */
final class ConcurrentWrites {

    private ConcurrentWrites() {
    }

    /**
     * Runs every write, as many at once as the session has task slots (at least two), and returns
     * when all have ended; the first failure is thrown after the others have ended.
     */
    static void run(SparkSession spark, List<Runnable> writes) {
        if (writes.isEmpty()) {
            return;
        }
        int threads = Math.min(writes.size(), Math.max(2, spark.sparkContext().defaultParallelism()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, write -> {
            Thread thread = new Thread(write, "gstats-fleet-write");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            writes.forEach(write -> futures.add(pool.submit(write)));
            RuntimeException failure = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the tables were written", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
