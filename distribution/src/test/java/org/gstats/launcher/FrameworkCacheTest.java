package org.gstats.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Which framework cache a run gets: its own slot, reused only when complete for the same jars. */
public class FrameworkCacheTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path cacheHome;
    private Path installation;
    private List<Path> jars;

    @Before
    public void installation() throws IOException {
        cacheHome = temp.newFolder("cache").toPath();
        installation = temp.newFolder("gstats").toPath();
        Path bundles = Files.createDirectories(installation.resolve("bundle"));
        jars = List.of(Files.writeString(bundles.resolve("a.jar"), "a"), Files.writeString(bundles.resolve("b.jar"), "b"));
    }

    private FrameworkCache cache() throws IOException {
        return FrameworkCache.locate(null, cacheHome.toString(), "/nonexistent", installation, jars).orElseThrow();
    }

    @Test
    public void aNewSlotIsFreshAndCompleteOnlyOnceInstalled() throws IOException {
        FrameworkCache.Slot first;
        try (FrameworkCache.Slot slot = cache().claim().orElseThrow()) {
            first = slot;
            assertFalse(slot.reused());
            assertTrue(slot.frameworkStorage().startsWith(cacheHome.resolve("gstats")));
            Files.createDirectories(slot.frameworkStorage().resolve("bundle1"));
        }
        // killed before every bundle was installed: started afresh, emptied
        try (FrameworkCache.Slot slot = cache().claim().orElseThrow()) {
            assertEquals(first.frameworkStorage(), slot.frameworkStorage());
            assertFalse(slot.reused());
            assertFalse(Files.exists(slot.frameworkStorage().resolve("bundle1")));
            Files.createDirectories(slot.frameworkStorage().resolve("bundle1/data/checkout-1"));
            Files.writeString(slot.frameworkStorage().resolve("bundle1/bundle.info"), "kept");
            Files.createDirectories(slot.frameworkStorage().resolve("bundle2/data"));
            Files.writeString(slot.frameworkStorage().resolve("bundle2/data/" + FrameworkCache.SCR_METADATA_STORE),
                    "parsed");
            Files.createDirectories(slot.frameworkStorage().resolve("bundle3/data/" + FrameworkCache.SCR_METADATA_STORE));
            Files.createDirectories(slot.frameworkStorage().resolve("bundle4/data"));
            Files.writeString(slot.frameworkStorage().resolve("bundle4/data/"
                    + FrameworkCache.CONFIG_PARSED_DEFAULTS), "read");
            Files.writeString(slot.frameworkStorage().resolve("bundle4/data/"
                    + FrameworkCache.CONFIG_PARSED_DEFAULTS + ".part"), "half");
            slot.installed();
        }
        try (FrameworkCache.Slot slot = cache().claim().orElseThrow()) {
            assertTrue(slot.reused());
            assertEquals("kept", Files.readString(slot.frameworkStorage().resolve("bundle1/bundle.info")));
            // what bundles left in their data areas (a killed scan's checkout) is gone
            assertTrue(Files.isDirectory(slot.frameworkStorage().resolve("bundle1/data")));
            assertFalse(Files.exists(slot.frameworkStorage().resolve("bundle1/data/checkout-1")));
            // but SCR's parsed component descriptions stay, and only as the file SCR writes
            assertEquals("parsed", Files.readString(slot.frameworkStorage().resolve("bundle2/data/"
                    + FrameworkCache.SCR_METADATA_STORE)));
            assertFalse(Files.exists(slot.frameworkStorage().resolve("bundle3/data/"
                    + FrameworkCache.SCR_METADATA_STORE)));
            // and gstats-config's read of the defaults file, but not a half-written one
            assertEquals("read", Files.readString(slot.frameworkStorage().resolve("bundle4/data/"
                    + FrameworkCache.CONFIG_PARSED_DEFAULTS)));
            assertFalse(Files.exists(slot.frameworkStorage().resolve("bundle4/data/"
                    + FrameworkCache.CONFIG_PARSED_DEFAULTS + ".part")));
        }
    }

    @Test
    public void concurrentRunsTakeDifferentSlotsAndTheFifthStartsFresh() throws IOException {
        List<FrameworkCache.Slot> held = new ArrayList<>();
        try {
            for (int i = 0; i < FrameworkCache.SLOTS; i++) {
                FrameworkCache.Slot slot = cache().claim().orElseThrow();
                assertTrue(held.stream().noneMatch(other -> other.frameworkStorage().equals(slot.frameworkStorage())));
                held.add(slot);
            }
            assertEquals(Optional.empty(), cache().claim());
        } finally {
            held.forEach(FrameworkCache.Slot::close);
        }
    }

    @Test
    public void aChangedJarMeansAnotherCacheAndTheEarlierOneIsRemoved() throws IOException {
        Path earlier;
        try (FrameworkCache.Slot slot = cache().claim().orElseThrow()) {
            earlier = slot.frameworkStorage().getParent();
            slot.installed();
        }
        Files.writeString(jars.get(1), "b, rebuilt");
        Files.setLastModifiedTime(jars.get(1), FileTime.fromMillis(System.currentTimeMillis() + 10_000));

        try (FrameworkCache.Slot slot = cache().claim().orElseThrow()) {
            assertFalse(slot.reused());
            assertNotEquals(earlier, slot.frameworkStorage().getParent());
            assertFalse(Files.exists(earlier));
        }
    }

    @Test
    public void otherInstallationsSlotsGoOnceUnusedForAMonthUnlessHeld() throws IOException {
        Path other = temp.newFolder("other-gstats").toPath();
        Path otherJar = Files.writeString(Files.createDirectories(other.resolve("bundle")).resolve("a.jar"), "a");
        FrameworkCache otherCache = FrameworkCache.locate(null, cacheHome.toString(), "/nonexistent", other,
                List.of(otherJar)).orElseThrow();
        List<Path> slots = new ArrayList<>();
        List<FrameworkCache.Slot> claimed = new ArrayList<>();
        for (int i = 0; i < FrameworkCache.SLOTS; i++) {
            claimed.add(otherCache.claim().orElseThrow());
        }
        for (FrameworkCache.Slot slot : claimed) {
            slot.installed();
            slots.add(slot.frameworkStorage().getParent());
            slot.close();
        }
        FrameworkCache.Slot held = otherCache.claim().orElseThrow();
        assertEquals(slots.get(0), held.frameworkStorage().getParent());
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(FrameworkCache.UNUSED_DAYS + 1)));
        for (Path slot : slots.subList(0, 3)) {
            Files.setLastModifiedTime(slot.resolveSibling(slot.getFileName() + ".lock"), longAgo);
        }
        List<Path> abandoned = slots.subList(1, 3);
        Path recent = slots.get(3);

        try (held; FrameworkCache.Slot slot = cache().claim().orElseThrow()) {
            assertFalse(slot.reused());
            for (Path gone : abandoned) {
                assertFalse(gone.toString(), Files.exists(gone));
                assertFalse(gone.toString(), Files.exists(gone.resolveSibling(gone.getFileName() + ".lock")));
            }
            assertTrue(Files.exists(held.frameworkStorage().getParent()));
            assertTrue(Files.exists(recent));
        }
    }

    @Test
    public void aResetSlotIsFreshAndStaysUsable() throws IOException {
        try (FrameworkCache.Slot slot = cache().claim().orElseThrow()) {
            Files.createDirectories(slot.frameworkStorage().resolve("bundle3"));
            slot.installed();
        }
        try (FrameworkCache.Slot slot = cache().claim().orElseThrow()) {
            assertTrue(slot.reused());
            slot.reset();
            assertFalse(slot.reused());
            assertFalse(Files.exists(slot.frameworkStorage().resolve("bundle3")));
            slot.installed();
        }
        try (FrameworkCache.Slot slot = cache().claim().orElseThrow()) {
            assertTrue(slot.reused());
        }
    }

    @Test
    public void offOrNoHomeMeansNoCache() throws IOException {
        assertEquals(Optional.empty(), FrameworkCache.locate("off", cacheHome.toString(), "/root", installation, jars));
        assertEquals(Optional.empty(), FrameworkCache.locate(null, null, "?", installation, jars));
        // a relative XDG_CACHE_HOME is ignored, as the XDG rules say: the home folder's .cache
        Path home = temp.newFolder("home").toPath();
        try (FrameworkCache.Slot slot = FrameworkCache.locate(null, "relative", home.toString(), installation, jars)
                .orElseThrow().claim().orElseThrow()) {
            assertTrue(slot.frameworkStorage().startsWith(home.resolve(".cache/gstats")));
        }
    }

    @Test
    public void anUnwritableCacheFolderMeansNoSlot() throws IOException {
        Path file = Files.writeString(temp.getRoot().toPath().resolve("not-a-folder"), "");
        assertEquals(Optional.empty(),
                FrameworkCache.locate(null, file.toString(), null, installation, jars).orElseThrow().claim());
    }
}
