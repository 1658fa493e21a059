package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code bin/gstats} on the framework cache it keeps between runs: concurrent runs on a cold cache,
 * a run that reuses one, and nothing of an earlier run (a plugin) carried into the next.
 */
public class StartupLauncherIT {

    /** Lines the launcher prints with this property: which storage the framework got. */
    private static final String TRACE = "-Dgstats.startup.trace=true";
    private static final String REUSED = "framework cache reused";
    private static final String FRESH = "framework storage created";

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static Path launcher;
    private static SampleRepository sample;

    @BeforeClass
    public static void createRepository() {
        launcher = ShippedSystem.distribution().resolve("bin/gstats");
        sample = SampleRepository.create(TEMP.getRoot().toPath());
    }

    private static LauncherIT.Run gstats(Path cacheHome, String... arguments) {
        return LauncherIT.run(launcher, sample.dir(), Map.of("XDG_CACHE_HOME", cacheHome.toString(), "JAVA_OPTS",
                TRACE), "", arguments);
    }

    @Test
    public void twoRunsStartingAtOnceOnAColdCacheBothSucceedAndTheNextReusesIt() throws Exception {
        Path cacheHome = TEMP.newFolder("cold-cache").toPath();
        String[] scan = {"scan", sample.dir().toString(), "--format", "json", "--quiet", "--no-store"};

        CompletableFuture<LauncherIT.Run> first = CompletableFuture.supplyAsync(() -> gstats(cacheHome, scan));
        CompletableFuture<LauncherIT.Run> second = CompletableFuture.supplyAsync(() -> gstats(cacheHome, scan));

        for (LauncherIT.Run run : List.of(first.join(), second.join())) {
            assertEquals(run.stderr(), 0, run.exit());
            assertTrue(run.stderr(), run.stderr().contains(FRESH));
            assertEquals(sample.commitCount(), commits(run.stdout()));
        }
        // each took a cache of its own: two slots, each complete
        assertEquals(2, slots(cacheHome).size());

        LauncherIT.Run next = gstats(cacheHome, scan);
        assertEquals(next.stderr(), 0, next.exit());
        assertTrue(next.stderr(), next.stderr().contains(REUSED));
        assertEquals(commitsSection(first.join().stdout()), commitsSection(next.stdout()));
        // SCR's parsed component descriptions (ds.cache.metadata) and gstats-config's read of the
        // defaults file outlive the slot's emptied data areas
        for (Path slot : slots(cacheHome)) {
            assertTrue(slot.toString(), hasKeptFile(slot, "componentMetadataStore"));
            assertTrue(slot.toString(), hasKeptFile(slot, "parsed-defaults"));
        }
    }

    /**
     * A direct scan's process loads JGit's process-wide state while its framework starts (the launcher's
     * property and the scanner's JGitWarmUp.PROPERTY must name the same, or this fails).
     */
    @Test
    public void aDirectScanLoadsJGitsStateWhileTheFrameworkStarts() throws IOException {
        Path cacheHome = TEMP.newFolder("warm-up").toPath();

        LauncherIT.Run run = gstats(cacheHome, "scan", sample.dir().toString(), "--format", "json", "--no-store", "-v");

        assertEquals(run.stderr(), 0, run.exit());
        assertEquals(sample.commitCount(), commits(run.stdout()));
        assertTrue(run.stderr(), run.stderr().contains(
                "JGit's git configurations and messages loaded beside the framework's start"));
    }

    @Test
    public void aPluginOfAnEarlierRunIsNotCarriedIntoTheNext() throws IOException {
        Path cacheHome = TEMP.newFolder("plugin-cache").toPath();
        Path plugins = TEMP.newFolder("plugins-with-ownership").toPath();
        Files.copy(Path.of(System.getProperty("gstats.ownership.jar")), plugins.resolve("ownership.jar"));
        Path empty = TEMP.newFolder("no-plugins").toPath();

        LauncherIT.Run with = gstats(cacheHome, "--plugin-dir", plugins.toString(), "plugins", "--format", "json");
        LauncherIT.Run without = gstats(cacheHome, "--plugin-dir", empty.toString(), "plugins", "--format", "json");
        LauncherIT.Run again = gstats(cacheHome, "--plugin-dir", plugins.toString(), "plugins", "--format", "json");

        assertEquals(with.stderr(), 0, with.exit());
        assertTrue(with.stdout(), names(with.stdout()).contains("ownership"));
        assertEquals(without.stderr(), 0, without.exit());
        assertTrue(without.stderr(), without.stderr().contains(REUSED));
        assertFalse(without.stdout(), names(without.stdout()).contains("ownership"));
        assertEquals(again.stderr(), 0, again.exit());
        assertTrue(again.stdout(), names(again.stdout()).contains("ownership"));
    }

    @Test
    public void offStartsEveryRunFreshAndKeepsNoCache() throws IOException {
        Path cacheHome = TEMP.newFolder("cache-off").toPath();

        LauncherIT.Run run = LauncherIT.run(launcher, sample.dir(), Map.of("XDG_CACHE_HOME", cacheHome.toString(),
                "JAVA_OPTS", TRACE, "GSTATS_FRAMEWORK_CACHE", "off"), "", "plugins");

        assertEquals(run.stderr(), 0, run.exit());
        assertTrue(run.stderr(), run.stderr().contains(FRESH));
        assertEquals(List.of(), slots(cacheHome));
    }

