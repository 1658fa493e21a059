package org.gstats.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** Runs {@code gstats:} commands through Gogo's command processor inside the framework. */
final class GogoCommands {

    /**
     * What one command line did.
     *
     * @param output  what it wrote to the session's console
     * @param errors  what it wrote to the session's error stream
     * @param exit    the session's {@code gstats.exit} afterwards
     * @param failure what {@code execute} threw, or {@code null}
     */
    record Outcome(String output, String errors, Object exit, Exception failure) {
    }

    private static final long TIMEOUT_MS = TimeUnit.SECONDS.toMillis(20);

    private final BundleContext context;

    GogoCommands(BundleContext context) {
        this.context = context;
    }

    /** Waits for {@code gstats:function} and the processor, then executes {@code gstats:function arguments}. */
    Outcome execute(String function, String arguments) throws InterruptedException, InvalidSyntaxException {
        ServiceTracker<CommandProcessor, CommandProcessor> processors = new ServiceTracker<>(context,
                CommandProcessor.class, null);
        ServiceTracker<Object, Object> commands = new ServiceTracker<>(context, FrameworkUtil.createFilter(
                "(&(osgi.command.scope=gstats)(osgi.command.function=" + function + "))"), null);
        processors.open();
        commands.open();
        try {
            CommandProcessor processor = processors.waitForService(TIMEOUT_MS);
            if (processor == null || commands.waitForService(TIMEOUT_MS) == null) {
                throw new AssertionError("gstats:" + function + " or the Gogo processor is not registered");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                    new PrintStream(output, true, StandardCharsets.UTF_8),
                    new PrintStream(errors, true, StandardCharsets.UTF_8));
            try {
                Exception failure = null;
                try {
                    session.execute("gstats:" + function + " " + arguments);
                } catch (Exception e) {
                    failure = e;
                }
                return new Outcome(output.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8),
                        session.get("gstats.exit"), failure);
            } finally {
                session.close();
            }
        } finally {
            commands.close();
            processors.close();
        }
    }

    /** A path or word as one single-quoted Gogo argument. */
    static String quote(Object argument) {
        return "'" + argument.toString().replace("'", "'\\''") + "'";
    }
}
