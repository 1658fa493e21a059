package org.gstats.shell.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;

/**
 * Gogo's own runtime, outside a framework: command lines go through its tokenizer, its
 * {@code @Parameter} handling and its coercion exactly as in the shell, and the command's
 * console and stderr are captured.
 */
final class GogoSession implements AutoCloseable {

    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandProcessorImpl processor;
    private final CommandSession session;

    GogoSession() {
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    GogoSession register(String function, Object command) {
        processor.addCommand("gstats", command, function);
        return this;
    }

    CommandSession session() {
        return session;
    }

    /** Runs the line; returns what it threw, or null. */
    Exception execute(String commandLine) {
        try {
            session.execute(commandLine);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    Object exitCode() {
        return session.get(CommandStatus.EXIT);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        session.close();
        threadIO.stop();
    }
}
