package org.gstats.shell.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.gstats.api.scan.ProgressListener;

/**
 * Remembers how many commits a scan has seen, for the summary, and shows the scan's progress
 * on stderr: on a terminal one status line redrawn in place (commits, rate, elapsed time) and
 * erased at the end; otherwise plain lines {@code gstats: 5000 commits…}; nothing with
 * {@code --quiet}. A scan that ends within its first second shows nothing, so that quick
 * scans and pipes stay clean; {@code --verbose} prints lines from the first report on. At
 * most one update a second whatever the engine's pace. The engine may report from any of
 * its threads.
 */
final class ProgressPrinter implements ProgressListener {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String ERASE_LINE = "\r\033[K";

    enum Style {
        /** Nothing on stderr. */
        NONE,
        /** Plain lines, after the first second. */
        LINES,
        /** Plain lines from the first report on. */
        VERBOSE_LINES,
        /** One line redrawn in place, after the first second. */
        STATUS_LINE
    }

    private final PrintStream err;
    private final Style style;
    private final LongSupplier nanoTime;
    private final long started;
    private long commits;
    private long lastPrinted;
    private boolean printedAny;
    private boolean lineShown;

    ProgressPrinter(PrintStream err, Style style, LongSupplier nanoTime) {
        this.err = err;
        this.style = style;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    /** The style for the options: quiet wins, then a terminal's status line, then verbose lines. */
    static Style style(boolean quiet, boolean verbose, boolean stderrTerminal) {
        if (quiet) {
            return Style.NONE;
        }
        if (stderrTerminal) {
            return Style.STATUS_LINE;
        }
        return verbose ? Style.VERBOSE_LINES : Style.LINES;
    }

    @Override
    public synchronized void commitsScanned(long scanned) {
        commits = Math.max(commits, scanned);
        if (style == Style.NONE) {
            return;
        }
        long now = nanoTime.getAsLong();
        boolean due = printedAny ? now - lastPrinted >= INTERVAL_NANOS
                : style == Style.VERBOSE_LINES || now - started >= INTERVAL_NANOS;
        if (!due) {
            return;
        }
        printedAny = true;
        lastPrinted = now;
        if (style == Style.STATUS_LINE) {
            err.print(ERASE_LINE + statusLine(now));
            err.flush();
            lineShown = true;
        } else {
            err.println("gstats: " + commits + " commits…");
        }
    }

    /** Erases the status line, so that what follows starts on a clean line. */
    synchronized void finish() {
        if (lineShown) {
            err.print(ERASE_LINE);
            err.flush();
            lineShown = false;
        }
    }

    /** The highest count the engine reported. */
    synchronized long commits() {
        return commits;
    }

    private String statusLine(long now) {
        double seconds = (now - started) / 1e9;
        long rate = seconds > 0 ? Math.round(commits / seconds) : 0;
        long whole = (long) seconds;
        return String.format(Locale.ROOT, "gstats: scanning… %,d commits  %,d commits/s  %d:%02d", commits, rate,
                whole / 60, whole % 60);
    }
}
