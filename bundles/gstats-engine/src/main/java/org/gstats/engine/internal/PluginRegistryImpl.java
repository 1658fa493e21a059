package org.gstats.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.gstats.api.ScannerPlugin;
import org.gstats.api.notify.Notification;
import org.gstats.api.scan.PluginInfo;
import org.gstats.api.scan.PluginMetrics;
import org.gstats.api.scan.PluginRegistry;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.PluginState;
import org.gstats.api.scan.PluginStatus;
import org.gstats.api.scan.PluginValidation;
import org.gstats.api.scan.ScanException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The plugins: every {@link ScannerPlugin} service, bound and unbound dynamically by DS, with its
 * circuit breaker and metrics; the plugin bundles the resolver refused; and the jars in the
 * watched folder that are no bundles. The engine asks it which plugins take part in a scan and
 * tells it how they did. Registered also under its own class so that the engine of this bundle
 * can reach what the API does not show.
 */
@Component(service = {PluginRegistry.class, PluginRegistryImpl.class}, configurationPid = EngineConfiguration.PID)
@Designate(ocd = EngineConfiguration.class)
public final class PluginRegistryImpl implements PluginRegistry {

    /** The framework property FileInstall reads its watched folder from. */
    static final String WATCHED_DIR_PROPERTY = "felix.fileinstall.dir";

    private static final Comparator<PluginStatus> BY_NAME = Comparator.comparing(PluginStatus::name)
            .thenComparingLong(PluginStatus::bundleId);

    private final PluginSet plugins = new PluginSet();

    /** Where notifications go; the registry works without one too. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;
    private final Map<Long, PluginHealth> health = new ConcurrentHashMap<>();
    private final Set<ScanRun> running = ConcurrentHashMap.newKeySet();
    private final BundleContext context;
    private final Clock clock;
    private final int failuresBeforeDisable;
    private final Duration coolDown;

    @Activate
    public PluginRegistryImpl(BundleContext context, EngineConfiguration configuration) {
        this(context, Clock.systemUTC(), configuration.failuresBeforeDisable(),
                Duration.ofSeconds(configuration.coolDownSeconds()));
    }

    PluginRegistryImpl(BundleContext context, Clock clock, int failuresBeforeDisable, Duration coolDown) {
        this.context = context;
        this.clock = clock;
        this.failuresBeforeDisable = failuresBeforeDisable;
        this.coolDown = coolDown;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlugin(ScannerPlugin plugin, ServiceReference<ScannerPlugin> reference) {
        bind(RegisteredPlugin.of(plugin, reference));
    }

    void removePlugin(ServiceReference<ScannerPlugin> reference) {
        unbind(RegisteredPlugin.serviceId(reference));
    }

    void bind(RegisteredPlugin registered) {
        health.put(registered.serviceId(), new PluginHealth());
        plugins.add(registered);
        Notifications.post(eventAdmin, Notification.PLUGIN_ADDED, Notification.PLUGIN, registered.name());
    }

    /** A plugin that leaves during a scan is dropped from it at once; DS may stop its bundle next. */
    void unbind(long serviceId) {
        plugins.snapshot().stream().filter(p -> p.serviceId() == serviceId).findFirst().ifPresent(p ->
                Notifications.post(eventAdmin, Notification.PLUGIN_REMOVED, Notification.PLUGIN, p.name()));
        plugins.remove(serviceId);
        health.remove(serviceId);
        for (ScanRun run : running) {
            run.pluginRemoved(serviceId);
        }
    }

    /**
     * The plugins that take part in a scan starting now: the selected ones among those neither
     * rejected nor disabled by their circuit breaker.
     *
     * @throws ScanException bad input when the selection names a plugin that cannot take part
     */
    List<RegisteredPlugin> choose(PluginSelection selection) throws ScanException {
        Instant now = clock.instant();
        Map<String, RegisteredPlugin> usable = new LinkedHashMap<>();
        Map<String, String> refused = new HashMap<>();
        Map<String, RegisteredPlugin> owners = owners();
        for (RegisteredPlugin plugin : plugins.snapshot()) {
            String rejection = rejection(plugin, owners);
            PluginHealth record = health.get(plugin.serviceId());
            if (rejection != null) {
                refused.putIfAbsent(plugin.name(), "rejected: " + rejection);
            } else if (record != null && !record.admits(now)) {
                refused.put(plugin.name(), "disabled: " + record.view(now).reason());
            } else {
                usable.put(plugin.name(), plugin);
            }
        }
        for (String name : selection.names()) {
            if (!usable.containsKey(name)) {
                String why = refused.containsKey(name) ? "plugin '" + name + "' is " + refused.get(name)
                        : "unknown plugin '" + name + "'";
                throw new ScanException(ScanException.Reason.BAD_INPUT, why + " (plugins that can take part: "
                        + (usable.isEmpty() ? "none" : String.join(", ", usable.keySet())) + ")");
            }
        }
        return usable.values().stream().filter(p -> selection.includes(p.name())).toList();
    }

