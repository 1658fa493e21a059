package org.gstats.store.internal.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.gstats.api.scan.ScanRequest;
import org.gstats.api.store.StoreException;
import org.gstats.store.internal.ScanStoreImpl;
import org.gstats.store.internal.StoredScanTests;
import org.gstats.testkit.GitRepo;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** store gc and store clear on a real H2 store filled by real scans. */
public class StoreAdminTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aStoreThatIsNotThereReadsAsAnEmptyOneAndIsNotCreated() throws Exception {
        StoredScanTests scans = new StoredScanTests(temp);
        Path folder = temp.getRoot().toPath().resolve("no-store-yet");
        StoreAdmin admin = new StoreAdmin(scans.store().database("jdbc:h2:file:" + folder.resolve("store")));

        StoreException refused = assertThrows(StoreException.class, () -> admin.query("SELECT * FROM commits"));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith("(the store is empty: scan a repository first)"));
        assertEquals(0, admin.query("SELECT 1 AS one WHERE 1 = 0").rowCount());
        assertEquals(List.of(), admin.history(temp.getRoot().toPath()));
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        admin.info().print("csv", new PrintStream(info, true, StandardCharsets.UTF_8));
        assertTrue(info.toString(StandardCharsets.UTF_8), info.toString(StandardCharsets.UTF_8)
                .contains("schema,none: not created yet; the first scan creates it"));
        assertFalse(Files.exists(folder));
    }

    @Test
    public void gcDropsChangesOnlyAnOlderSettingsRecordedAndKeepsWhatTheLatestScanReplays() throws Exception {
        StoredScanTests scans = new StoredScanTests(temp);
        GitRepo repo = scans.history();
        ScanStoreImpl store = scans.store();
        scans.scan(store, ScanRequest.builder(repo.dir()).detectRenames(false).build());
        ScanRequest latest = ScanRequest.builder(repo.dir()).build();
        scans.scan(store, latest);
        StoreAdmin admin = new StoreAdmin(store.database(null));
        long before = count(admin, "SELECT COUNT(*) FROM changed_commits");
        long rows = count(admin, "SELECT COUNT(*) FROM file_changes");

        assertTrue(admin.gc() > 0);
        assertEquals(before / 2, count(admin, "SELECT COUNT(*) FROM changed_commits"));
        assertEquals("the rows of the values dropped go with them", rows / 2,
                count(admin, "SELECT COUNT(*) FROM file_changes"));
        assertEquals(0, scans.misses(store, latest));
        assertEquals(0, admin.gc());
    }

    @Test
    public void gcKeepsTheResultsOfBlobsAtALatestHeadAndDropsReplacedOnes() throws Exception {
        StoredScanTests scans = new StoredScanTests(temp);
        GitRepo repo = scans.history();
        ScanStoreImpl store = scans.store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanWithContentPlugin(store, request);
        repo.write("src/Util.java", "class Util {\n  void stop() {}\n}\n")
                .commit("stop", new GitRepo.Person("Ann", "ann@example.com"));
        scans.scanWithContentPlugin(store, request);
        StoreAdmin admin = new StoreAdmin(store.database(null));
        int atHead = StoredScanTests.headBlobs(repo).size();
        assertEquals(atHead + 1, count(admin, "SELECT COUNT(*) FROM blob_results"));

        Path file = Path.of(store.database(null).location().url().substring("jdbc:h2:file:".length()) + ".mv.db");
        long before = Files.size(file);
        assertEquals(1, admin.gc());
        assertTrue("the file is compacted: " + before + " -> " + Files.size(file), Files.size(file) < before);
        assertEquals(atHead, count(admin, "SELECT COUNT(*) FROM blob_results"));
        assertEquals(0, count(admin, "SELECT COUNT(*) FROM blob_results b JOIN files f ON f.blob_id = b.blob_id "
                + "WHERE f.path = 'src/Util.java' AND f.scan_id = 1"));
    }

    @Test
    public void gcKeepsTheResultsKeptUnderALatestHeadCommitAndDropsReplacedOnes() throws Exception {
        StoredScanTests scans = new StoredScanTests(temp);
        GitRepo repo = scans.history();
        ScanStoreImpl store = scans.store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanWithHeadPlugin(store, request);
        repo.write("src/Util.java", "class Util {\n  void stop() {}\n}\n")
                .commit("stop", new GitRepo.Person("Ann", "ann@example.com"));
        scans.scanWithHeadPlugin(store, request);
        StoreAdmin admin = new StoreAdmin(store.database(null));
        assertEquals(2, count(admin, "SELECT COUNT(*) FROM blob_results"));

        assertEquals(1, admin.gc());
        assertEquals("the latest head's", 1, count(admin, "SELECT COUNT(*) FROM blob_results b JOIN scans s "
                + "ON s.head_id = b.blob_id WHERE s.scan_id = 2"));
        assertEquals("summary of " + repo.git("rev-parse", "HEAD").strip(), scans.scanWithHeadPlugin(store, request));
    }

    @Test
    public void clearForgetsTheRepositoryAndGcThenItsChanges() throws Exception {
        StoredScanTests scans = new StoredScanTests(temp);
        GitRepo repo = scans.history();
        ScanStoreImpl store = scans.store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scan(store, request);
        StoreAdmin admin = new StoreAdmin(store.database(null));
        assertTrue("its rows read (so added) before", count(admin, "SELECT COUNT(*) FROM file_changes") > 0);

        assertEquals(1, admin.clear(repo.dir().toRealPath()));
        assertEquals(-1, admin.clear(repo.dir().toRealPath()));
        assertTrue(store.history(repo.dir()).isEmpty());
        assertTrue(admin.gc() > 0);
        for (String table : new String[] {"commits", "file_changes", "changed_commits", "files", "scans"}) {
            assertEquals(table, 0, count(admin, "SELECT COUNT(*) FROM " + table));
        }
    }

    /**
     * A query naming file_changes has the rows of the changes a scan recorded (as values only)
     * added first; one that does not name it writes nothing; store info counts the rows a query
     * gives, whether added yet or not.
     */
    @Test
    public void aQueryOfFileChangesAddsItsRowsAndInfoCountsThemEitherWay() throws Exception {
        StoredScanTests scans = new StoredScanTests(temp);
        GitRepo repo = scans.history();
        ScanStoreImpl store = scans.store();
        scans.scan(store, ScanRequest.builder(repo.dir()).build());
        StoreAdmin admin = new StoreAdmin(store.database(null));
        long changes = repo.git("log", "--numstat", "--format=", "-M").lines().filter(line -> !line.isBlank()).count();
        assertEquals(1, count(admin, "SELECT COUNT(*) FROM pending_changes"));
        String info = info(admin);

        assertTrue(info, info.contains("\nfile_changes rows," + changes + "\r\n"));
        assertEquals("a query of another table adds nothing", 1, count(admin, "SELECT COUNT(*) FROM pending_changes"));
        assertEquals(changes, count(admin, "SELECT COUNT(*) FROM FILE_CHANGES"));
        assertEquals(0, count(admin, "SELECT COUNT(*) FROM pending_changes"));
        assertTrue(info(admin).contains("\nfile_changes rows," + changes + "\r\n"));
    }

    /**
     * A query naming commits, or the authors view of it, has the rows of the commits a scan recorded (as values
     * only) added first, as git counts them; store info counts them either way; clear deletes the values still
     * pending with the repository.
     */
    @Test
    public void aQueryOfCommitsOrAuthorsAddsTheRowsAndClearDropsThemPending() throws Exception {
        StoredScanTests scans = new StoredScanTests(temp);
        GitRepo repo = scans.history();
        ScanStoreImpl store = scans.store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scan(store, request);
        StoreAdmin admin = new StoreAdmin(store.database(null));
        long commits = Long.parseLong(repo.git("rev-list", "--count", "HEAD").strip());
        long authors = repo.git("shortlog", "-se", "HEAD").lines().count();
        assertEquals(1, StoredScanTests.rows(store, "pending_commits"));
        assertEquals(0, StoredScanTests.rows(store, "commits"));

        assertTrue(info(admin), info(admin).contains("\ncommits rows," + commits + "\r\n"));
        assertTrue(info(admin), info(admin).contains("\nauthors rows," + authors + "\r\n"));
        assertEquals(authors, count(admin, "SELECT COUNT(*) FROM Authors"));
        assertEquals(0, StoredScanTests.rows(store, "pending_commits"));
        assertEquals(commits, StoredScanTests.rows(store, "commits"));
        assertEquals(commits, count(admin, "SELECT COUNT(*) FROM commits"));
        assertTrue(info(admin).contains("\ncommits rows," + commits + "\r\n"));

        repo.write("later.txt", "later\n").commit("later", new GitRepo.Person("Ann", "ann@example.com"));
        scans.scan(store, request);
        assertEquals("the new commit waits", 1, StoredScanTests.rows(store, "pending_commits"));
        assertEquals(2, admin.clear(repo.dir().toRealPath()));
        assertEquals(0, StoredScanTests.rows(store, "pending_commits"));
        assertEquals(0, StoredScanTests.rows(store, "commits"));
    }

    /**
     * The functions a scan wrote as one value: store info counts the rows a query gives before the first query of
     * them adds them (and only them), and after; clear deletes a scan's value with its rows.
     */
    @Test
    public void aQueryOfFunctionsAddsTheirRowsWhichInfoCountsBefore() throws Exception {
        StoredScanTests scans = new StoredScanTests(temp);
        GitRepo repo = scans.history();
        ScanStoreImpl store = scans.store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scanWithFunction(store, request, "run");
        scans.scanWithFunction(store, request, "run");
        StoreAdmin admin = new StoreAdmin(store.database(null));
        assertEquals(1, StoredScanTests.rows(store, "pending_head_rows"));
        String counted = info(admin);
        assertTrue(counted, counted.contains("\nhead_functions rows,1\r\n"));
        assertTrue(counted, counted.contains("\nfunctions rows,2\r\n"));

        long pendingChanges = StoredScanTests.rows(store, "pending_changes");
        assertTrue(pendingChanges > 0);
        assertEquals(2, count(admin, "SELECT COUNT(*) FROM Functions WHERE name = 'run'"));
        assertEquals(0, StoredScanTests.rows(store, "pending_head_rows"));
        assertEquals("a query adds the rows of the tables it names", pendingChanges,
                StoredScanTests.rows(store, "pending_changes"));
        assertEquals(1, StoredScanTests.rows(store, "head_functions"));
        String after = info(admin);
        assertTrue(after, after.contains("\nhead_functions rows,1\r\n") && after.contains("\nfunctions rows,2\r\n"));

        scans.scanWithFunction(store, request, "stop");
        assertEquals("the changed functions wait", 1, StoredScanTests.rows(store, "pending_head_rows"));
        assertEquals(3, admin.clear(repo.dir().toRealPath()));
        assertEquals(0, StoredScanTests.rows(store, "pending_head_rows"));
        assertEquals(0, StoredScanTests.rows(store, "head_functions"));
    }

    private static String info(StoreAdmin admin) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        admin.info().print("csv", new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A store whose tables disagree with its version is emptied whole; the next scans store and replay again. */
    @Test
    public void clearAllEmptiesAStoreAnotherBuildWrote() throws Exception {
        StoredScanTests scans = new StoredScanTests(temp);
        GitRepo repo = scans.history();
        ScanStoreImpl store = scans.store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scans.scan(store, request);
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE reports");
            statement.execute("ALTER TABLE commits DROP COLUMN summary");
            connection.commit();
        }
        assertThrows(StoreException.class, () -> store.open(request));

        new StoreAdmin(store.database(null)).clearAll();

        assertTrue(store.history(repo.dir()).isEmpty());
        scans.scan(store, request);
        assertEquals(0, scans.misses(store, request));
        assertEquals(2, store.history(repo.dir()).size());
    }

    private static long count(StoreAdmin admin, String sql) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        admin.query(sql).print("csv", new PrintStream(out, true, StandardCharsets.UTF_8));
        return Long.parseLong(out.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow().strip());
    }
}
