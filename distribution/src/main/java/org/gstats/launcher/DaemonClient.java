package org.gstats.launcher;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import sun.misc.Signal;

/**
 * bin/gstats' client of the daemon: hands the command to the daemon for this installation,
 * environment and options ({@link DaemonAddress}), starting one when none runs, and prints what
 * it sends back, ending with its exit status. Whatever the daemon cannot do (the command is
 * {@code shell}, {@code serve}, help or bad usage; it needs more heap than the daemon has; no
 * daemon can be started or reached; it went away before the command wrote anything) ends this
 * JVM with {@link #DIRECT}, and bin/gstats runs the command in a JVM of its own, as without a daemon.
 */
final class DaemonClient {

    /** Exit status that tells bin/gstats to run the command directly; never a command's own. */
    static final int DIRECT = 75;
    static final String JOB_HEAP_PROPERTY = "gstats.daemon.job-heap";
    /** The option that maps the class archive (Java 25's cache) as bin/gstats gives a direct run; may be empty. */
    static final String ARCHIVE_PROPERTY = "gstats.daemon.archive";
    /** bin/gstats's other options for a direct run's JVM that the daemon's needs too, separated by spaces. */
    static final String JVM_OPTIONS_PROPERTY = "gstats.daemon.jvm-options";
    /** Commands that never go to a daemon: long-lived already, or answered without the framework. */
    private static final Set<CommandLine.Command> DIRECT_COMMANDS = Set.of(CommandLine.Command.SHELL,
            CommandLine.Command.SERVE, CommandLine.Command.VERSION, CommandLine.Command.HELP);
    private static final long GRACE_MS = 7_000;
    private static final int SIGNAL_STATUS_BASE = 128;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final ClosedPipe stdout = new ClosedPipe(new FileOutputStream(FileDescriptor.out));
    private final OutputStream stderr = new FileOutputStream(FileDescriptor.err);
    private final AtomicInteger cancelled = new AtomicInteger();
    private boolean wrote;
    private boolean stdoutGone;

