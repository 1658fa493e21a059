package org.gstats.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The daemon: a gstats JVM that keeps the framework started and runs the commands clients hand
 * it over its Unix domain socket, each in its own thread and Gogo session
 * ({@link DaemonConnection}). Started by {@link DaemonStarter} with its settings as system
 * properties; its stdout and stderr are its log. It exits when it has been idle for the
 * {@code [daemon] idle-timeout}, when its installation changes (a rebuild, a jar removed), when
 * its socket is taken from it, on {@code gstats daemon stop}, or on SIGTERM; the terminal's
 * SIGINT and SIGHUP are not for it.
 */
final class DaemonServer {

    static final String SOCKET_PROPERTY = "gstats.daemon.socket";
    static final String KEY_PROPERTY = "gstats.daemon.key";
    static final String HEAP_PROPERTY = "gstats.daemon.heap";
    static final String LOG_PROPERTY = "gstats.daemon.log";
    static final String CONFIG_FILE_PROPERTY = "gstats.daemon.config-file";
    static final String PLUGIN_DIR_PROPERTY = "gstats.daemon.plugin-dir";
    /** Program arguments are the launcher's settings, each {@code key=value}. */
    private static final long DEFAULT_IDLE_SECONDS = 600;
    private static final String IDLE_TIMEOUT_FILTER = "(gstats.daemon.setting=idle-timeout)";
    private static final long WATCH_MS = 1_000;
    /** How often the installation's jars are compared with those the daemon started with. */
    private static final long INSTALLATION_CHECK_MS = 3_000;
    /** Idle this long after a command, the daemon gives back the heap it grew for it. */
    private static final long SHRINK_AFTER_MS = 2_000;

