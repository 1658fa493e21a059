package org.gstats.shell.internal;

import java.io.PrintStream;

import org.apache.felix.service.command.CommandSession;
import org.gstats.api.scan.ScanException;

/**
 * The contract with the launcher: every command leaves its exit code in the session under
 * {@value #EXIT} (0 success, 2 bad usage or input, 1 failure) and says under {@value #VERBOSE}
 * whether the user asked for details, so that the launcher can print a stack trace. A failure
 * is thrown on with a one-line message. The launcher of a headless run says under
 * {@value #TERMINAL} whether standard output is a terminal ({@link Boolean}). Whether standard
 * error is a terminal comes as the system property {@value #STDERR_TERMINAL} from bin/gstats, or
 * as a session variable of that name. In the interactive shell a failure is printed here, as
 * {@code gstats: <message>}, and not thrown on, since the console would print its class name.
 */
final class CommandStatus {

    static final String EXIT = "gstats.exit";
    static final String VERBOSE = "gstats.verbose";
    static final String TERMINAL = "gstats.terminal";
    /** Whether the user asked for results and errors only (option or configuration): for progress output. */
    static final String QUIET = "gstats.quiet";
    static final String STDERR_TERMINAL = "gstats.stderr.terminal";
    /** The client's environment ({@code Map}), which the daemon's sessions carry; absent in a direct run. */
    static final String ENVIRONMENT = "gstats.environment";
    /** What the shell's profile (etc/gosh_profile of the installation) sets in the session it reads commands for. */
    static final String INTERACTIVE = "gstats.interactive";

    /** A command's work. */
    @FunctionalInterface
    interface Work {
        void run() throws CommandFailure, ScanException;
    }

    private CommandStatus() {
    }

    static void run(CommandSession session, boolean verbose, Work work) throws CommandFailure, ScanException {
        session.put(VERBOSE, verbose);
        Exception failure;
        try {
            work.run();
            session.put(EXIT, 0);
            return;
        } catch (CommandFailure e) {
            session.put(EXIT, e.exitCode());
            failure = e;
        } catch (ScanException e) {
            session.put(EXIT, e.reason().exitCode());
            failure = e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // Gogo would hand an Error to the launcher wrapped in its reflection call
            session.put(EXIT, CommandFailure.FAILED);
            failure = CommandFailure.failed(e instanceof RuntimeException ? "unexpected failure: " + oneLine(e)
                    : oneLine(e), e);
        }
        // a Gogo script sets the word true
        if (!"true".equals(String.valueOf(session.get(INTERACTIVE)))) {
            if (failure instanceof ScanException scan) {
                throw scan;
            }
            throw (CommandFailure) failure;
        }
        // the console would print "gogo: " and the exception's class name before the message
        PrintStream err = ConsoleErr.of(session, System.err);
        err.println("gstats: " + failure.getMessage());
        if (Boolean.TRUE.equals(session.get(VERBOSE))) {
            (failure.getCause() != null ? failure.getCause() : failure).printStackTrace(err);
        }
        err.flush();
    }

    /**
     * The first line of the failure's message, or words for it when it has none; never a Java
     * class name, which tells the user nothing (the stack trace with --verbose does).
     */
    static String oneLine(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (give the JVM more heap, e.g. JAVA_OPTS=-Xmx1g, or scan fewer commits)";
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow (run with --verbose for the details)";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "an internal error without a message (run with --verbose for the details)";
        }
        return message.strip().lines().findFirst().orElse("");
    }
}
