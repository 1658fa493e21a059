package org.gstats.shell.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.felix.service.command.CommandSession;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;

/**
 * Ctrl-C in the interactive shell while a command works. Gogo's own handler interrupts the
 * whole job: its controller thread then ends with an {@code InterruptedException}, which the
 * console prints by its class name, while the command's thread is left to run on unseen. For
 * the time it is open this replaces the console terminal's INT handler with one that
 * interrupts the command's own thread, so that the work stops through its own cleanup and the
 * command says so in one line. Headless there is no console terminal (the launcher handles the
 * signal) and this does nothing.
 */
final class ShellInterrupt implements AutoCloseable {

    /** The session variable in which Gogo JLine keeps the console's terminal ({@code Shell.VAR_TERMINAL}). */
    static final String TERMINAL = ".terminal";

    private final Terminal terminal;
    private final SignalHandler previous;
    private final AtomicBoolean happened = new AtomicBoolean();

    private ShellInterrupt(Terminal terminal, Thread worker) {
        this.terminal = terminal;
        this.previous = terminal == null ? null : terminal.handle(Signal.INT, signal -> {
            happened.set(true);
            worker.interrupt();
        });
    }

    /** Watches for Ctrl-C on the session's console, if it has one, on behalf of the calling thread. */
    static ShellInterrupt watch(CommandSession session) {
        // headless, no JLine class is loaded: the launcher leaves JLine unresolved
        Object console = session.get(TERMINAL);
        return new ShellInterrupt(console == null ? null : (Terminal) console, Thread.currentThread());
    }

    /** Whether Ctrl-C was pressed since {@link #watch}. */
    boolean happened() {
        return happened.get();
    }

    /** Gives the console its handler back; the thread's interrupt, once seen, is cleared for Gogo's next command. */
    @Override
    public void close() {
        if (terminal != null) {
            terminal.handle(Signal.INT, previous);
        }
        if (happened.get()) {
            Thread.interrupted();
        }
    }
}
