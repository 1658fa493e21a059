package org.gstats.launcher;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client on the daemon: checks that it means this daemon, then runs its command in a Gogo
 * session of its own with the client's arguments, directory, environment and terminal, streams
 * stdout and stderr back and ends with the exit status a direct run would have had. A cancel
 * from the client (its Ctrl-C or SIGTERM) or its going away interrupts the command, as a signal
 * interrupts a direct run ({@link Interruption}).
 */
final class DaemonConnection implements Runnable {

    /** How long a cancelled command has to stop before the client is answered all the same. */
    private static final long GRACE_MS = 5_000;
    private static final int SIGNAL_STATUS_BASE = 128;

    private final DaemonServer server;
    private final SocketChannel channel;
    private final AtomicInteger cancelled = new AtomicInteger();
    private final AtomicBoolean stdoutClosed = new AtomicBoolean();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean muted;
    private DaemonFrames frames;
    private PrintStream err;

    DaemonConnection(DaemonServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    @Override
    public void run() {
        boolean heldUntilExit = false;
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.input(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(SocketStreams.output(channel)));
            if (!DaemonProtocol.readOpening(in, server.key())) {
                out.writeByte(DaemonProtocol.WRONG_DAEMON);
                out.flush();
                return;
            }
            out.writeByte(DaemonProtocol.WELCOME);
            out.flush();
            byte kind = in.readByte();
            if (kind == DaemonProtocol.STATUS) {
                DaemonProtocol.writeString(out, server.status());
                out.flush();
            } else if (kind == DaemonProtocol.STOP) {
                DaemonProtocol.writeString(out, server.status());
                out.flush();
                // left open: the process's exit closes it, which is what `gstats daemon stop` waits for
                server.holdUntilExit(channel);
                heldUntilExit = true;
                server.stop("asked to stop");
            } else if (kind == DaemonProtocol.RUN) {
                run(DaemonRequest.read(in), in, out);
            }
        } catch (IOException e) {
            // the client went away before or after its command: nothing to answer
            server.log("a client's connection failed: " + e.getMessage());
        } finally {
            if (!heldUntilExit) {
                close(channel);
            }
        }
    }

    private void close(SocketChannel connection) {
        try {
            connection.close();
        } catch (IOException e) {
            server.log("closing a client's connection failed: " + e.getMessage());
        }
    }

    private void run(DaemonRequest request, DataInputStream in, DataOutputStream out) throws IOException {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(request.arguments());
        } catch (CommandLine.UsageException e) {
            refuse(out, "bad usage, which a direct run reports");
            return;
        }
        if (request.heapMegabytes() > server.heapMegabytes()) {
            refuse(out, "needs a heap of " + request.heapMegabytes() + " MB");
            return;
        }
        out.writeByte(DaemonProtocol.ACCEPTED);
        out.flush();
        frames = new DaemonFrames(out);
        Charset charset = charset(request.charset());
        PrintStream stdout = new PrintStream(new BufferedOutputStream(new ClosedPipe(frames.stream(
                DaemonProtocol.STDOUT, stdoutClosed::get, () -> muted))), false, charset);
        err = new PrintStream(frames.stream(DaemonProtocol.STDERR, () -> false, () -> muted), true, charset);
        ForwardedInput stdin = new ForwardedInput(frames);
        Thread worker = Thread.currentThread();
        Thread listener = new Thread(() -> listen(in, stdin, worker), "gstats-daemon-client-listener");
        listener.setDaemon(true);
        listener.start();
        server.started(err);
        int status;
        try {
            status = Main.headless(server.framework(), commandLine, context(request), stdin, stdout, err,
                    stdoutClosed::get);
        } catch (InterruptedException e) {
            status = 1;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            stdout.flush();
            err.println("gstats: " + Failures.oneLine(e));
            if (commandLine.verbose()) {
                e.printStackTrace(err);
            }
            status = 1;
        } finally {
            server.ended(err);
            Thread.interrupted();
        }
        stdout.flush();
        finished.countDown();
        answer(stdoutClosed.get() ? 0 : status);
    }

    /** The session as a direct run in the client's place would have it. */
    private static HeadlessCommand.Context context(DaemonRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("gstats.environment", request.environment());
        variables.put("gstats.stderr.terminal", request.stderrTerminal());
        if (request.columns() > 0) {
            variables.put("gstats.columns", String.valueOf(request.columns()));
        }
        return new HeadlessCommand.Context(request.currentDir(), request.stdoutTerminal(), variables);
    }

    /** Reads what the client sends while its command runs: stdin, a cancel, a closed stdout. */
    private void listen(DataInputStream in, ForwardedInput stdin, Thread worker) {
        try {
            while (true) {
                byte kind = in.readByte();
                switch (kind) {
                    case DaemonProtocol.STDIN -> stdin.received(DaemonProtocol.readBytes(in));
                    case DaemonProtocol.STDIN_END -> stdin.received(new byte[0]);
                    case DaemonProtocol.STDOUT_CLOSED -> stdoutClosed.set(true);
                    case DaemonProtocol.CANCEL -> cancel(in.readInt(), worker, true);
                    default -> throw new IOException("unknown frame " + kind);
                }
            }
        } catch (IOException e) {
            // the client is gone (killed, or its terminal closed): its command stops too
            cancel(15, worker, false);
        }
    }

    /** Stops the command as a signal stops a direct run: one line, then 128 + the signal's number. */
    private void cancel(int signal, Thread worker, boolean tell) {
        if (finished.getCount() == 0 || !cancelled.compareAndSet(0, SIGNAL_STATUS_BASE + signal)) {
            return;
        }
        if (tell) {
            try {
                frames.data(DaemonProtocol.STDERR, "gstats: interrupted\n".getBytes(charset(null)), 0,
                        "gstats: interrupted\n".length());
            } catch (IOException e) {
                // the client is gone: nobody to tell
            }
        }
        muted = true;
        worker.interrupt();
        try {
            finished.await(GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer(cancelled.get());
    }

    /** Sends the exit status, once: the command's, or the signal's when it was cancelled. */
    private void answer(int status) {
        int cancel = cancelled.get();
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            frames.exit(cancel != 0 ? cancel : status);
        } catch (IOException e) {
            // the client is gone
        }
    }

    private static void refuse(DataOutputStream out, String reason) throws IOException {
        out.writeByte(DaemonProtocol.REFUSED);
        DaemonProtocol.writeString(out, reason);
        out.flush();
    }

    private static Charset charset(String name) {
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
