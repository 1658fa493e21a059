package org.gstats.serve.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.GstatsConfiguration;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code gstats:serve [--port N] [--bind ADDR] [--root DIR]... [--token T]}: checks the options,
 * starts Felix HTTP on the address and the servlets with the roots and token (both through
 * Configuration Admin), prints where it serves and waits until interrupted (Ctrl-C, SIGTERM),
 * then stops serving.
 */
@Component(service = ServeCommand.class, property = {"osgi.command.scope=gstats", "osgi.command.function=serve"})
public final class ServeCommand {

    /** Felix HTTP's configuration PID and keys. */
    static final String HTTP_PID = "org.apache.felix.http";
    /** Felix HTTP's bundle, which the launcher installs but does not start. */
    static final String HTTP_BUNDLE = "org.apache.felix.http.jetty";
    /** The environment variables of the {@code [serve]} keys begin so. */
    static final String VARIABLE_PREFIX = "GSTATS_SERVE_";
    static final String TOKEN_VARIABLE = VARIABLE_PREFIX + "TOKEN";
    private static final String BIND_VARIABLE = VARIABLE_PREFIX + "BIND";
    private static final String ROOTS_VARIABLE = VARIABLE_PREFIX + "ROOTS";
    static final int MAX_PORT = 65_535;
    private static final String EXIT = "gstats.exit";
    private static final long START_TIMEOUT_MS = 20_000;
    /** How long a run interrupted takes at most to begin its stop. */
    private static final long STOPPING_MS = 2_000;
    /** The API's and the pages'. */
    private static final int SERVLETS = 2;

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile GstatsConfiguration configuration;

    private BundleContext context;