    private final EmbeddedFramework framework;
    private final String key;
    private final int heapMegabytes;
    private final Path socket;
    private final Path log;
    private final Installation installation;
    private final String content;
    private final PrintStream logStream;
    private final RoutedOutput routed;
    private final Instant started = Instant.now();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.currentTimeMillis());
    private final AtomicLong commands = new AtomicLong();
    private volatile boolean shrunk = true;
    private volatile ServerSocketChannel server;
    private volatile Object socketIdentity;
    private volatile String stopping;
    private final List<SocketChannel> heldUntilExit = new CopyOnWriteArrayList<>();

    private DaemonServer(EmbeddedFramework framework, String key, int heapMegabytes, Path socket, Path log,
            Installation installation, String content, PrintStream logStream, RoutedOutput routed) {
        this.framework = framework;
        this.key = key;
        this.heapMegabytes = heapMegabytes;
        this.socket = socket;
        this.log = log;
        this.installation = installation;
        this.content = content;
        this.logStream = logStream;
        this.routed = routed;
    }

    public static void main(String[] args) {
        PrintStream logStream = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                Charset.defaultCharset());
        RoutedOutput routed = new RoutedOutput(logStream);
        PrintStream everything = new PrintStream(routed, true, Charset.defaultCharset());
        System.setOut(everything);
        System.setErr(everything);
        for (String name : new String[] {"INT", "HUP"}) {
            try {
                Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException e) {
                // not on this platform
            }
        }
        try {
            DaemonServer daemon = start(args, logStream, routed);
            daemon.serve();
        } catch (IOException | BundleException | RuntimeException | InterruptedException e) {
            logStream.println(Instant.now() + " gstats daemon: cannot start: " + Failures.oneLine(e));
            e.printStackTrace(logStream);
            System.exit(1);
        }
        System.exit(0);
    }

    private static DaemonServer start(String[] args, PrintStream logStream, RoutedOutput routed)
            throws IOException, BundleException, InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            settings.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        String configFile = System.getProperty(CONFIG_FILE_PROPERTY);
        String pluginDir = System.getProperty(PLUGIN_DIR_PROPERTY);
        CommandLine options = new CommandLine(CommandLine.Command.SCAN, List.of(), false, settings,
                configFile == null || configFile.isEmpty() ? null : configFile, null);
        Installation installation = Installation.locate();
        String content = content(installation);
        logStream.println(Instant.now() + " gstats daemon: starting, pid " + ProcessHandle.current().pid());
        EmbeddedFramework framework = Main.startFramework(options,
                pluginDir == null || pluginDir.isEmpty() ? Optional.empty() : Optional.of(Path.of(pluginDir)), false,
                false);
        try {
            new CommandServices(framework.context()).await(CommandServices.GSTATS_COMMANDS);
        } catch (CommandServices.UnavailableException e) {
            framework.close();
            throw new IOException(e.getMessage(), e);
        }
        return new DaemonServer(framework, Objects.requireNonNull(System.getProperty(KEY_PROPERTY)),
                Integer.getInteger(HEAP_PROPERTY, 0), Path.of(System.getProperty(SOCKET_PROPERTY)),
                Path.of(System.getProperty(LOG_PROPERTY, "")), installation, content, logStream, routed);
    }

    /**
     * {@link FrameworkCache#describe} of the installation's jars now, and of the properties files
     * a framework reads only when it starts.
     */
    static String content(Installation installation) throws IOException {
        List<Path> files = new ArrayList<>(installation.libraries());
        files.addAll(installation.bundles());
        for (String name : List.of("framework.properties", "system.properties")) {
            Path file = installation.confDir().resolve(name);
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        return FrameworkCache.describe(installation.home(), files);
    }

    /** Binds the socket under a temporary name and renames it into place: a client never meets a half-ready daemon. */
    private void serve() throws IOException {
        Path temporary = socket.resolveSibling(socket.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(temporary);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(temporary));
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        Files.move(temporary, socket, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        socketIdentity = identity(socket);
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeSocket, "gstats-daemon-socket-removal"));
        log("ready on " + socket + " (heap " + heapMegabytes + " MB, idle timeout " + idleSeconds() + " s)");
        Thread watch = new Thread(this::watch, "gstats-daemon-watch");
        watch.setDaemon(true);
        watch.start();
        while (stopping == null) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                break;
            }
            lastActivity.set(System.currentTimeMillis());
            Thread thread = new Thread(new DaemonConnection(this, client), "gstats-daemon-request");
            thread.start();
        }
        while (active.get() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                break;
            }
        }
        log("stopping: " + stopping);
        removeSocket();
        framework.close();
    }

    /** Every second: idle too long, installation changed, socket gone? Then stop; idle a while: shrink the heap. */
    private void watch() {
        long nextCheck = 0;
        while (stopping == null) {
            try {
                Thread.sleep(WATCH_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.currentTimeMillis();
            long idle = now - lastActivity.get();
            if (active.get() == 0 && idle >= idleSeconds() * 1000) {
                stop("idle for " + idle / 1000 + " s");
            } else if (!Objects.equals(identity(socket), socketIdentity)) {
                stop("its socket " + socket + " was removed or replaced");
            } else if (now >= nextCheck) {
                nextCheck = now + INSTALLATION_CHECK_MS;
                try {
                    if (!content(installation).equals(content)) {
                        stop("its installation changed");
                    }
                } catch (IOException e) {
                    stop("its installation is gone: " + e.getMessage());
                }
            }
            if (!shrunk && active.get() == 0 && idle >= SHRINK_AFTER_MS) {
                shrunk = true;
                // a full collection lets the serial collector give the scan's heap back to the system
                System.gc();
            }
        }
    }

    /**
     * Keeps a connection open until the process exits, whose end closes it: a client waiting for
     * its end knows that the daemon is gone, its store and files released.
     */
    void holdUntilExit(SocketChannel connection) {
        heldUntilExit.add(connection);
    }

    /** Stops accepting clients at once; the commands running end, then the daemon exits. */
    void stop(String reason) {
        if (stopping != null) {
            return;
        }
        stopping = reason;
        removeSocket();
        try {
            server.close();
        } catch (IOException e) {
            log("closing the socket failed: " + e.getMessage());
        }
    }

    /** Removes the socket if it is still this daemon's: never another's that replaced it. */
    private void removeSocket() {
        try {
            if (socketIdentity != null && Objects.equals(identity(socket), socketIdentity)) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            log("removing " + socket + " failed: " + e.getMessage());
        }
    }

    private static Object identity(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** The {@code [daemon] idle-timeout} as the configuration has it now. */
    long idleSeconds() {
        try {
            var references = framework.context().getServiceReferences(LongSupplier.class, IDLE_TIMEOUT_FILTER);
            for (ServiceReference<LongSupplier> reference : references) {
                LongSupplier setting = framework.context().getService(reference);
                if (setting != null) {
                    try {
                        long seconds = setting.getAsLong();
                        return seconds > 0 ? seconds : DEFAULT_IDLE_SECONDS;
                    } finally {
                        framework.context().ungetService(reference);
                    }
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // the filter is a constant; a stopping framework has no settings left
        }
        return DEFAULT_IDLE_SECONDS;
    }

    /** One line of the daemon's own, in its log. */
    void log(String line) {
        logStream.println(Instant.now() + " gstats daemon: " + line);
    }

    String key() {
        return key;
    }

    int heapMegabytes() {
        return heapMegabytes;
    }

    EmbeddedFramework framework() {
        return framework;
    }

    /** A command starts; what threads outside its session print goes to its stderr while it runs alone. */
    void started(OutputStream err) {
        active.incrementAndGet();
        commands.incrementAndGet();
        shrunk = false;
        routed.add(err);
    }

    void ended(OutputStream err) {
        routed.remove(err);
        lastActivity.set(System.currentTimeMillis());
        active.decrementAndGet();
    }

    /** For {@code gstats daemon status}: one line. */
    String status() {
        Runtime runtime = Runtime.getRuntime();
        long idle = (System.currentTimeMillis() - lastActivity.get()) / 1000;
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L) / 1000.0;
        return String.format(Locale.ROOT, "pid %d, up %s, %d commands run, %d running, idle %d s of %d s, heap %d of "
                + "%d MB, resident %s, CPU %.2f s, log %s", ProcessHandle.current().pid(),
                human(Duration.between(started, Instant.now())), commands.get(), active.get(),
                active.get() > 0 ? 0 : idle, idleSeconds(), (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                runtime.maxMemory() >> 20, resident(), cpu, log);
    }

    private static String human(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }

    /** VmRSS of /proc/self/status, Linux's; "unknown" elsewhere. */
    private static String resident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 + " MB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    /**
     * The daemon's stdout and stderr, which Felix, Gogo and the bundles print to outside a
     * session: to the running command's stderr while exactly one runs (as in a direct run), else
     * to the log.
     */
    static final class RoutedOutput extends OutputStream {

        private final OutputStream log;
        private final Set<OutputStream> commands = ConcurrentHashMap.newKeySet();

        RoutedOutput(OutputStream log) {
            this.log = log;
        }

        void add(OutputStream err) {
            commands.add(err);
        }

        void remove(OutputStream err) {
            commands.remove(err);
        }

        private OutputStream target() {
            if (commands.size() == 1) {
                var only = commands.iterator();
                if (only.hasNext()) {
                    return only.next();
                }
            }
            return log;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target().write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }
}