    /**
     * Tracks a run from now on, so that a plugin unbound during it is dropped from it. A plugin
     * unbound since it was chosen, before the run was tracked, is dropped at once.
     */
    void started(ScanRun run) {
        running.add(run);
        Set<Long> bound = new HashSet<>();
        plugins.snapshot().forEach(p -> bound.add(p.serviceId()));
        for (RegisteredPlugin plugin : run.plugins()) {
            if (!bound.contains(plugin.serviceId())) {
                run.pluginRemoved(plugin.serviceId());
            }
        }
    }

    /** Records how each plugin did in a finished (or failed) scan; removed plugins are gone already. */
    void finished(ScanRun run, List<ScanRun.Outcome> outcomes) {
        running.remove(run);
        Instant now = clock.instant();
        for (ScanRun.Outcome outcome : outcomes) {
            PluginHealth record = health.get(outcome.plugin().serviceId());
            if (record != null && !outcome.removed()
                    && record.record(outcome.metrics(), outcome.failure(), now, failuresBeforeDisable, coolDown)) {
                Notifications.post(eventAdmin, Notification.PLUGIN_DISABLED, Notification.PLUGIN,
                        outcome.plugin().name(), Notification.MESSAGE, record.view(now).reason());
            }
        }
    }

    void abandoned(ScanRun run) {
        running.remove(run);
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> infos = new ArrayList<>();
        for (PluginStatus status : statuses()) {
            if (status.state() != PluginState.REJECTED) {
                infos.add(new PluginInfo(status.name(), status.description(), status.version(), status.bundle(),
                        status.bundleId(), status.state()));
            }
        }
        return infos;
    }

    @Override
    public List<PluginStatus> statuses() {
        Instant now = clock.instant();
        List<PluginStatus> statuses = new ArrayList<>();
        Map<String, RegisteredPlugin> owners = owners();
        for (RegisteredPlugin plugin : plugins.snapshot()) {
            String rejection = rejection(plugin, owners);
            PluginHealth record = health.get(plugin.serviceId());
            if (rejection != null || record == null) {
                statuses.add(status(plugin, PluginState.REJECTED, rejection, null, PluginMetrics.NONE));
            } else {
                PluginHealth.View view = record.view(now);
                statuses.add(status(plugin, view.state(), view.reason(), view.disabledUntil(), view.metrics()));
            }
        }
        if (context != null) {
            statuses.addAll(unresolvedBundles());
            statuses.addAll(jarsThatAreNoBundles());
        }
        statuses.sort(BY_NAME);
        return statuses;
    }

    private PluginStatus status(RegisteredPlugin plugin, PluginState state, String reason, Instant until,
            PluginMetrics metrics) {
        return new PluginStatus(plugin.name(), plugin.description(), plugin.bundleVersion(), plugin.apiVersion(),
                plugin.bundle(), plugin.bundleId(), state, reason, until,
                state == PluginState.REJECTED ? null : plugin.requirements(), metrics,
                services(plugin.bundleId()));
    }

    /** The service interfaces the bundle registers, sorted. */
    private List<String> services(long bundleId) {
        Bundle bundle = context == null ? null : context.getBundle(bundleId);
        ServiceReference<?>[] references = bundle == null ? null : bundle.getRegisteredServices();
        if (references == null) {
            return List.of();
        }
        SortedSet<String> services = new TreeSet<>();
        for (ServiceReference<?> reference : references) {
            services.addAll(List.of((String[]) reference.getProperty(Constants.OBJECTCLASS)));
        }
        return List.copyOf(services);
    }

    /** For each name, the plugin that holds it: the first bound, when several claim it. */
    private Map<String, RegisteredPlugin> owners() {
        Map<String, RegisteredPlugin> owners = new HashMap<>();
        plugins.snapshot().stream()
                .filter(p -> p.problem() == null)
                .sorted(Comparator.comparingLong(RegisteredPlugin::serviceId))
                .forEach(p -> owners.putIfAbsent(p.name(), p));
        return owners;
    }

    private static String rejection(RegisteredPlugin plugin, Map<String, RegisteredPlugin> owners) {
        if (plugin.problem() != null) {
            return plugin.problem();
        }
        if (plugin.name().equals(ScanRun.SECTION)) {
            return "the name '" + ScanRun.SECTION + "' is taken by the engine's own report section; rename the plugin";
        }
        RegisteredPlugin owner = owners.get(plugin.name());
        if (owner != plugin) {
            return "duplicate name: the plugin in " + owner.bundle() + " " + owner.bundleVersion() + " (bundle "
                    + owner.bundleId() + ") is also called '" + plugin.name() + "' and takes part instead";
        }
        return null;
    }

