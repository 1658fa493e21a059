package org.gstats.itests;

import static org.gstats.itests.GogoCommands.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import org.gstats.api.ScannerPlugin;
import org.gstats.api.notify.Notification;
import org.gstats.api.notify.NotificationPlugin;
import org.gstats.api.scan.ScanEngine;
import org.gstats.itests.GogoCommands.Outcome;
import org.gstats.itests.plugins.PluginJar;
import org.gstats.itests.plugins.SlowPlugin;
import org.gstats.itests.plugins.StallingPlugin;
import org.gstats.itests.plugins.ThrowingPlugin;
import org.gstats.itests.plugins.VersionedPlugin;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.FrameworkPropertyOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Hot deployment with the real FileInstall, watching a temporary folder: plugin jars built by
 * the test are dropped in, replaced and deleted while the system runs, and {@code gstats:plugins}
 * and {@code gstats:scan} follow. Each test leaves the folder as it found it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginHotDeployIT {

    /** The time budget the engine gets here, through a configuration FileInstall reads from the folder. */
    private static final String BUDGET_MS = "1500";
    private static final long WAIT_MS = TimeUnit.SECONDS.toMillis(30);

    @Inject
    private BundleContext context;

    private GogoCommands commands;
    private Path watched;
    private SampleRepository sample;

    @Configuration
    public Option[] configuration() throws IOException {
        Path folder = Files.createTempDirectory(SampleRepository.workDir(), "plugins-");
        // the engine's configuration, as a user drops it beside the plugins: FileInstall hands .cfg files to ConfigAdmin
        Files.writeString(folder.resolve("org.gstats.engine.cfg"), "pluginTimeBudgetMs=" + BUDGET_MS
                + "\nfailuresBeforeDisable=1000\n", StandardCharsets.UTF_8);
        List<Option> options = new ArrayList<>();
        for (Option option : ShippedSystem.options()) {
            if (!(option instanceof FrameworkPropertyOption property
                    && (property.getKey().equals("felix.fileinstall.dir")
                            || property.getKey().equals("felix.fileinstall.poll")))) {
                options.add(option);
            }
        }
        options.add(frameworkProperty("felix.fileinstall.dir").value(folder.toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("250"));
        return options.toArray(Option[]::new);
    }

    @Before
    public void setUp() throws Exception {
        commands = new GogoCommands(context);
        watched = Path.of(context.getProperty("felix.fileinstall.dir"));
        sample = SampleRepository.create(SampleRepository.workDir());
        awaitConfiguredEngine();
    }

    @Test
    public void droppedPluginIsUsedReplacedOneUpdatedDeletedOneGone() throws Exception {
        Path jar = PluginJar.of("com.example.gstats.hello", "1.0.0", VersionedPlugin.class)
                .property(VersionedPlugin.VERSION_PROPERTY, "1.0.0").dropInto(watched, "hello.jar");

        JsonObject listed = awaitPlugin(VersionedPlugin.NAME, p -> p.get("version").getAsString().equals("1.0.0"));
        assertEquals("active", listed.get("state").getAsString());
        assertEquals("[1.1.0,2.0.0)", listed.get("api_version").getAsString());
        assertEquals("1.0.0", helloVersion(scan("")));

        PluginJar.of("com.example.gstats.hello", "1.1.0", VersionedPlugin.class)
                .property(VersionedPlugin.VERSION_PROPERTY, "1.1.0").dropInto(watched, "hello.jar");

        awaitPlugin(VersionedPlugin.NAME, p -> p.get("version").getAsString().equals("1.1.0"));
        assertEquals("1.1.0", helloVersion(scan("")));

        Files.delete(jar);

        awaitGone(VersionedPlugin.NAME);
        assertFalse(scan("").getAsJsonObject("sections").has(VersionedPlugin.NAME));
    }

    @Test
    public void pluginBuiltForAnIncompatibleApiIsRejectedWithTheReasonAndGstatsKeepsWorking() throws Exception {
        Path jar = PluginJar.of("com.example.gstats.future", "3.0.0", VersionedPlugin.class).apiRange("[2.0,3)")
                .property(VersionedPlugin.VERSION_PROPERTY, "3.0.0").dropInto(watched, "future.jar");
        try {
            JsonObject rejected = awaitPlugin("com.example.gstats.future",
                    p -> p.get("state").getAsString().equals("rejected"));
            assertEquals("needs org.gstats.api [2.0.0,3.0.0), this gstats provides " + providedApi(),
                    rejected.get("reason").getAsString());
            assertEquals("[2.0.0,3.0.0)", rejected.get("api_version").getAsString());

            JsonObject report = scan("");
            assertTrue(report.getAsJsonObject("sections").has("commits"));
            assertFalse(report.getAsJsonObject("sections").has(VersionedPlugin.NAME));

            Outcome validation = commands.execute("plugin-validate", quote(jar));
            assertEquals(1, ((Number) validation.exit()).intValue());
            assertEquals("com.example.gstats.future 3.0.0 would not load: needs org.gstats.api [2.0.0,3.0.0), "
                    + "this gstats provides " + providedApi(), validation.failure().getMessage());
        } finally {
            Files.delete(jar);
        }
        awaitGone("com.example.gstats.future");
    }

    /**
     * A plugin built against a future {@code org.gstats.api.scan} alone (no {@code org.gstats.api}
     * import) is still a gstats plugin that does not fit: listed as rejected, and validated with
     * the same one reason, not also told it "imports no org.gstats.api package".
     */
    @Test
    public void pluginImportingOnlyAFutureScanApiIsListedAndRejectedForThatReason() throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "com.example.gstats.scanonly");
        main.putValue("Bundle-Version", "3.0.0");
        main.putValue("Import-Package", "org.gstats.api.scan;version=\"[3.0,4)\"");
        Path built = Files.createTempFile("scanonly", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(built), manifest)) {
            out.flush();
        }
        Path jar = Files.move(built, watched.resolve("scanonly.jar"));
        try {
            JsonObject rejected = awaitPlugin("com.example.gstats.scanonly",
                    p -> p.get("state").getAsString().equals("rejected"));
            assertTrue(rejected.get("reason").getAsString(),
                    rejected.get("reason").getAsString().startsWith("needs org.gstats.api.scan [3.0.0,4.0.0), this "
                            + "gstats provides 2."));

            Outcome validation = commands.execute("plugin-validate", quote(jar));
            assertEquals(1, ((Number) validation.exit()).intValue());
            assertEquals("com.example.gstats.scanonly 3.0.0 would not load: " + rejected.get("reason").getAsString(),
                    validation.failure().getMessage());
        } finally {
            Files.delete(jar);
        }
        awaitGone("com.example.gstats.scanonly");
    }

    @Test
    public void throwingAndStallingPluginsDoNotSpoilTheScan() throws Exception {
        Path thrower = PluginJar.of("com.example.gstats.thrower", "1.0.0", ThrowingPlugin.class)
                .dropInto(watched, "thrower.jar");
        Path staller = PluginJar.of("com.example.gstats.staller", "1.0.0", StallingPlugin.class)
                .dropInto(watched, "staller.jar");
        try {
            awaitPlugin(ThrowingPlugin.NAME, p -> true);
            awaitPlugin(StallingPlugin.NAME, p -> true);

            long start = System.nanoTime();
            JsonObject report = scan("");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(report.getAsJsonObject("sections").has("commits"));
            assertFalse(report.getAsJsonObject("sections").has(ThrowingPlugin.NAME));
            assertFalse(report.getAsJsonObject("sections").has(StallingPlugin.NAME));
            List<String> errors = new ArrayList<>();
            for (JsonElement error : report.getAsJsonArray("errors")) {
                errors.add(error.getAsJsonObject().get("plugin").getAsString() + ": "
                        + error.getAsJsonObject().get("message").getAsString());
            }
            assertEquals(List.of(
                    StallingPlugin.NAME + ": stalled: no answer within the time budget of " + BUDGET_MS
                            + " ms; dropped from this scan",
                    ThrowingPlugin.NAME + ": IllegalStateException: " + ThrowingPlugin.MESSAGE), errors);
            // the stalled plugin sleeps for two minutes; the scan waited for it no longer than its budget allows
            assertTrue("the scan took " + tookMs + " ms", tookMs < TimeUnit.MINUTES.toMillis(1));

            JsonObject listed = awaitPlugin(ThrowingPlugin.NAME, p -> p.get("state").getAsString().equals("failing"));
            assertEquals(1, listed.getAsJsonObject("metrics").get("failures").getAsLong());
        } finally {
            Files.delete(thrower);
            Files.delete(staller);
        }
        awaitGone(ThrowingPlugin.NAME);
        awaitGone(StallingPlugin.NAME);
    }

    @Test
    public void pluginRemovedDuringAScanIsDroppedFromItWithANote() throws Exception {
        Path jar = PluginJar.of("com.example.gstats.slow", "1.0.0", SlowPlugin.class).dropInto(watched, "slow.jar");
        awaitPlugin(SlowPlugin.NAME, p -> true);
        assertTrue("the sample keeps the slow plugin busy for seconds", sample.commitCount() >= 5);

        CountDownLatch started = new CountDownLatch(1);
        ServiceRegistration<NotificationPlugin> listener = context.registerService(NotificationPlugin.class,
                new NotificationPlugin() {
                    @Override
                    public String name() {
                        return "scan-start-listener";
                    }

                    @Override
                    public Set<String> topics() {
                        return Set.of(Notification.SCAN_STARTED);
                    }

                    @Override
                    public void onNotification(Notification notification) {
                        started.countDown();
                    }
                }, null);
        JsonObject report;
        try {
            CompletableFuture<JsonObject> scan = CompletableFuture.supplyAsync(() -> {
                try {
                    return scan("");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue("the scan started", started.await(WAIT_MS, TimeUnit.MILLISECONDS));
            Files.delete(jar);
            report = scan.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } finally {
            listener.unregister();
        }

        assertTrue(report.getAsJsonObject("sections").has("commits"));
        assertFalse(report.getAsJsonObject("sections").has(SlowPlugin.NAME));
        JsonObject note = report.getAsJsonArray("errors").get(0).getAsJsonObject();
        assertEquals(SlowPlugin.NAME, note.get("plugin").getAsString());
        assertEquals("removed during the scan (its bundle stopped); its results are left out",
                note.get("message").getAsString());
        awaitGone(SlowPlugin.NAME);
    }

    @Test
    public void jarThatIsNoBundleIsRefusedWithAMessage() throws Exception {
        Path jar = PluginJar.drop(PluginJar.notABundle(), watched, "plain.jar");
        try {
            JsonObject refused = awaitPlugin("plain.jar", p -> true);
            assertEquals("rejected", refused.get("state").getAsString());
            assertTrue(refused.get("reason").getAsString(),
                    refused.get("reason").getAsString().startsWith("not an OSGi bundle: its manifest has no "
                            + "Bundle-SymbolicName"));
            assertTrue(scan("").getAsJsonObject("sections").has("commits"));
        } finally {
            Files.delete(jar);
        }
        awaitGone("plain.jar");
    }

    @Test
    public void externalOwnershipPluginWorksWhenDroppedIn() throws Exception {
        Path built = Path.of(System.getProperty("gstats.ownership.jar"));
        Path jar = PluginJar.drop(Files.readAllBytes(built), watched, "ownership.jar");
        try {
            awaitPlugin("ownership", p -> true);

            JsonObject report = scan("--plugins ownership");

            assertEquals(List.of("ownership", "plugins"), List.copyOf(report.getAsJsonObject("sections").keySet()));
            JsonObject summary = report.getAsJsonObject("sections").getAsJsonObject("ownership")
                    .getAsJsonObject("summary");
            assertTrue(summary.get("files").getAsInt() > 0);
        } finally {
            Files.delete(jar);
        }
        awaitGone("ownership");
    }

    @Test
    public void notificationPluginHearsTheScanAsynchronouslyWhileItIsBlocked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Notification> heard = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        NotificationPlugin listener = new NotificationPlugin() {
            @Override
            public String name() {
                return "blocked-listener";
            }

            @Override
            public Set<String> topics() {
                return Set.of("org/gstats/scan/*");
            }

            @Override
            public void onNotification(Notification notification) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                heard.add(notification);
                if (notification.topic().equals(Notification.SCAN_FINISHED)) {
                    finished.countDown();
                }
            }
        };
        ServiceRegistration<NotificationPlugin> registration = context.registerService(NotificationPlugin.class,
                listener, null);
        try {
            // the listener blocks on the first notification: the scan finishes all the same
            JsonObject report = scan("");
            assertTrue(report.getAsJsonObject("sections").has("commits"));
            assertEquals("the blocked listener has not heard the scan finish yet", 1, finished.getCount());

            release.countDown();
            assertTrue("the listener heard the scan finish", finished.await(WAIT_MS, TimeUnit.MILLISECONDS));
            assertEquals(Notification.SCAN_STARTED, heard.get(0).topic());
            assertEquals(sample.dir().toString(), heard.get(0).properties().get(Notification.REPOSITORY));
            Notification last = heard.get(heard.size() - 1);
            assertEquals(Notification.SCAN_FINISHED, last.topic());
            assertEquals(report.getAsJsonObject("sections").getAsJsonObject("commits").getAsJsonObject("totals")
                    .get("commits").getAsLong(), ((Number) last.properties().get(Notification.COMMITS)).longValue());
        } finally {
            registration.unregister();
        }
    }

    private JsonObject scan(String options) throws Exception {
        Outcome outcome = commands.execute("scan", quote(sample.dir()) + " --format json --quiet " + options);
        assertNull(outcome.errors(), outcome.failure());
        assertEquals(0, ((Number) outcome.exit()).intValue());
        return JsonParser.parseString(outcome.output()).getAsJsonObject();
    }

    private static String helloVersion(JsonObject report) {
        JsonObject sections = report.getAsJsonObject("sections");
        assertTrue(sections.keySet().toString(), sections.has(VersionedPlugin.NAME));
        return sections.getAsJsonObject(VersionedPlugin.NAME).getAsJsonObject("build").get("version").getAsString();
    }

    private JsonArray listPlugins() throws Exception {
        Outcome outcome = commands.execute("plugins", "--format json");
        assertNull(outcome.errors(), outcome.failure());
        return JsonParser.parseString(outcome.output()).getAsJsonObject().getAsJsonArray("plugins");
    }

    /** Polls {@code gstats:plugins} until it lists the named plugin as the predicate wants it. */
    private JsonObject awaitPlugin(String name, Predicate<JsonObject> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        JsonArray last;
        do {
            last = listPlugins();
            for (JsonElement element : last) {
                JsonObject plugin = element.getAsJsonObject();
                if (plugin.get("name").getAsString().equals(name) && wanted.test(plugin)) {
                    return plugin;
                }
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("gstats:plugins did not list " + name + " as wanted within " + WAIT_MS + " ms: "
                + last);
    }

    private void awaitGone(String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (System.nanoTime() < deadline) {
            boolean listed = false;
            for (JsonElement element : listPlugins()) {
                listed |= element.getAsJsonObject().get("name").getAsString().equals(name);
            }
            if (!listed) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " is still listed " + WAIT_MS + " ms after its jar was deleted");
    }

    /** DS registers the engine with its configuration's properties once ConfigAdmin delivered the file's. */
    private void awaitConfiguredEngine() throws Exception {
        ServiceTracker<ScanEngine, ScanEngine> engines = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(&(objectClass=" + ScanEngine.class.getName() + ")(pluginTimeBudgetMs="
                        + BUDGET_MS + "))"), null);
        engines.open();
        try {
            assertNotNull("the engine runs with the configuration from the plugin folder",
                    engines.waitForService(WAIT_MS));
        } finally {
            engines.close();
        }
    }

    /** The version of {@code org.gstats.api} the shipped API bundle exports. */
    private static String providedApi() {
        BundleRevision api = FrameworkUtil.getBundle(ScannerPlugin.class).adapt(BundleRevision.class);
        return api.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(export -> export.getAttributes())
                .filter(attributes -> "org.gstats.api".equals(attributes.get(PackageNamespace.PACKAGE_NAMESPACE)))
                .map(attributes -> String.valueOf(attributes.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)))
                .findFirst().orElseThrow();
    }
}
