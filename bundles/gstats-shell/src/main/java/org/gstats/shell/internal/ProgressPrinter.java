package org.gstats.shell.internal;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.gstats.api.scan.ProgressListener;

/**
 * Remembers how many commits a scan has seen, for the summary, and with {@code --verbose}
 * prints {@code gstats: 5000 commits…} on stderr, at most once a second whatever the engine's
 * pace. The engine may report from any of its threads.
 */
final class ProgressPrinter implements ProgressListener {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream err;
    private final boolean print;
    private long commits;
    private long lastPrinted;
    private boolean printedAny;

    ProgressPrinter(PrintStream err, boolean print) {
        this.err = err;
        this.print = print;
    }

    @Override
    public synchronized void commitsScanned(long scanned) {
        commits = Math.max(commits, scanned);
        if (!print) {
            return;
        }
        long now = System.nanoTime();
        if (!printedAny || now - lastPrinted >= INTERVAL_NANOS) {
            printedAny = true;
            lastPrinted = now;
            err.println("gstats: " + commits + " commits…");
        }
    }

    /** The highest count the engine reported. */
    synchronized long commits() {
        return commits;
    }
}
