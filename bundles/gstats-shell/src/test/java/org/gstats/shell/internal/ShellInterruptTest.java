package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Ctrl-C in the interactive shell, as Gogo JLine raises it on the console's terminal: the scan
 * stops, one line says so, and the terminal keeps its own handler for the prompt. The shell
 * itself, on a pseudo-terminal, is {@code ShellLauncherIT}'s.
 */
public class ShellInterruptTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final WaitingEngine engine = new WaitingEngine();
    private Terminal terminal;
    private GogoSession gogo;

    @Before
    public void setUp() throws IOException {
        // JLine's own terminal over plain streams, written through at once (the builder would put a
        // pseudo-terminal between); paused: no thread reads the empty input, whose end would close it
        terminal = new ExternalTerminal(null, "test", "dumb", new ByteArrayInputStream(new byte[0]), screen,
                StandardCharsets.UTF_8, Terminal.SignalHandler.SIG_DFL, true);
        ScanCommand command = new ScanCommand(engine, Clock.systemUTC());
        command.addReportWriter(new WaitingEngine.UnusedWriter(), Map.of(ReportWriter.FORMAT_PROPERTY, "json",
                "service.id", 1L));
        gogo = new GogoSession().register("scan", command);
        gogo.session().put(ShellInterrupt.TERMINAL, terminal);
        gogo.session().put(CommandStatus.INTERACTIVE, true);
    }

    @After
    public void tearDown() throws IOException {
        gogo.close();
        terminal.close();
    }

    @Test
    public void ctrlCStopsTheScanWithOneLineAndTheShellKeepsItsHandler() throws Exception {
        Terminal.SignalHandler shells = signal -> { };
        terminal.handle(Terminal.Signal.INT, shells);
        Thread ctrlC = new Thread(() -> {
            try {
                if (engine.started.await(30, TimeUnit.SECONDS)) {
                    terminal.raise(Terminal.Signal.INT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ctrlC.start();

        assertNull(gogo.execute("gstats:scan --format json --no-store " + System.getProperty("java.io.tmpdir")));
        ctrlC.join();

        assertTrue("the engine saw the interrupt", engine.interrupted);
        assertEquals("gstats: scan interrupted\n", screen.toString(StandardCharsets.UTF_8).replace("\r", ""));
        assertFalse(gogo.err(), gogo.err().contains("Exception"));
        assertEquals(CommandFailure.INTERRUPTED, gogo.exitCode());
        assertEquals(shells, terminal.handle(Terminal.Signal.INT, shells));
    }

    @Test
    public void theNextScanOfTheSessionRunsAndWrites() throws Exception {
        Thread ctrlC = new Thread(() -> {
            try {
                if (engine.started.await(30, TimeUnit.SECONDS)) {
                    terminal.raise(Terminal.Signal.INT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ctrlC.start();
        assertNull(gogo.execute("gstats:scan --format json --no-store " + System.getProperty("java.io.tmpdir")));
        ctrlC.join();

        engine.waits = false;
        assertNull(gogo.execute("gstats:scan --format json --no-store " + System.getProperty("java.io.tmpdir")));

        assertEquals("json report\n", gogo.out());
        assertEquals(0, gogo.exitCode());
        assertTrue(screen.toString(StandardCharsets.UTF_8), screen.toString(StandardCharsets.UTF_8)
                .contains("gstats: scanned 0 commits"));
    }

    /**
     * Stands in for a long scan: works until interrupted, then fails as the scanner does; once
     * told not to wait, reports an empty repository at once.
     */
    private static final class WaitingEngine implements ScanEngine {
        final CountDownLatch started = new CountDownLatch(1);
        volatile boolean interrupted;
        volatile boolean waits = true;

        @Override
        public Report scan(ScanRequest request, ProgressListener progress) throws ScanException {
            return scan(request, PluginSelection.ALL, progress);
        }

        @Override
        public Report scan(ScanRequest request, PluginSelection plugins, ProgressListener progress)
                throws ScanException {
            if (!waits) {
                return new Report(new ReportHeader("0.1.0", request.repository().toString(), "HEAD", null,
                        Instant.EPOCH, 0), List.of(), List.of());
            }
            started.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                interrupted = true;
            }
            throw new ScanException(ScanException.Reason.FAILED, "the scan of " + request.repository()
                    + " was interrupted");
        }

        /** Writes one line. */
        private static final class UnusedWriter implements ReportWriter {
            @Override
            public String format() {
                return "json";
            }

            @Override
            public void write(Report report, java.io.OutputStream out) throws IOException {
                out.write("json report\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
