package org.gstats.shell.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

import org.apache.felix.service.command.CommandSession;
import org.jline.terminal.Terminal;

/**
 * A command's stderr (progress, the scan's summary, a failure's line) in the interactive shell:
 * the console's terminal itself. Gogo would hand it to the terminal through an interruptible
 * byte channel, which has no flush (JLine buffers the terminal's output until its next
 * prompt, so progress would appear late) and which closes for good, with the terminal's output
 * behind it, when a thread that Ctrl-C interrupted writes to it. Headless (no console terminal)
 * it is the stderr given.
 */
final class ConsoleErr {

    private ConsoleErr() {
    }

    static PrintStream of(CommandSession session, PrintStream err) {
        // headless, no JLine class is loaded: the launcher leaves JLine unresolved
        Object console = session.get(ShellInterrupt.TERMINAL);
        if (console == null) {
            return err;
        }
        Terminal terminal = (Terminal) console;
        OutputStream screen = terminal.output();
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                screen.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                screen.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                screen.flush();
            }
        }, true, terminal.encoding());
    }
}