    /** Bundles that import the plugin API but did not resolve, with the requirements they miss. */
    private List<PluginStatus> unresolvedBundles() {
        List<PluginStatus> statuses = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (bundle.getState() != Bundle.INSTALLED || !Requirements.importsApi(revision)) {
                continue;
            }
            List<String> problems = Requirements.unsatisfied(revision, context);
            String reason = problems.isEmpty() ? "installed but not resolved yet" : String.join("; ", problems);
            statuses.add(new PluginStatus(bundle.getSymbolicName(), null, bundle.getVersion().toString(),
                    Requirements.apiRange(revision), bundle.getSymbolicName(), bundle.getBundleId(),
                    PluginState.REJECTED, reason, null, null, PluginMetrics.NONE, List.of()));
        }
        return statuses;
    }

    /** Jars in the watched folder that FileInstall cannot install, because they are no bundles. */
    private List<PluginStatus> jarsThatAreNoBundles() {
        String dir = context.getProperty(WATCHED_DIR_PROPERTY);
        List<PluginStatus> statuses = new ArrayList<>();
        if (dir == null) {
            return statuses;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(dir), "*.jar")) {
            for (Path jar : jars) {
                String problem = notABundle(jar);
                if (problem != null) {
                    statuses.add(new PluginStatus(jar.getFileName().toString(), null, null, null, null, -1,
                            PluginState.REJECTED, problem, null, null, PluginMetrics.NONE, List.of()));
                }
            }
        } catch (NoSuchFileException e) {
            return statuses;
        } catch (IOException e) {
            statuses.add(new PluginStatus(dir, null, null, null, null, -1, PluginState.REJECTED,
                    "cannot read the plugin folder: " + e.getMessage(), null, null, PluginMetrics.NONE, List.of()));
        }
        return statuses;
    }

    /** Why the jar is no OSGi bundle, or {@code null} when it is one. */
    static String notABundle(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                return "not an OSGi bundle: its manifest has no " + Constants.BUNDLE_SYMBOLICNAME
                        + "; build the plugin with bnd-maven-plugin or maven-bundle-plugin (see plugins-external/README.md)";
            }
            return null;
        } catch (IOException e) {
            return "not a readable jar: " + e.getMessage();
        }
    }

    @Override
    public PluginValidation validate(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return new PluginValidation(false, null, null, null, List.of("no such file: " + jar));
        }
        String notABundle = notABundle(jar);
        if (notABundle != null) {
            return new PluginValidation(false, null, null, null, List.of(notABundle));
        }
        Bundle installed = installedAlike(jar);
        if (installed != null) {
            return check(installed);
        }
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle("gstats-validate:" + jar.toUri() + "#" + System.nanoTime(), in);
        } catch (BundleException e) {
            return new PluginValidation(false, null, null, null, List.of("cannot be installed: " + e.getMessage()));
        } catch (IOException e) {
            return new PluginValidation(false, null, null, null, List.of("cannot read " + jar + ": " + e.getMessage()));
        }
        try {
            return check(bundle);
        } finally {
            uninstall(bundle);
        }
    }

    /**
     * The installed bundle with the jar's symbolic name and version, e.g. the jar itself dropped
     * into the plugin folder: the framework takes no second one, so that one answers for it.
     */
    private Bundle installedAlike(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            String symbolicName = main.getValue(Constants.BUNDLE_SYMBOLICNAME).split(";")[0].strip();
            Version version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
            for (Bundle bundle : context.getBundles()) {
                if (symbolicName.equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion())) {
                    return bundle;
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Asks the resolver about the bundle; its answer, and the plugin API it imports, decide. */
    private PluginValidation check(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        boolean resolved = wiring.resolveBundles(List.of(bundle));
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<String> problems = new ArrayList<>();
        if (!resolved) {
            problems.addAll(Requirements.unsatisfied(revision, context));
            if (problems.isEmpty()) {
                problems.add("the resolver refused it without naming a missing requirement");
            }
        }
        String apiRange = Requirements.apiRange(revision);
        // a bundle that imports an API package the resolver refused has its reason already
        if (apiRange == null && (resolved || !Requirements.importsApi(revision))) {
            problems.add("it imports no " + Requirements.API_PACKAGE + " package, so it cannot provide a gstats plugin");
        }
        return new PluginValidation(resolved && apiRange != null, bundle.getSymbolicName(),
                bundle.getVersion().toString(), apiRange, problems);
    }

    private void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                    .refreshBundles(List.of(bundle));
        } catch (BundleException e) {
            throw new IllegalStateException("cannot uninstall the bundle installed for validation: "
                    + e.getMessage(), e);
        }
    }
}
