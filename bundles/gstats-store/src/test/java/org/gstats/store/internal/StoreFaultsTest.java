package org.gstats.store.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gstats.api.PluginDataRequirements;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoreSession;
import org.gstats.testkit.GitRepo;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What a damaged, locked or full store does: the session refuses in one line (the engine then
 * scans cold), leaves the store as it was, and what it had recorded before still replays exactly.
 */
public class StoreFaultsTest {

    private static final GitRepo.Person ANN = new GitRepo.Person("Ann", "ann@example.com");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final StoredScanTest scans = new StoredScanTest();

    @Test
    public void aCorruptStoreIsRefusedInOneLineAndLeftAsItWas() throws Exception {
        Path file = temp.getRoot().toPath().resolve("store.mv.db");
        byte[] garbage = "this is not an H2 database\n".repeat(200).getBytes();
        Files.write(file, garbage);
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(temp.getRoot().toPath().resolve("store")),
                "scanner 1");

        StoreException refused = assertThrows(StoreException.class,
                () -> store.open(ScanRequest.builder(repo().dir()).build()));
        assertOneLine(refused);
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    public void aTruncatedStoreIsRefusedOrReplaysOnlyWhatItStillHolds() throws Exception {
        GitRepo repo = repo();
        Path base = temp.getRoot().toPath().resolve("store");
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(base), "scanner 1");
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanStored(store, request);
        Path file = Path.of(base + ".mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        try {
            StoredScanTest.Recorded rescan = scans.scanStored(store, request);
            assertEquals(scans.events(request, null), rescan.events);
        } catch (StoreException refused) {
            assertOneLine(refused);
        }
    }

    @Test
    public void aStoreInUseByAnotherProcessIsRefusedInOneLine() throws Exception {
        GitRepo repo = repo();
        Path base = temp.getRoot().toPath().resolve("store");
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(base), "scanner 1");
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanStored(store, request);

        Process other = holding(base);
        try {
            StoreException refused = assertThrows(StoreException.class, () -> store.open(request));
            assertOneLine(refused);
            assertTrue(refused.getMessage(), refused.getMessage().contains("in use"));
        } finally {
            quit(other);
        }
        // and once the other process is gone, the store replays again
        assertRescanIsCold(store, request);
    }

    /**
     * A store that is not there yet is not read: the scan runs from nothing (as it would from the
     * empty store) while the store is created beside it, in a folder that is not there either, and
     * the scan is stored whole.
     */
    @Test
    public void aNewStoreIsCreatedBesideTheScanAndStoresItWhole() throws Exception {
        GitRepo repo = repo();
        Path base = temp.getRoot().toPath().resolve("new").resolve("store");
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(base), "scanner 1");
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        Path file = Path.of(base + ".mv.db");

        StoredScanTest.Events events = new StoredScanTest.Events();
        try (StoreSession session = store.open(request)) {
            scans.scanner.scan(request, PluginDataRequirements.NONE, new StoredScanTest.Both(events, session), session);
            session.finish(report(request));
        }
        assertEquals(scans.events(request, null), events.lines);
        assertTrue(Files.exists(file));
        assertEquals(1, store.history(repo.dir()).size());
        assertRescanIsCold(store, request);
    }

    /**
     * A new store that cannot be created where it is asked for (its folder would be inside a
     * regular file; as for a read-only folder, which root, as CI runs, could write) fails the
     * write in one line: the scan's events are a cold scan's, and nothing is created.
     */
    @Test
    public void aNewStoreThatCannotBeCreatedFailsTheWriteInOneLine() throws Exception {
        GitRepo repo = repo();
        Path notAFolder = temp.newFile("not-a-folder").toPath();
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(notAFolder.resolve("store")), "scanner 1");
        ScanRequest request = ScanRequest.builder(repo.dir()).build();

        StoredScanTest.Events events = new StoredScanTest.Events();
        try (StoreSession session = store.open(request)) {
            scans.scanner.scan(request, PluginDataRequirements.NONE, new StoredScanTest.Both(events, session), session);
            StoreException refused = assertThrows(StoreException.class, () -> session.finish(report(request)));
            assertOneLine(refused);
            assertEquals("cannot create the store at " + StoreLocation.h2Url(notAFolder.resolve("store")) + ": "
                    + notAFolder + " is not a folder (give --store a path in a folder you may write)",
                    refused.getMessage());
        }
        assertEquals(scans.events(request, null), events.lines);
        assertTrue(Files.isRegularFile(notAFolder));
        assertEquals(0, Files.size(notAFolder));
    }

    /**
     * A rescan holds the store from its open to its write (H2 opens the file once a scan): another
     * process that opens it meanwhile is refused in one line (its scan runs without the store), and
     * this scan's write, on the connection it opened, is not.
     */
    @Test
    public void anotherProcessOpeningTheStoreDuringARescanIsRefusedAndTheRescanStores() throws Exception {
        GitRepo repo = repo();
        Path base = temp.getRoot().toPath().resolve("store");
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(base), "scanner 1");
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanStored(store, request);

        StoredScanTest.Events events = new StoredScanTest.Events();
        try (StoreSession session = store.open(request)) {
            Process other = shell(base);
            try {
                String said = prompted(other);
                assertTrue("the other process was refused: " + said, said != null && said.contains("already in use"));
            } finally {
                quit(other);
            }
            scans.scanner.scan(request, PluginDataRequirements.NONE, new StoredScanTest.Both(events, session), session);
            session.finish(report(request));
        }
        assertEquals(scans.events(request, null), events.lines);
        assertEquals(2, store.history(repo.dir()).size());
        assertRescanIsCold(store, request);
    }

    /**
     * A rescan connects to the store once: its write goes on the connection its open read from
     * (H2 closing an embedded database with its last connection and opening it again cost a
     * short scan's writer about 50 ms).
     */
    @Test
    public void aRescanConnectsToTheStoreOnce() throws Exception {
        GitRepo repo = repo();
        AtomicInteger connections = new AtomicInteger();
        String url = StoreLocation.h2Url(temp.getRoot().toPath().resolve("store"));
        ScanStoreImpl store = Stores.countingConnections(url, connections);
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanStored(store, request);
        repo.write("b.txt", "two\n").commit("second", ANN);

        connections.set(0);
        StoredScanTest.Recorded rescan = scans.scanStored(store, request);
        assertEquals(scans.events(request, null), rescan.events);
        assertEquals(1, connections.get());
        assertEquals(2, store.history(repo.dir()).size());
    }

    /**
     * A direct scan's process connects to the configured store while it starts
     * ({@link ScanStoreImpl#connectEarly}): a scan of that store takes the connection, and H2 is
     * still connected to once a scan, with the cold scan's events.
     */
    @Test
    public void aScanOfTheConfiguredStoreTakesTheConnectionMadeEarly() throws Exception {
        GitRepo repo = repo();
        AtomicInteger connections = new AtomicInteger();
        ScanStoreImpl store = Stores.countingConnections(
                StoreLocation.h2Url(temp.getRoot().toPath().resolve("store")), connections);
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        rescanWithTheConnectionMadeEarly(repo, store, request, null, connections);
        assertEquals(2, store.history(repo.dir()).size());
    }

    /**
     * The launcher has a scan that names its store with {@code --store} connect to that one early:
     * the scan takes the connection, and the configured store is not opened at all.
     */
    @Test
    public void aScanOfTheStoreItNamesTakesTheConnectionMadeEarlyToIt() throws Exception {
        GitRepo repo = repo();
        AtomicInteger connections = new AtomicInteger();
        Path configured = temp.getRoot().toPath().resolve("configured");
        ScanStoreImpl store = Stores.countingConnections(StoreLocation.h2Url(configured), connections);
        String named = StoreLocation.h2Url(temp.getRoot().toPath().resolve("named"));
        ScanRequest request = ScanRequest.builder(repo.dir()).settings("store", java.util.Map.of("url", named))
                .build();
        rescanWithTheConnectionMadeEarly(repo, store, request, named, connections);
        assertFalse(Files.exists(Path.of(configured + ".mv.db")));
    }

    /**
     * What the early connection reads of a repository ({@link StoreSessionImpl#prefetch}) is what the
     * open would read, and the open takes it only for the repository and settings it was read for.
     */
    @Test
    public void whatIsReadEarlyIsTheOpensOwnReadAndUsedOnlyForItsRepositoryAndSettings() throws Exception {
        GitRepo repo = repo();
        String path = repo.dir().toAbsolutePath().normalize().toString();
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(temp.getRoot().toPath().resolve("store")),
                "scanner 1");
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanStored(store, request);
        int commits = Integer.parseInt(repo.git("rev-list", "--count", "HEAD").strip());
        Database database = store.database(null);

        StoreSessionImpl.Prefetched read;
        try (java.sql.Connection connection = database.open()) {
            assertNull(StoreSessionImpl.prefetch(connection, List.of(temp.getRoot().getAbsolutePath())));
            read = StoreSessionImpl.prefetch(connection, List.of(temp.getRoot().getAbsolutePath(), path));
        }
        assertEquals(path, read.repository());
        assertEquals(commits, read.settled().changes().size());
        assertNotNull(read.walk());

        ChangeSettings settings = ChangeSettings.of(request, "scanner 1");
        // taken as read: a stand-in with nothing in it shows which the open used
        StoreSessionImpl.Prefetched empty = new StoreSessionImpl.Prefetched(path, read.repositoryId(),
                read.settingsId(), RecordedChanges.Read.none(), null);
        assertEquals(0, openedKnowing(database, empty, settings, path));
        assertEquals(commits, openedKnowing(database, read, settings, path));
        // read for other settings, or another repository: the open reads for itself
        assertEquals(commits, openedKnowing(database, new StoreSessionImpl.Prefetched(path, read.repositoryId(),
                read.settingsId() + 1, RecordedChanges.Read.none(), null), settings, path));
        assertEquals(commits, openedKnowing(database, new StoreSessionImpl.Prefetched(path,
                read.repositoryId() + 1, read.settingsId(), RecordedChanges.Read.none(), null), settings, path));
    }

    /** How many commits' changes a session opened with {@code prefetched} knows. */
    private int openedKnowing(Database database, StoreSessionImpl.Prefetched prefetched, ChangeSettings settings,
            String path) throws Exception {
        try (StoreSessionImpl session = StoreSessionImpl.open(database, null, prefetched, settings, path, null,
                temp.getRoot().toPath(), null)) {
            return session.knownCommits();
        }
    }

    /**
     * Scans, adds a commit, connects early to the store at {@code url} (null: the configured one)
     * and rescans: H2 connected to once, the cold scan's events; then the store is deactivated.
     */
    private void rescanWithTheConnectionMadeEarly(GitRepo repo, ScanStoreImpl store, ScanRequest request,
            String url, AtomicInteger connections) throws Exception {
        scans.scanStored(store, request);
        repo.write("b.txt", "two\n").commit("second", ANN);

        connections.set(0);
        // where the launcher would say the repository may be: a folder the store does not hold first
        store.connectEarly(url, List.of(temp.getRoot().getAbsolutePath(),
                repo.dir().toAbsolutePath().normalize().toString()));
        StoredScanTest.Recorded rescan = scans.scanStored(store, request);
        assertEquals(scans.events(request, null), rescan.events);
        assertEquals(1, connections.get());
        store.deactivate();
    }

    /**
     * A scan that names another store, or runs without one, has the connection made early closed:
     * the configured file is not left locked to other processes for the rest of the run.
     */
    @Test
    public void aScanOfAnotherStoreOrNoneLeavesTheConfiguredOneFree() throws Exception {
        GitRepo repo = repo();
        Path base = temp.getRoot().toPath().resolve("store");
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(base), "scanner 1");
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanStored(store, request);

        store.connectEarly(null, List.of());
        Path other = temp.getRoot().toPath().resolve("other");
        ScanRequest elsewhere = ScanRequest.builder(repo.dir())
                .settings("store", java.util.Map.of("url", StoreLocation.h2Url(other))).build();
        StoredScanTest.Recorded there = scans.scanStored(store, elsewhere);
        assertEquals(scans.events(elsewhere, null), there.events);
        quit(holdingOnceFree(base));

        store.connectEarly(null, List.of());
        assertFalse(store.enabled(ScanRequest.builder(repo.dir())
                .settings("store", java.util.Map.of("enabled", false)).build()));
        quit(holdingOnceFree(base));
        store.deactivate();
    }

    /**
     * The connection made early is neither migrated nor checked (the scan may use another store):
     * the scan that takes it checks it, and a store a newer gstats wrote is refused in the same one
     * line as without it.
     */
    @Test
    public void aConnectionMadeEarlyIsCheckedByTheScanThatTakesIt() throws Exception {
        GitRepo repo = repo();
        Path base = temp.getRoot().toPath().resolve("store");
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(base), "scanner 1");
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanStored(store, request);
        try (java.sql.Connection connection = store.database(null).open();
                java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE store_schema SET version = 99");
            connection.commit();
        }

        store.connectEarly(null, List.of());
        StoreException refused = assertThrows(StoreException.class, () -> store.open(request));
        assertOneLine(refused);
        assertTrue(refused.getMessage(), refused.getMessage().contains("newer gstats (schema 99"));
        store.deactivate();
        quit(holdingOnceFree(base));
    }

    /** A store that is not there yet is not made early: the scan may name another, or none. */
    @Test
    public void noStoreIsCreatedEarly() throws Exception {
        Path base = temp.getRoot().toPath().resolve("new").resolve("store");
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(base), "scanner 1");
        store.connectEarly(null, List.of());
        store.deactivate();
        assertFalse(Files.exists(base.getParent()));
    }

    /**
     * Another process holding the store, once this one has let it go: the connection made early
     * is closed as soon as it is made, which the test cannot see from outside, so it asks again
     * for a while (a store never let go fails the test).
     */
    private static Process holdingOnceFree(Path base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Process other = shell(base);
            String refused = prompted(other);
            if (refused == null) {
                return other;
            }
            quit(other);
            if (System.nanoTime() > deadline) {
                fail("the store stayed locked: " + refused);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Another process opens the store while this scan, which found no store when it started,
     * creates it: one of them has it. When the other does, this scan's write is refused in one
     * line; when this one does, the other is refused. The scan's events are whole either way, and
     * the next scan, the other process gone, stores or replays it.
     */
    @Test
    public void aNewStoreOpenedByAnotherProcessDuringTheScanIsOneOfTheirs() throws Exception {
        GitRepo repo = repo();
        Path base = temp.getRoot().toPath().resolve("store");
        ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(base), "scanner 1");
        ScanRequest request = ScanRequest.builder(repo.dir()).build();

        StoredScanTest.Events events = new StoredScanTest.Events();
        try (StoreSession session = store.open(request)) {
            Process other = shell(base);
            try {
                String said = prompted(other);
                scans.scanner.scan(request, PluginDataRequirements.NONE, new StoredScanTest.Both(events, session),
                        session);
                if (said == null) {
                    StoreException refused = assertThrows(StoreException.class,
                            () -> session.finish(report(request)));
                    assertOneLine(refused);
                    assertTrue(refused.getMessage(), refused.getMessage().contains("in use"));
                } else {
                    assertTrue("the other process was refused: " + said, said.contains("already in use"));
                    session.finish(report(request));
                }
            } finally {
                quit(other);
            }
        }
        assertEquals(scans.events(request, null), events.lines);
        StoredScanTest.Recorded next = scans.scanStored(store, request);
        assertEquals(scans.events(request, null), next.events);
    }

    /** A rescan through the store gives the cold scan's events, every commit's changes replayed. */
    private void assertRescanIsCold(ScanStoreImpl store, ScanRequest request) throws Exception {
        StoredScanTest.Recorded rescan = scans.scanStored(store, request);
        assertEquals(scans.events(request, null), rescan.events);
        assertEquals(0, rescan.misses.get());
    }

    /** Another JVM holding the store open (creating it when it is not there): H2's shell waits on its standard input. */
    private static Process holding(Path base) throws Exception {
        Process other = shell(base);
        String refused = prompted(other);
        if (refused != null) {
            fail("the other process did not open the store: " + refused);
        }
        return other;
    }

    private static Process shell(Path base) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                "org.h2.tools.Shell", "-url", StoreLocation.h2Url(base), "-user", "", "-password", "")
                .redirectErrorStream(true).start();
    }

    /** Null once H2's shell in the other process has connected (it prompts); what it said when it could not. */
    private static String prompted(Process other) throws IOException {
        StringBuilder said = new StringBuilder();
        java.io.InputStream output = other.getInputStream();
        while (said.indexOf("sql>") < 0) {
            int next = output.read();
            if (next < 0) {
                return said.toString();
            }
            said.append((char) next);
        }
        return null;
    }

    private static void quit(Process other) throws InterruptedException {
        try (OutputStream input = other.getOutputStream()) {
            input.write("quit\n".getBytes());
        } catch (IOException gone) {
            // it has exited already
        }
        if (!other.waitFor(20, TimeUnit.SECONDS)) {
            other.destroyForcibly();
        }
    }

    private static Report report(ScanRequest request) {
        return new Report(new ReportHeader("test", request.repository().toString(), "HEAD", null, Instant.now(), 1),
                List.of(), List.of());
    }

    /**
     * A store on a filesystem that fills up while the scan is written (a 1 MB tmpfs, mounted
     * for the test: CI runs as root): the write fails in one line and the store keeps the scans
     * it had, whole.
     */
    @Test
    public void aFullDiskLosesTheNewScanOnly() throws Exception {
        Path mount = temp.newFolder("tiny").toPath();
        run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        try {
            GitRepo small = repo();
            ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(mount.resolve("store")), "scanner 1");
            ScanRequest request = ScanRequest.builder(small.dir()).build();
            scans.scanStored(store, request);
            fill(mount.resolve("filler"));

            GitRepo big = GitRepo.init(temp.newFolder("big").toPath());
            // 2 MB of commit summaries, twice what the filesystem could hold
            for (int i = 0; i < 40; i++) {
                big.write("file" + i + ".txt", "line\n".repeat(i + 1)).commit(i + " " + "x".repeat(50_000), ANN);
            }
            ScanRequest bigRequest = ScanRequest.builder(big.dir()).build();
            StoreException full = assertThrows(StoreException.class, () -> scans.scanStored(store, bigRequest));
            assertOneLine(full);

            Files.delete(mount.resolve("filler"));
            assertEquals(1, store.history(small.dir()).size());
            assertTrue(store.history(big.dir()).isEmpty());
            StoredScanTest.Recorded rescan = scans.scanStored(store, request);
            assertEquals(scans.events(request, null), rescan.events);
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    /**
     * A new store on a full filesystem: the scan runs from nothing, its write fails in one line,
     * and what the failed creation left is brought forward by the next scan, which stores it whole.
     */
    @Test
    public void aNewStoreOnAFullDiskFailsTheWriteInOneLineAndTheNextScanStoresIt() throws Exception {
        Path mount = temp.newFolder("full").toPath();
        run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString());
        try {
            GitRepo repo = repo();
            ScanStoreImpl store = Stores.h2AndPostgres(StoreLocation.h2Url(mount.resolve("store")), "scanner 1");
            ScanRequest request = ScanRequest.builder(repo.dir()).build();
            fill(mount.resolve("filler"));

            StoredScanTest.Events events = new StoredScanTest.Events();
            try (StoreSession session = store.open(request)) {
                scans.scanner.scan(request, PluginDataRequirements.NONE, new StoredScanTest.Both(events, session),
                        session);
                assertOneLine(assertThrows(StoreException.class, () -> session.finish(report(request))));
            }
            assertEquals(scans.events(request, null), events.lines);

            Files.delete(mount.resolve("filler"));
            StoredScanTest.Recorded stored = scans.scanStored(store, request);
            assertEquals(scans.events(request, null), stored.events);
            assertEquals(1, store.history(repo.dir()).size());
            assertEquals(0, scans.scanStored(store, request).misses.get());
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertFalse("the filesystem is full", Files.getFileStore(filler).getUsableSpace() > 64 * 1024);
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            fail(String.join(" ", command) + " failed (this test mounts a small tmpfs and must run as root, as CI "
                    + "does): " + output.strip());
        }
    }

    private GitRepo repo() throws IOException {
        scans.temp = temp;
        return scans.history();
    }

    private static void assertOneLine(Exception e) {
        assertFalse(e.getMessage(), e.getMessage().contains("\n"));
        assertFalse(e.getMessage(), e.getMessage().contains("org.h2"));
    }

}
