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
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Felix, started in this JVM with the installation's bundles, on a framework cache of its own
 * in the process's {@link ProcessFolder}, which is deleted when the framework stops. A fresh
 * cache per process lets runs go concurrently and the installation stay read-only.
 */
final class EmbeddedFramework implements AutoCloseable {

    private static final long STOP_TIMEOUT_MS = 10_000;
    /** FileInstall's folder for its copies; by default a {@code fileinstall-*} folder in /tmp that outlives a kill. */
    static final String FILEINSTALL_TEMP = "felix.fileinstall.tmpdir";

    private final Framework framework;
    private final ProcessFolder storage;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Bundle> heldBack = new ArrayList<>();

    private EmbeddedFramework(Framework framework, ProcessFolder storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /**
     * Starts the framework with the given properties, then installs every bundle (by reference:
     * nothing is copied into the cache) and starts all but fragments and the {@code deferred}
     * ones, so that their services are registered when this returns.
     *
     * @param deferred symbolic names of bundles to install now and start with {@link #startDeferred()}
     */
    static EmbeddedFramework start(Map<String, String> frameworkProperties, List<Path> bundles, Set<String> deferred)
            throws IOException, BundleException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        ProcessFolder.sweep(temp);
        ProcessFolder storage = ProcessFolder.create(temp);
        Map<String, String> properties = new HashMap<>(frameworkProperties);
        properties.put(Constants.FRAMEWORK_STORAGE, storage.frameworkStorage().toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.putIfAbsent(FILEINSTALL_TEMP, storage.fileInstallTemp().toString());

        EmbeddedFramework embedded;
        try {
            embedded = new EmbeddedFramework(frameworkFactory().newFramework(properties), storage);
            StartupTrace.mark("framework created");
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "gstats-framework-stop"));
        try {
            embedded.installAndStart(bundles, deferred);
            return embedded;
        } catch (BundleException | RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private void installAndStart(List<Path> jars, Set<String> deferred) throws BundleException {
        framework.init();
        StartupTrace.mark("framework initialised");
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(context.installBundle("reference:" + jar.toUri()));
            } catch (BundleException e) {
                throw new BundleException("cannot install " + jar.getFileName() + ": " + firstLine(e), e);
            }
        }
        StartupTrace.mark(installed.size() + " bundles installed");
        framework.start();
        StartupTrace.mark("framework started");
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            if (deferred.contains(bundle.getSymbolicName())) {
                heldBack.add(bundle);
            } else {
                start(bundle);
            }
        }
        StartupTrace.mark("bundles resolved and started");
    }

    /** Starts the bundles held back by {@link #start}. */
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

    void startDeferred() throws BundleException {
        for (Bundle bundle : heldBack) {
            start(bundle);
        }
    }

    private static void start(Bundle bundle) throws BundleException {
        try {
            bundle.start();
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

    /** Stops the framework and deletes its cache; runs once, whether called or at JVM exit. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MS);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                System.err.println("gstats: the framework did not stop within " + STOP_TIMEOUT_MS / 1000 + " s");
            }
        } catch (BundleException e) {
            System.err.println("gstats: stopping the framework failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            storage.close();
        }
    }
}