    private DaemonClient(SocketChannel channel) {
        in = new DataInputStream(new BufferedInputStream(SocketStreams.input(channel)));
        out = new DataOutputStream(new BufferedOutputStream(SocketStreams.output(channel)));
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(List.of(args));
        } catch (IOException | RuntimeException e) {
            status = DIRECT;
        }
        System.exit(status);
    }

    private static int run(List<String> args) throws IOException {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            return DIRECT;
        }
        if (commandLine.command() == CommandLine.Command.DAEMON) {
            return DaemonControl.run(commandLine.arguments(), System.out, System.err);
        }
        if (DIRECT_COMMANDS.contains(commandLine.command())) {
            return DIRECT;
        }
        Path currentDir = Path.of("").toAbsolutePath();
        Optional<Path> pluginFolder;
        try {
            pluginFolder = PluginFolder.choose(commandLine.pluginDir(),
                    System.getenv(PluginFolder.ENVIRONMENT_VARIABLE), currentDir);
        } catch (CommandLine.UsageException e) {
            return DIRECT;
        }
        Installation installation = Installation.locate();
        int daemonHeap = Integer.getInteger(DaemonServer.HEAP_PROPERTY, 0);
        Optional<DaemonAddress> address = DaemonAddress.of(System.getenv(), installation.home(),
                DaemonServer.content(installation), options(commandLine, pluginFolder), daemonHeap);
        if (address.isEmpty()) {
            return DIRECT;
        }
        Optional<SocketChannel> channel = DaemonStarter.connect(address.get(),
                daemonCommand(address.get(), installation, commandLine, pluginFolder, daemonHeap));
        if (channel.isEmpty()) {
            return DIRECT;
        }
        DaemonRequest request = new DaemonRequest(args, currentDir, System.getenv(), System.console() != null,
                Boolean.getBoolean("gstats.stderr.terminal"), Integer.getInteger("gstats.columns", 0),
                Main.stdoutCharset().name(), Integer.getInteger(JOB_HEAP_PROPERTY, 0));
        try (SocketChannel open = channel.get()) {
            return new DaemonClient(open).converse(address.get(), request);
        }
    }

    /** The launcher's options that reach the framework, as the daemon's key has them. */
    private static String options(CommandLine commandLine, Optional<Path> pluginFolder) {
        return new TreeMap<>(commandLine.settings()) + " config-file=" + commandLine.configFile() + " plugin-dir="
                + pluginFolder.map(Path::toString).orElse("");
    }

    /** The daemon's JVM: both JIT compilers (it lives long), the heap of a scan without a limit, the class archive. */
    private static List<String> daemonCommand(DaemonAddress address, Installation installation,
            CommandLine commandLine, Optional<Path> pluginFolder, int heapMegabytes) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (heapMegabytes > 0) {
            command.add("-Xmx" + heapMegabytes + "m");
        }
        command.add("-XX:+UseSerialGC");
        // the serial collector gives back what a scan grew once the heap is this free again
        command.add("-XX:MinHeapFreeRatio=10");
        command.add("-XX:MaxHeapFreeRatio=30");
        // bin/gstats knows which archive a runtime maps, and how, and the options a runtime needs to start quietly
        String archive = System.getProperty(ARCHIVE_PROPERTY, "");
        if (!archive.isEmpty()) {
            command.add(archive);
        }
        for (String option : System.getProperty(JVM_OPTIONS_PROPERTY, "").split(" ")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-D" + Installation.HOME_PROPERTY + "=" + installation.home());
        command.add("-D" + DaemonServer.SOCKET_PROPERTY + "=" + address.socket());
        command.add("-D" + DaemonServer.KEY_PROPERTY + "=" + address.key());
        command.add("-D" + DaemonServer.HEAP_PROPERTY + "=" + heapMegabytes);
        command.add("-D" + DaemonServer.LOG_PROPERTY + "=" + address.log());
        if (commandLine.configFile() != null) {
            command.add("-D" + DaemonServer.CONFIG_FILE_PROPERTY + "=" + commandLine.configFile());
        }
        pluginFolder.ifPresent(folder -> command.add("-D" + DaemonServer.PLUGIN_DIR_PROPERTY + "=" + folder));
        command.add("-cp");
        command.add(launcherJar(installation));
        command.add(DaemonServer.class.getName());
        commandLine.settings().forEach((key, value) -> command.add(key + "=" + value));
        return command;
    }

    private static String launcherJar(Installation installation) {
        try {
            return Path.of(DaemonClient.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return installation.home().resolve("lib").resolve("gstats-launcher.jar").toString();
        }
    }

    private int converse(DaemonAddress address, DaemonRequest request) {
        try {
            DaemonProtocol.writeOpening(out, address.key());
            out.writeByte(DaemonProtocol.RUN);
            request.write(out);
            out.flush();
            if (in.readByte() != DaemonProtocol.WELCOME) {
                return DIRECT;
            }
            if (in.readByte() != DaemonProtocol.ACCEPTED) {
                return DIRECT;
            }
        } catch (IOException e) {
            return DIRECT;
        }
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), this::onSignal);
            } catch (IllegalArgumentException e) {
                // a platform without the signal
            }
        }
        try {
            return relay();
        } catch (IOException e) {
            if (cancelled.get() != 0) {
                return cancelled.get();
            }
            if (!wrote) {
                return DIRECT;
            }
            String line = "gstats: the gstats daemon stopped during the command (its log: " + address.log()
                    + "); run the command again, or set GSTATS_DAEMON=off\n";
            try {
                stderr.write(line.getBytes(Charset.defaultCharset()));
            } catch (IOException ignored) {
                // stderr is gone too
            }
            return 1;
        }
    }

    /** Prints what the daemon sends until the exit status. */
    private int relay() throws IOException {
        while (true) {
            byte kind = in.readByte();
            switch (kind) {
                case DaemonProtocol.STDOUT -> {
                    byte[] bytes = DaemonProtocol.readBytes(in);
                    wrote = true;
                    if (!stdoutGone) {
                        try {
                            stdout.write(bytes);
                        } catch (IOException e) {
                            // the reader went away (| head -1): the daemon's command is told, as a direct run notices
                            stdoutGone = true;
                            send(DaemonProtocol.STDOUT_CLOSED, null);
                        }
                    }
                }
                case DaemonProtocol.STDERR -> {
                    byte[] bytes = DaemonProtocol.readBytes(in);
                    wrote = true;
                    stderr.write(bytes);
                }
                case DaemonProtocol.STDIN_WANTED -> startForwardingStdin();
                case DaemonProtocol.EXIT -> {
                    int status = in.readInt();
                    return stdoutGone && !stdout.closed() ? 1 : status;
                }
                default -> throw new IOException("unknown frame " + kind);
            }
        }
    }

    private void startForwardingStdin() {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[1 << 16];
            try (InputStream stdin = new FileInputStream(FileDescriptor.in)) {
                int n;
                while ((n = stdin.read(buffer)) >= 0) {
                    send(DaemonProtocol.STDIN, java.util.Arrays.copyOf(buffer, n));
                }
                send(DaemonProtocol.STDIN_END, null);
            } catch (IOException e) {
                // the daemon is gone, or stdin failed: the command sees its input end
            }
        }, "gstats-stdin");
        thread.setDaemon(true);
        thread.start();
    }

    private void send(byte kind, byte[] bytes) throws IOException {
        synchronized (out) {
            out.writeByte(kind);
            if (bytes != null) {
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.flush();
        }
    }

    /** Ctrl-C or SIGTERM: the daemon stops the command and answers; if it does not, this ends as a direct run would. */
    private void onSignal(Signal signal) {
        int status = SIGNAL_STATUS_BASE + signal.getNumber();
        if (!cancelled.compareAndSet(0, status)) {
            Runtime.getRuntime().halt(cancelled.get());
        }
        try {
            synchronized (out) {
                out.writeByte(DaemonProtocol.CANCEL);
                out.writeInt(signal.getNumber());
                out.flush();
            }
        } catch (IOException e) {
            // the daemon is gone: end here
        }
        Thread timeout = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                stderr.write("gstats: interrupted\n".getBytes(Charset.defaultCharset()));
            } catch (IOException ignored) {
                // nothing left to tell
            }
            Runtime.getRuntime().halt(status);
        }, "gstats-cancel-timeout");
        timeout.setDaemon(true);
        timeout.start();
    }
}