    /** Held by the run of serve that is starting, serving or stopping: one at a time. */
    private final ReentrantLock runs = new ReentrantLock();
    /** Whether the run holding {@link #runs} is serving (neither starting nor stopping). */
    private volatile boolean serving;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
    }

    /**
     * What {@code [serve]} of the configuration sets ({@code GSTATS_SERVE_*} included); when no
     * configuration service is there, the keys' declared defaults and the environment's token.
     */
    private Configured configured(Path startDir) throws ConfigException {
        GstatsConfiguration current = configuration;
        if (current == null) {
            String token = System.getenv(TOKEN_VARIABLE);
            return Configured.DECLARED.withToken(token == null ? "" : token);
        }
        EffectiveConfiguration effective = current.resolve(new ConfigRequest(startDir, Map.of()));
        return new Configured((int) effective.number("serve.port"), effective.text("serve.bind"),
                effective.text("serve.token"), effective.list("serve.roots"));
    }

    /** The port, address, token and roots the configuration sets; the command line's win. */
    record Configured(int port, String bind, String token, List<String> roots) {

        /** The defaults {@link ServeKeys} declares. */
        static final Configured DECLARED = new Configured((int) declared("port"), (String) declared("bind"),
                (String) declared("token"), List.of((String[]) declared("roots")));

        Configured withToken(String given) {
            return new Configured(port, bind, given, roots);
        }

        private static Object declared(String key) {
            try {
                return ServeKeys.class.getDeclaredMethod(key).getDefaultValue();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Options as given, checked. */
    record Options(int port, String bind, List<Path> roots, String token) {
    }

    @Descriptor("serve the dashboard and the REST API until interrupted")
    public void serve(CommandSession session,
            @Descriptor("--port N, --bind ADDR, --root DIR (repeatable), --token T") String... arguments)
            throws Exception {
        Options options;
        try {
            Path startDir = Path.of("").toAbsolutePath();
            options = parse(List.of(arguments), configured(startDir), startDir);
            checkListenable(options.bind(), options.port());
        } catch (IllegalArgumentException | ConfigException e) {
            session.put(EXIT, 2);
            throw e;
        }
        awaitTurn();
        try {
            serve(session, options);
        } finally {
            runs.unlock();
        }
    }

    /**
     * Takes {@link #runs}. Gogo hands Ctrl-C's interrupt to a command and returns at once, so a
     * next serve in the same shell can come while the last one's stop still runs: that one is
     * waited for. A run still serving after {@value #STOPPING_MS} ms is not stopping, and the
     * next is refused.
     */
    private void awaitTurn() throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        long servingSince = Long.MAX_VALUE;
        while (!runs.tryLock(20, TimeUnit.MILLISECONDS)) {
            long now = System.currentTimeMillis();
            servingSince = serving ? Math.min(servingSince, now) : Long.MAX_VALUE;
            if (now - servingSince > STOPPING_MS || now > deadline) {
                throw new IllegalStateException("serve: gstats:serve is already serving in this gstats process: "
                        + "stop it (Ctrl-C) first");
            }
        }
    }

    private void serve(CommandSession session, Options options) throws Exception {
        Bundle server = stoppedHttp();
        Configuration http = configurationAdmin.getConfiguration(HTTP_PID, "?");
        String run = UUID.randomUUID().toString();
        Configuration servlets = configurationAdmin.getFactoryConfiguration(ServeSettings.PID, run, "?");
        Throwable failed = null;
        try {
            Hashtable<String, Object> httpProperties = new Hashtable<>();
            httpProperties.put("org.apache.felix.http.enable", true);
            httpProperties.put("org.osgi.service.http.port", options.port());
            httpProperties.put("org.apache.felix.http.host", options.bind());
            http.update(httpProperties);
            Hashtable<String, Object> serveProperties = new Hashtable<>();
            serveProperties.put("roots", options.roots().stream().map(Path::toString).toArray(String[]::new));
            serveProperties.put(".token", options.token());
            serveProperties.put("run", run);
            serveProperties.put(ServeSettings.SCANS_TARGET, "(run=" + run + ")");
            servlets.update(serveProperties);
            server.start(Bundle.START_TRANSIENT);
            String endpoint = awaitEndpoint(options.port());
            awaitServlets(run);
            awaitAnswer(endpoint, options.token());
            PrintStream out = session.getConsole();
            out.println("gstats: serving " + shown(endpoint, options.bind()) + " (repositories under " + options.roots() + "; Ctrl-C stops)");
            out.flush();
            serving = true;
            while (true) {
                Thread.sleep(TimeUnit.HOURS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            failed = e;
            throw e;
        } finally {
            serving = false;
            try {
                stop(server, servlets, run);
            } catch (Exception e) {
                // the reason serving failed comes first; a clean-up that failed after it is its footnote
                if (failed == null) {
                    throw e;
                }
                failed.addSuppressed(e);
            }
        }
    }

    /**
     * Undoes what the run set up, every step even when one fails. Ctrl-C ends a run by interrupting
     * its thread, and Jetty's stop (which joins its threads) and the servlets' settings' removal
     * (which SCR acts on) must not be cut short by that interrupt: a server or servlets left half
     * gone would meet the next serve in the same process (the shell). The interrupt is set aside
     * while they run and restored after.
     * <p>
     * Each run's servlets have settings of their own (a factory configuration named by the run):
     * Configuration Admin tells SCR of a deletion on a thread of its own, and a singleton
     * configuration made again under the same PID starts at the revision the deleted one had,
     * which SCR, when the new one came before it had handled the deletion, took for one it had
     * seen, leaving a component with the last run's token and roots. The stop waits until the
     * run's servlets are gone, so that the next run's server never sees two of them. Felix HTTP's
     * settings are kept for the next run to update (the bundle stopped, they serve nothing): a
     * deletion it learns late would take the next run's address.
     */
    private void stop(Bundle server, Configuration servlets, String run) throws Exception {
        boolean interrupted = Thread.interrupted();
        Exception failed = null;
        for (Step step : new Step[] {() -> server.stop(Bundle.STOP_TRANSIENT), servlets::delete, () -> awaitGone(run)}) {
            try {
                step.run();
            } catch (Exception e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** One step of {@link #stop}. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Felix HTTP, stopped. The launcher installs it without starting it; one found running (a
     * serve that died, or a framework that starts every bundle, as Pax Exam does) is stopped
     * before this run's settings are given, since Felix HTTP restarting on new settings while
     * the last run's servlets go can keep a gone servlet in the new server.
     */
    private Bundle stoppedHttp() throws BundleException {
        for (Bundle bundle : context.getBundles()) {
            if (HTTP_BUNDLE.equals(bundle.getSymbolicName())) {
                bundle.stop(Bundle.STOP_TRANSIENT);
                return bundle;
            }
        }
        throw new IllegalStateException("serve: the web server (" + HTTP_BUNDLE + ") is not installed: "
                + "reinstall gstats");
    }

    /** The address Felix HTTP says it serves on, once it has started with the new port. */
    private String awaitEndpoint(int port) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] references = context.getServiceReferences(
                    "org.osgi.service.servlet.runtime.HttpServiceRuntime", null);
            if (references != null) {
                for (ServiceReference<?> reference : references) {
                    Object endpoints = reference.getProperty("osgi.http.endpoint");
                    String endpoint = endpoints instanceof String[] all && all.length > 0 ? all[0]
                            : endpoints instanceof String one ? one : null;
                    if (endpoint != null && (port == 0 ? !endpoint.matches(".*:(0|8080)/?$")
                            : endpoint.contains(":" + port + "/"))) {
                        return endpoint;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the web server did not start within " + START_TIMEOUT_MS / 1000
                + " s (is the port taken?)");
    }

    /** Waits until no service has this run's settings. */
    private void awaitGone(String run) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        String filter = "(run=" + run + ")";
        while (context.getServiceReferences((String) null, filter) != null) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the web UI did not stop within " + START_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(20);
        }
    }

    /** Waits until both servlets are registered with this run's settings. */
    private void awaitServlets(String run) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        String filter = "(run=" + run + ")";
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] servlets = context.getServiceReferences("jakarta.servlet.Servlet", filter);
            if (servlets != null && servlets.length == SERVLETS) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the web UI did not start within " + START_TIMEOUT_MS / 1000 + " s");
    }

    /**
     * Waits until the API answers on the endpoint: a servlet registered is not yet one the
     * whiteboard serves, and a user who sends a request as soon as the address is printed must
     * not get 404.
     */
    private static void awaitAnswer(String endpoint, String token) throws InterruptedException {
        // an endpoint on every address (0.0.0.0, ::) is reached on loopback
        URI health = URI.create(endpoint.replace("//0.0.0.0:", "//127.0.0.1:").replace("//[::]:", "//[::1]:")
                .replaceFirst("/?$", "/api/health"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET();
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the web UI did not answer on " + health + " within "
                + START_TIMEOUT_MS / 1000 + " s");
    }

    /**
     * Fails before Felix HTTP is started when the port cannot be had: Jetty would log its own
     * errors (exception class names) and serve would wait for an endpoint that never comes.
     * Port 0 (any free one) always can.
     */
    static void checkListenable(String bind, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
        } catch (IOException e) {
            String why = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(why.contains("in use")
                    ? "serve: port " + port + " on " + bind + " is in use (another server?): give --port N, or "
                            + "--port 0 for any free one"
                    : "serve: cannot listen on " + bind + " port " + port + " (" + why.replaceFirst(
                            "\\s*\\(.*", "") + "): give another --port or --bind");
        }
    }

    /**
     * The address to print: Felix HTTP names one address of the machine when it listens on all
     * of them (e.g. an IPv6 one with its interface), so that case is told by the host's name.
     */
    static String shown(String endpoint, String bind) {
        try {
            if (!InetAddress.getByName(bind).isAnyLocalAddress()) {
                return endpoint;
            }
            String port = endpoint.replaceFirst("^.*:(\\d+)/?$", "$1");
            return "http://" + InetAddress.getLocalHost().getHostName() + ":" + port + "/ (every address of this "
                    + "machine)";
        } catch (UnknownHostException e) {
            return endpoint;
        }
    }

    /**
     * Checks the command line; the token falls back to the environment's.
     *
     * @throws IllegalArgumentException one line for the user
     */
    static Options parse(List<String> arguments, Configured configured, Path startDir) {
        int port = configured.port();
        String bind = configured.bind();
        // a refusal names where the value came from: an option, else a key or its variable
        String bindOrigin = "[serve] bind (or " + BIND_VARIABLE + ") " + bind;
        List<Path> roots = new ArrayList<>();
        String token = configured.token();
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (!List.of("--port", "--bind", "--root", "--token").contains(option)) {
                throw new IllegalArgumentException("serve: unknown option '" + option
                        + "' (serve takes --port N, --bind ADDR, --root DIR, --token T)");
            }
            if (i + 1 == arguments.size()) {
                throw new IllegalArgumentException("serve: " + option + " needs a value");
            }
            String value = arguments.get(++i);
            switch (option) {
                case "--port" -> port = port(value);
                case "--bind" -> {
                    bind = value;
                    bindOrigin = "--bind " + value;
                }
                case "--root" -> roots.add(root(value, startDir, "--root " + value));
                default -> token = value;
            }
        }
        if (roots.isEmpty()) {
            for (String root : configured.roots()) {
                roots.add(root(root, startDir, "[serve] roots (or " + ROOTS_VARIABLE + ") " + root));
            }
        }
        if (roots.isEmpty()) {
            roots.add(root(startDir.toString(), startDir, "the start directory " + startDir));
        }
        if (!loopback(bind, bindOrigin) && token.isEmpty()) {
            throw new IllegalArgumentException("serve: " + bindOrigin + " is reachable from other machines: give "
                    + "--token T (or set " + TOKEN_VARIABLE + ") so that every request must carry it");
        }
        return new Options(port, bind, List.copyOf(roots), token);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("serve: --port takes a number from 0 to " + MAX_PORT + ", got '" + value
                + "'");
    }

    private static Path root(String value, Path startDir, String origin) {
        Path path = startDir.resolve(value);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("serve: " + origin + " is not a directory");
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("serve: cannot read " + origin);
        }
    }

    private static boolean loopback(String bind, String origin) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("serve: " + origin + " is not an address of this machine");
        }
    }
}
