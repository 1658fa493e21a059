package org.gstats.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Runs one Gogo command without a console: executes it in a Gogo session on the given
 * streams, once the commands it needs are registered, and turns the outcome into the process
 * exit status.
 */
final class HeadlessCommand {

    /** Session variable the command sets to the exit status: 0 ok, 1 scan failed, 2 bad usage or input. */
    static final String EXIT_VARIABLE = "gstats.exit";
    /** Whether stdin and stdout are a terminal; the shell's default format depends on it. */
    static final String TERMINAL_VARIABLE = "gstats.terminal";

    /** Session variable that asks for stack traces with errors. */
    static final String VERBOSE_VARIABLE = "gstats.verbose";

    /**
     * Where a command runs: what a direct run takes from its own process, a daemon's request brings
     * from its client.
     *
     * @param currentDir     the directory relative paths resolve against; {@code null}: the process's
     * @param stdoutTerminal whether standard output is a terminal
     * @param variables      further session variables ({@code gstats.stderr.terminal}, ...)
     */
    record Context(Path currentDir, boolean stdoutTerminal, Map<String, Object> variables) {

        Context {
            variables = Map.copyOf(variables);
        }

        /** A direct run's: the process's directory, environment and terminal. */
        static Context ofProcess() {
            return new Context(null, System.console() != null, Map.of());
        }
    }

    private final BundleContext context;
    /** Whether stdout's reader has gone: then a command's failure to write is no failure. */
    private final BooleanSupplier closedPipe;
    private final Context where;

    HeadlessCommand(BundleContext context, BooleanSupplier closedPipe, Context where) {
        this.context = context;
        this.closedPipe = closedPipe;
        this.where = where;
    }

    /**
     * Executes {@code command arguments...} once every command in {@code required} is there.
     * Results go to {@code out}; an error is one line on {@code err} (with its stack trace when
     * verbose).
     *
     * @param command  {@code scope:function}, e.g. {@code gstats:scan}
     * @return the exit status: the command's {@value #EXIT_VARIABLE}, 0 when it set none and
     *         succeeded, 1 when it set none and failed
     */
    int run(String command, List<String> arguments, List<String> required, boolean verbose, InputStream in,
            PrintStream out, PrintStream err) throws InterruptedException {
        ServiceReference<?> reference;
        try {
            reference = new CommandServices(context).await(required);
            StartupTrace.mark("commands registered");
        } catch (CommandServices.UnavailableException e) {
            err.println("gstats: " + e.getMessage());
            return 1;
        }
        Object processor = context.getService(reference);
        if (processor == null) {
            err.println("gstats: the Gogo command processor went away");
            return 1;
        }
        try (GogoSession session = GogoSession.open(processor, in, out, err)) {
            // Lets gstats:scan default to text for a person at a terminal and to json in a pipe.
            session.put(TERMINAL_VARIABLE, where.stdoutTerminal());
            where.variables().forEach(session::put);
            if (where.currentDir() != null) {
                session.currentDir(where.currentDir());
            }
            if (verbose) {
                session.put(VERBOSE_VARIABLE, Boolean.TRUE);
            }
            return execute(session, command, arguments, verbose, out, err);
        } finally {
            context.ungetService(reference);
        }
    }

    private int execute(GogoSession session, String command, List<String> arguments, boolean verbose,
            PrintStream out, PrintStream err) {
        try {
            Object result = session.execute(GogoQuoting.commandLine(command, arguments));
            StartupTrace.mark(command + " ran");
            // the gstats commands write their results; others (felix:help) return them
            if (result != null) {
                out.println(result);
            }
            out.flush();
            return closedPipe.getAsBoolean() ? 0 : exitStatus(session.get(EXIT_VARIABLE), 0);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            out.flush();
            if (closedPipe.getAsBoolean()) {
                return 0;
            }
            err.println("gstats: " + Failures.oneLine(e));
            if (verbose || isTrue(session.get(VERBOSE_VARIABLE))) {
                Failures.cause(e).printStackTrace(err);
            }
            int status = exitStatus(session.get(EXIT_VARIABLE), 1);
            return status == 0 ? 1 : status;
        }
    }

    /** The status a command left in the session: a number or its text, else the fallback. */
    private static int exitStatus(Object value, int fallback) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value != null) {
            try {
                return Integer.parseInt(value.toString().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }
}
