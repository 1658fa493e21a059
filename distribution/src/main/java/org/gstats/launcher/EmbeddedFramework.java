package org.gstats.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Felix, started in this JVM with the installation's bundles, on a framework cache no other
 * process uses while this one runs: a {@link FrameworkCache} slot kept between runs, or else a
 * fresh one in the process's {@link ProcessFolder}, deleted when the framework stops. Either way
 * runs go concurrently and the installation stays read-only.
 */
final class EmbeddedFramework implements AutoCloseable {

    private static final long STOP_TIMEOUT_MS = 10_000;
    /** FileInstall's folder for its copies; by default a {@code fileinstall-*} folder in /tmp that outlives a kill. */
    static final String FILEINSTALL_TEMP = "felix.fileinstall.tmpdir";

    private final Framework framework;
    private final FrameworkStorage storage;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Bundle> heldBack = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "gstats-framework-stop");

    private EmbeddedFramework(Framework framework, FrameworkStorage storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /**
     * Bundles installed but left to the command that needs them: gstats:serve starts Felix HTTP
     * once it has configured its address, so that no other command opens a port or logs about
     * not opening one.
     */
    static final Set<String> ON_DEMAND = Set.of("org.apache.felix.http.jetty");

    /** What {@link #closeBeforeExit} stops, in this order: FileInstall, then SCR. */
    private static final List<String> STOPPED_BEFORE_EXIT = List.of("org.apache.felix.fileinstall",
            "org.apache.felix.scr");

    /**
     * Starts the framework with the given properties, then installs every bundle (by reference:
     * nothing is copied into the cache) and starts all but fragments, the {@link #ON_DEMAND} and
     * the {@code deferred} ones, so that their services are registered when this returns. The
     * framework's storage is a slot of {@code cache} when one is free (its bundles installed by an
     * earlier run), else a fresh folder of this process; a start on a reused slot that fails is
     * retried once on the slot emptied.
     *
     * @param deferred symbolic names of bundles to install now and start with {@link #startDeferred()}
     */
    static EmbeddedFramework start(Map<String, String> frameworkProperties, List<Path> bundles, Set<String> deferred,
            Optional<FrameworkCache> cache) throws IOException, BundleException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        ProcessFolder.sweep(temp);
        Optional<FrameworkCache.Slot> slot = cache.flatMap(FrameworkCache::claim);
        FrameworkStorage storage = slot.isPresent() ? slot.get() : ProcessFolder.create(temp);
        StartupTrace.mark(storage.reused() ? "framework cache reused" : "framework storage created");
        boolean retry = storage.reused();
        while (true) {
            EmbeddedFramework embedded = create(frameworkProperties, storage);
            try {
                embedded.installAndStart(bundles, deferred);
                return embedded;
            } catch (BundleException | RuntimeException e) {
                // an interrupted start (Ctrl-C) is not the cache's fault, and is not retried
                if (!retry || Thread.currentThread().isInterrupted()) {
                    embedded.close();
                    throw e;
                }
                // a cache in any doubt is started afresh
                embedded.abandon();
                try {
                    storage.reset();
                } catch (IOException | RuntimeException resetFailure) {
                    storage.close();
                    e.addSuppressed(resetFailure);
                    throw e;
                }
                retry = false;
            }
        }
    }

    private static EmbeddedFramework create(Map<String, String> frameworkProperties, FrameworkStorage storage) {
        Map<String, String> properties = new HashMap<>(frameworkProperties);
        properties.put(Constants.FRAMEWORK_STORAGE, storage.frameworkStorage().toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, storage.reused() ? "none"
                : Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.putIfAbsent(FILEINSTALL_TEMP, storage.fileInstallTemp().toString());
        EmbeddedFramework embedded;
        try {
            embedded = new EmbeddedFramework(frameworkFactory().newFramework(properties), storage);
            StartupTrace.mark("framework created");
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(embedded.shutdownHook);
        return embedded;
    }

    private void installAndStart(List<Path> jars, Set<String> deferred) throws BundleException {
        framework.init();
        StartupTrace.mark("framework initialised");
        BundleContext context = framework.getBundleContext();
        List<String> locations = new ArrayList<>();
        for (Path jar : jars) {
            locations.add("reference:" + jar.toUri());
        }
        if (storage.reused()) {
            forgetEarlierRuns(context, locations);
        }
        List<Bundle> installed = new ArrayList<>();
        for (int i = 0; i < jars.size(); i++) {
            try {
                // a bundle the reused cache holds already is returned as it is
                installed.add(context.installBundle(locations.get(i)));
            } catch (BundleException e) {
                throw new BundleException("cannot install " + jars.get(i).getFileName() + ": " + firstLine(e), e);
            }
        }
        storage.installed();
        StartupTrace.mark(installed.size() + " bundles installed");
        framework.start();
        StartupTrace.mark("framework started");
        if (StartupTrace.enabled()) {
            // the stop at the end, bundle by bundle (Felix stops them on its own thread)
            context.addBundleListener((SynchronousBundleListener) event -> {
                if (event.getType() == BundleEvent.STOPPED) {
                    StartupTrace.mark("  stopped " + event.getBundle().getSymbolicName());
                }
            });
        }
        List<Bundle> starting = new ArrayList<>();
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null
                    || ON_DEMAND.contains(bundle.getSymbolicName())) {
                continue;
            }
            if (deferred.contains(bundle.getSymbolicName())) {
                heldBack.add(bundle);
            } else {
                starting.add(bundle);
            }
        }
        // One run of the resolver for them all: each start would otherwise run it again for its bundle. A bundle
        // it cannot resolve fails its start below, with the resolver's message, as before.
        framework.adapt(FrameworkWiring.class).resolveBundles(starting);
        StartupTrace.mark("bundles resolved");
        for (Bundle bundle : starting) {
            start(bundle);
            StartupTrace.mark("  started " + bundle.getSymbolicName());
        }
        StartupTrace.mark("bundles started");
    }

    /**
     * Before the framework starts on a reused cache: uninstalls what an earlier run added (plugins
     * FileInstall installed from its folder, which this run's FileInstall installs anew from the
     * folder it watches), and clears a persistent start of the installation's own bundles (a
     * {@code start} typed in the shell), so that only what this run starts runs.
     */
    private static void forgetEarlierRuns(BundleContext context, List<String> locations) throws BundleException {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
                continue;
            }
            if (!locations.contains(bundle.getLocation())) {
                bundle.uninstall();
            } else if (bundle.adapt(BundleStartLevel.class).isPersistentlyStarted()) {
                bundle.stop();
            }
        }
    }

    /** The class loader of the installed bundle with this symbolic name, once it is resolved. */
    Optional<ClassLoader> classLoader(String symbolicName) {
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                BundleWiring wiring = bundle.adapt(BundleWiring.class);
                if (wiring != null) {
                    return Optional.ofNullable(wiring.getClassLoader());
                }
            }
        }
        return Optional.empty();
    }

    /** Starts the bundles held back by {@link #start}. */
    void startDeferred() throws BundleException {
        for (Bundle bundle : heldBack) {
            start(bundle);
        }
    }

    /**
     * Starts a bundle for this run only: a persistent start would be recorded in a reused cache,
     * and the next run's framework would start the bundle before the launcher chose to.
     */
    private static void start(Bundle bundle) throws BundleException {
        try {
            bundle.start(Bundle.START_TRANSIENT);
        } catch (BundleException e) {
            throw new BundleException("cannot start " + bundle.getSymbolicName() + " " + bundle.getVersion() + ": "
                    + firstLine(e), e);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static FrameworkFactory frameworkFactory() {
        Iterator<FrameworkFactory> factories = ServiceLoader.load(FrameworkFactory.class).iterator();
        if (!factories.hasNext()) {
            throw new IllegalStateException("no OSGi framework on the class path (lib/ should hold Felix)");
        }
        return factories.next();
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Blocks until the framework stops, e.g. when the interactive shell exits. */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops the framework and releases its storage (a fresh one is deleted); runs once, whether called or at JVM exit. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            stopFramework();
        } finally {
            storage.close();
            StartupTrace.mark("framework storage released");
        }
    }

    /**
     * Ends the framework of a direct run just before its process exits ({@link Main#main}). On a
     * cache slot: stops FileInstall, so that no plugin is being installed into the slot, then SCR,
     * which deactivates every component (the store closes its database, the logging its file, the
     * scanner removes its checkouts) and writes the component descriptions it keeps; the other
     * bundles hold nothing that the exit does not release (threads, open jars), and the slot's lock
     * goes with the process, once no thread of this framework can write into the slot. A fresh
     * folder, deleted at the end, is stopped in full by {@link #close}, and so is the framework of
     * an interrupted run (Ctrl-C): the components are then deactivated on Felix's own thread, not
     * on this interrupted one, where the store's database would see its file closed under it.
     */
    void closeBeforeExit() {
        if (!(storage instanceof FrameworkCache.Slot) || Thread.currentThread().isInterrupted()) {
            close();
            return;
        }
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        for (String symbolicName : STOPPED_BEFORE_EXIT) {
            for (Bundle bundle : framework.getBundleContext().getBundles()) {
                if (symbolicName.equals(bundle.getSymbolicName())) {
                    try {
                        bundle.stop(Bundle.STOP_TRANSIENT);
                    } catch (BundleException | IllegalStateException e) {
                        System.err.println("gstats: stopping " + symbolicName + " failed: " + e.getMessage());
                    }
                }
            }
        }
        StartupTrace.mark("plugin folder and components stopped");
    }

    /** Stops the framework of a failed start and keeps the storage, for another attempt on it. */
    private void abandon() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting already
        }
        stopFramework();
    }

    private void stopFramework() {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MS);
            StartupTrace.mark("bundles stopped");
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                System.err.println("gstats: the framework did not stop within " + STOP_TIMEOUT_MS / 1000 + " s");
            }
        } catch (BundleException e) {
            System.err.println("gstats: stopping the framework failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