    @Test
    public void theClassArchiveHoldsTheBundleClassesTheVerifierLoadedWithoutLinking() throws IOException {
        Path cacheHome = TEMP.newFolder("class-archive").toPath();
        String[] scan = {"scan", sample.dir().toString(), "--format", "json", "--quiet", "--no-store"};

        LauncherIT.Run first = gstats(cacheHome, scan);
        Path loaded = TEMP.getRoot().toPath().resolve("loaded-classes.log");
        LauncherIT.Run next = LauncherIT.run(launcher, sample.dir(), Map.of("XDG_CACHE_HOME", cacheHome.toString(),
                "JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded + ":none"), "", scan);

        assertEquals(first.stderr(), 0, first.exit());
        assertTrue(first.stderr(), first.stderr().contains("bundle classes linked for the class archive"));
        assertEquals(next.stderr(), 0, next.exit());
        assertEquals(commitsSection(first.stdout()), commitsSection(next.stdout()));
        // JGit's classes (about a hundred of them were only loaded, for the verifier, and never
        // linked, so the dump at exit left them out) all come from the archive now
        List<String> fromJar = Files.readAllLines(loaded).stream()
                .filter(line -> line.startsWith("org.eclipse.jgit.") && line.contains(" source: file:")).toList();
        assertEquals(List.of(), fromJar);
        // the log of the run that wrote the archive is gone with it
        try (Stream<Path> files = Files.list(cacheHome.resolve("gstats"))) {
            assertEquals(List.of(), files.filter(file -> file.toString().endsWith(".classes")).toList());
        }
    }

    @Test
    public void onJava25TheAheadOfTimeCacheHoldsTheBundleClassesAndJavaWarnsOfNothing() throws IOException {
        Path java = newerJava();
        Assume.assumeTrue("no Java 25 or later: set gstats.java25.home, or install one under /usr/lib/jvm",
                java != null);
        Path cacheHome = TEMP.newFolder("ahead-of-time-cache").toPath();
        String[] scan = {"scan", sample.dir().toString(), "--format", "json", "--quiet", "--no-store"};
        Map<String, String> onJava = Map.of("XDG_CACHE_HOME", cacheHome.toString(), "JAVA_HOME", java.toString());

        LauncherIT.Run first = LauncherIT.run(launcher, sample.dir(), onJava, "", scan);
        Path loaded = TEMP.getRoot().toPath().resolve("aot-loaded-classes.log");
        Map<String, String> logged = new HashMap<>(onJava);
        logged.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded + ":none");
        LauncherIT.Run next = LauncherIT.run(launcher, sample.dir(), logged, "", scan);

        // nothing on stderr: neither Java's warnings of sun.misc.Unsafe nor the cache's own lines
        assertEquals(first.stderr(), 0, first.exit());
        assertEquals("", first.stderr());
        assertEquals(next.stderr(), 0, next.exit());
        assertEquals("", next.stderr());
        assertEquals(commitsSection(first.stdout()), commitsSection(next.stdout()));
        // the cache alone: the training's configuration and log of loaded classes go once it is created
        try (Stream<Path> files = Files.list(cacheHome.resolve("gstats"))) {
            assertEquals(1, files.filter(file -> file.getFileName().toString().startsWith("classes-")).count());
        }
        assertTrue(Files.isRegularFile(onlyCache(cacheHome)));
        List<String> lines = Files.readAllLines(loaded);
        assertTrue(lines.stream().anyMatch(line -> line.contains(" source: shared objects file")));
        assertEquals(List.of(), lines.stream()
                .filter(line -> line.startsWith("org.eclipse.jgit.") && line.contains(" source: file:")).toList());
    }

    private static Path onlyCache(Path cacheHome) throws IOException {
        try (Stream<Path> files = Files.list(cacheHome.resolve("gstats"))) {
            return files.filter(file -> file.getFileName().toString().matches("classes-.*\\.aot")).findFirst()
                    .orElseThrow(() -> new AssertionError("no ahead-of-time cache in " + cacheHome));
        }
    }

    /** A Java 25 or later: gstats.java25.home, else the newest under /usr/lib/jvm; null when there is none. */
    private static Path newerJava() throws IOException {
        String named = System.getProperty("gstats.java25.home", "");
        if (!named.isEmpty()) {
            return Path.of(named);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && feature(home) >= 25)
                    .max(Comparator.comparingInt(StartupLauncherIT::feature)).orElse(null);
        }
    }

    /** The feature release its release file names, 0 when it names none. */
    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String digits = line.substring("JAVA_VERSION=".length()).replace("\"", "").split("\\.")[0];
                    return digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
                }
            }
        } catch (IOException e) {
            // a folder without a readable release file is no candidate
        }
        return 0;
    }

    /** The framework cache slots under {@code cacheHome}, complete ones only. */
    private static List<Path> slots(Path cacheHome) throws IOException {
        Path root = cacheHome.resolve("gstats");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("felix-"))
                    .filter(entry -> Files.isRegularFile(entry.resolve("complete"))).sorted().toList();
        }
    }

    /** Whether a bundle left this file in its data area of this slot. */
    private static boolean hasKeptFile(Path slot, String name) throws IOException {
        try (Stream<Path> files = Files.walk(slot.resolve("felix"), 3)) {
            return files.anyMatch(file -> file.getFileName().toString().equals(name)
                    && file.getParent().getFileName().toString().equals("data") && Files.isRegularFile(file));
        }
    }

    private static int commits(String json) {
        return commitsSection(json).getAsJsonObject("totals").get("commits").getAsInt();
    }

    private static JsonObject commitsSection(String json) {
        return JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("sections").getAsJsonObject("commits");
    }

    private static List<String> names(String json) {
        return JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("plugins").asList().stream()
                .map(JsonElement::getAsJsonObject).map(plugin -> plugin.get("name").getAsString()).toList();
    }
}
