package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.gstats.shell.internal.ProgressPrinter.Style;
import org.junit.Test;

/** What the progress printer writes, on a clock the test moves. */
public class ProgressPrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now = TimeUnit.SECONDS.toNanos(100);

    private ProgressPrinter printer(Style style) {
        return new ProgressPrinter(err, style, () -> now);
    }

    private void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private String err() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void styleFollowsQuietTerminalAndVerbose() {
        assertEquals(Style.NONE, ProgressPrinter.style(true, true, true));
        assertEquals(Style.STATUS_LINE, ProgressPrinter.style(false, true, true));
        assertEquals(Style.VERBOSE_LINES, ProgressPrinter.style(false, true, false));
        assertEquals(Style.LINES, ProgressPrinter.style(false, false, false));
    }

    @Test
    public void terminalGetsOneLineRedrawnWithRateAndElapsedTimeThenErased() {
        ProgressPrinter progress = printer(Style.STATUS_LINE);
        advanceMillis(500);
        progress.commitsScanned(1000);
        advanceMillis(1500);
        progress.commitsScanned(4000);
        advanceMillis(200);
        progress.commitsScanned(5000);
        advanceMillis(1300);
        progress.commitsScanned(7000);
        progress.finish();

        assertEquals("\r\033[Kgstats: scanning… 4,000 commits  2,000 commits/s  0:02"
                + "\r\033[Kgstats: scanning… 7,000 commits  2,000 commits/s  0:03"
                + "\r\033[K", err());
        assertEquals(7000, progress.commits());
    }

    @Test
    public void quickScansShowNothing() {
        ProgressPrinter progress = printer(Style.STATUS_LINE);
        advanceMillis(900);
        progress.commitsScanned(3000);
        progress.finish();
        ProgressPrinter lines = printer(Style.LINES);
        lines.commitsScanned(3000);
        lines.finish();

        assertEquals("", err());
        assertEquals(3000, progress.commits());
    }

    @Test
    public void pipesGetPlainLinesAtMostOnceASecond() {
        ProgressPrinter progress = printer(Style.LINES);
        advanceMillis(1000);
        progress.commitsScanned(1000);
        advanceMillis(400);
        progress.commitsScanned(2000);
        advanceMillis(700);
        progress.commitsScanned(3000);
        progress.finish();

        assertEquals("gstats: 1000 commits…\ngstats: 3000 commits…\n", err());
    }

    @Test
    public void verboseLinesStartAtOnceAndQuietPrintsNothing() {
        printer(Style.VERBOSE_LINES).commitsScanned(3);
        ProgressPrinter quiet = printer(Style.NONE);
        advanceMillis(5000);
        quiet.commitsScanned(9000);

        assertEquals("gstats: 3 commits…\n", err());
        assertEquals(9000, quiet.commits());
    }
}
