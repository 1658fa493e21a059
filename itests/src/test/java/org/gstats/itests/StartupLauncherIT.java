package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

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
