package org.gstats.launcher;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicInteger;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM end a run the way a shell expects: one line,
 * {@code gstats: interrupted}, and the status 128 + the signal's number (130, 143). The
 * command's thread is interrupted and given a moment to stop, so that the scan's own cleanup
 * (the temporary checkout) runs; then the JVM exits and its shutdown hooks remove the rest.
 * Everything else written to stderr from then on, whatever fails as the framework stops under
 * the command, is dropped: the user asked to stop and has been told.
 * <p>
 * {@code sun.misc.Signal} is the JDK's only way to handle a signal instead of exiting at once;
 * it is in {@code jdk.unsupported}, which every JDK ships.
 */
final class Interruption {

    /** How long the command's thread has to stop before the process exits all the same. */
    private static final long GRACE_MS = 5_000;
    private static final int SIGNAL_STATUS_BASE = 128;

    private final Thread worker;
    private final PrintStream terminal;
    private final PrintStream err;
    private final AtomicInteger status = new AtomicInteger();
    private volatile boolean silent;

    private Interruption(Thread worker, PrintStream terminal) {
        this.worker = worker;
        this.terminal = terminal;
        this.err = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (!silent) {
                    terminal.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                if (!silent) {
                    terminal.write(bytes, offset, length);
                }
            }

            @Override
            public void flush() {
                terminal.flush();
            }
        }, true, Charset.defaultCharset());
    }

    /**
     * Handles SIGINT and SIGTERM for the rest of the process.
     *
     * @param worker   the thread that runs the command
     * @param terminal the real stderr
     */
    static Interruption install(Thread worker, PrintStream terminal) {
        Interruption interruption = new Interruption(worker, terminal);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), interruption::onSignal);
            } catch (IllegalArgumentException e) {
                // a JVM started with -Xrs, or a platform without the signal: the default applies
            }
        }
        return interruption;
    }

    /** Stderr for everything but the final line; silent once a signal came. */
    PrintStream err() {
        return err;
    }

    /** The status to exit with: the signal's when one came, else {@code normal}. */
    int status(int normal) {
        int signalled = status.get();
        return signalled != 0 ? signalled : normal;
    }

    private void onSignal(Signal signal) {
        if (!status.compareAndSet(0, SIGNAL_STATUS_BASE + signal.getNumber())) {
            // a second Ctrl-C while the first is handled: stop now, without the cleanup
            Runtime.getRuntime().halt(status.get());
        }
        silent = true;
        terminal.println("gstats: interrupted");
        terminal.flush();
        worker.interrupt();
        try {
            worker.join(GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(status.get());
    }
}
