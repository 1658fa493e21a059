package org.gstats.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.store.StoreException;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.store.internal.schema.Tables;
import org.gstats.testkit.GitRepo;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The session's temporary file ({@link ScanSpill}): it exists while the scan runs, is gone once
 * the session finishes, fails to write or is closed unfinished (a failed or cancelled scan), and
 * a history far longer than the others stores and replays exactly through it.
 */
public class StoreSpillTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final StoredScanTest scans = new StoredScanTest();
    private final JGitRepositoryScanner scanner = new JGitRepositoryScanner();

    @Test
    public void theFileIsGoneOnceTheScanIsStored() throws Exception {
        ScanRequest request = ScanRequest.builder(repo().dir()).build();
        try (StoreSessionImpl session = open(store(), request)) {
            scanner.scan(request, PluginDataRequirements.NONE, session, session);
            Path spill = session.spillFile();
            assertNotNull(spill);
            assertTrue(Files.exists(spill));
            assertFalse(spill.startsWith(request.repository().toAbsolutePath()));
            session.finish(report(request));
            assertFalse(Files.exists(spill));
        }
        assertEquals(scans.events(request, null), scans.scanStored(store(), request).events);
    }

    @Test
    public void theFileIsGoneWhenTheWriteFails() throws Exception {
        ScanRequest request = ScanRequest.builder(repo().dir()).build();
        ScanStoreImpl store = store();
        scans.scanStored(store, ScanRequest.builder(repo().dir()).maxCommits(2).build());
        // the full scan's row cannot go in: the commits and changes before it can
        try (Connection connection = DriverManager.getConnection(storeUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE scans ADD CONSTRAINT no_more_scans CHECK (commits <= 2)");
        }
        try (StoreSessionImpl session = open(store, request)) {
            scanner.scan(request, PluginDataRequirements.NONE, session, session);
            Path spill = session.spillFile();
            StoreException failed = assertThrows(StoreException.class, () -> session.finish(report(request)));
            assertFalse(failed.getMessage(), failed.getMessage().contains("\n"));
            assertFalse(Files.exists(spill));
        }
        assertEquals(1, store.history(request.repository()).size());
        assertEquals(8, count("SELECT COUNT(*) FROM commits"));
    }

    @Test
    public void theFileIsGoneWhenTheScanIsCancelled() throws Exception {
        ScanRequest request = ScanRequest.builder(repo().dir()).build();
        AtomicReference<Path> spill = new AtomicReference<>();
        try (StoreSessionImpl session = open(store(), request)) {
            ScanListener cancelling = new StoredScanTest.Both(session, new ScanListener() {
                private int commits;

                @Override
                public void onStart(ScanTarget target) {
                }

                @Override
                public void onFileChange(FileChange change) {
                }

                @Override
                public void onCommit(CommitInfo commit) {
                    spill.set(session.spillFile());
                    if (++commits == 3) {
                        throw new IllegalStateException("cancelled");
                    }
                }
            });
            assertThrows(RuntimeException.class,
                    () -> scanner.scan(request, PluginDataRequirements.NONE, cancelling, session));
            assertTrue(Files.exists(spill.get()));
        }
        assertFalse(Files.exists(spill.get()));
        assertEquals(0, count("SELECT COUNT(*) FROM commits"));
    }

    /**
     * The new commits and their changes are written while the scan reads the head and the plugins
     * finish, before the session is told to finish; a session closed unfinished (the scan failed
     * after its walk) records no scan, and the next scan replays the commits.
     */
    @Test
    public void theCommitsAreWrittenBeforeTheScanFinishesAndAnUnfinishedScanIsNotRecorded() throws Exception {
        ScanRequest request = ScanRequest.builder(repo().dir()).build();
        ScanStoreImpl store = store();
        long commits = Long.parseLong(repo().git("rev-list", "--count", "HEAD").strip());
        try (StoreSessionImpl session = open(store, request)) {
            scanner.scan(request, PluginDataRequirements.NONE, session, session);
            awaitCount("SELECT COUNT(*) FROM commit_changes", commits);
            assertEquals(commits, count("SELECT COUNT(*) FROM commits"));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM scans"));

        StoredScanTest.Recorded rescan = scans.scanStored(store, request);

        assertEquals(0, rescan.misses.get());
        assertEquals(scans.events(request, null), rescan.events);
        assertEquals(1, store.history(request.repository()).size());
    }

    /** Waits (a minute at most) until the query counts that many rows. */
    private void awaitCount(String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (count(sql) != expected) {
            if (System.nanoTime() > deadline) {
                fail(sql + " counted " + count(sql) + ", not " + expected);
            }
            Thread.sleep(20);
        }
    }

    @Test
    public void anUnchangedRescanSpillsNothingAndStillCountsEveryCommit() throws Exception {
        ScanRequest request = ScanRequest.builder(repo().dir()).build();
        ScanStoreImpl store = store();
        List<String> cold = scans.events(request, null);
        scans.scanStored(store, request);
        try (StoreSessionImpl session = open(store, request)) {
            scanner.scan(request, PluginDataRequirements.NONE, session, session);
            assertEquals(0, Files.size(session.spillFile()));
            session.finish(report(request));
        }
        String commits = repo().git("rev-list", "--count", "HEAD").strip();
        assertEquals(Long.parseLong(commits), count("SELECT commits FROM scans ORDER BY scan_id DESC LIMIT 1"));
        assertEquals(Long.parseLong(commits), count("SELECT COUNT(*) FROM commits"));
        assertEquals(cold, scans.scanStored(store, request).events);
    }

    @Test
    public void aCloneElsewhereReplaysTheChangesAndGetsItsOwnCommitRows() throws Exception {
        ScanRequest request = ScanRequest.builder(repo().dir()).build();
        ScanStoreImpl store = store();
        scans.scanStored(store, request);
        Path clone = temp.getRoot().toPath().resolve("clone");
        repo().git("clone", "-q", repo().dir().toString(), clone.toString());
        ScanRequest cloneRequest = ScanRequest.builder(clone).build();

        StoredScanTest.Recorded rescan = scans.scanStored(store, cloneRequest);

        long commits = Long.parseLong(repo().git("rev-list", "--count", "HEAD").strip());
        assertEquals(0, rescan.misses.get());
        assertEquals(2 * commits, count("SELECT COUNT(*) FROM commits"));
        assertEquals(scans.events(cloneRequest, null), rescan.events);
    }

    @Test
    public void aRepositoryClearedWhileItIsScannedIsNotWrittenHalf() throws Exception {
        ScanRequest request = ScanRequest.builder(repo().dir()).build();
        ScanStoreImpl store = store();
        scans.scanStored(store, request);
        try (StoreSessionImpl session = open(store, request)) {
            scanner.scan(request, PluginDataRequirements.NONE, session, session);
            try (Connection connection = DriverManager.getConnection(storeUrl());
                    Statement statement = connection.createStatement()) {
                for (String table : Tables.PER_SCAN) {
                    statement.execute("DELETE FROM " + table);
                }
                statement.execute("DELETE FROM scans");
                statement.execute("DELETE FROM commits");
                statement.execute("DELETE FROM pending_commits");
                statement.execute("DELETE FROM repositories");
            }
            StoreException failed = assertThrows(StoreException.class, () -> session.finish(report(request)));
            assertTrue(failed.getMessage(), failed.getMessage().contains("removed from the store while the scan ran"));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM scans"));
        // the next scan records the repository afresh
        scans.scanStored(store, request);
        assertEquals(Long.parseLong(repo().git("rev-list", "--count", "HEAD").strip()),
                count("SELECT COUNT(*) FROM commits"));
    }

    @Test
    public void aScanOfASubfolderIsRecordedForItsWorkTreeWhateverTheStoreKnowsOfTheFolder() throws Exception {
        ScanRequest request = ScanRequest.builder(repo().dir()).build();
        ScanStoreImpl store = store();
        scans.scanStored(store, request);
        Path folder = repo().dir().resolve("src").toAbsolutePath().normalize();
        // a repository once recorded at the folder's path, with the same commits
        StoredScanTest.expandRows(store);
        try (Connection connection = DriverManager.getConnection(storeUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO repositories (path) VALUES ('" + folder + "')");
            statement.execute("INSERT INTO commits SELECT (SELECT repository_id FROM repositories WHERE path = '"
                    + folder + "'), commit_id, parent_ids, author_name, author_email, author_time, committer_name, "
                    + "committer_email, commit_time, summary, author_zone, commit_zone FROM commits");
        }
        long commits = count("SELECT COUNT(*) FROM commits");

        StoredScanTest.Recorded rescan = scans.scanStored(store, ScanRequest.builder(folder).build());

        assertEquals(0, rescan.misses.get());
        assertEquals(2, store.history(request.repository()).size());
        assertEquals(commits, count("SELECT COUNT(*) FROM commits"));
    }

    @Test
    public void aLongGeneratedHistoryStoresAndReplaysEqual() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("long").toPath()).importHistory(20_000, 100);
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        ScanStoreImpl store = store();
        List<String> cold = scans.events(request, null);
        assertEquals(cold, scans.scanStored(store, request).events);
        assertEquals(20_000, count("SELECT COUNT(*) FROM commits"));
        StoredScanTest.expandRows(store);
        assertEquals(20_000, count("SELECT COUNT(*) FROM file_changes"));

        StoredScanTest.Recorded rescan = scans.scanStored(store, request);
        assertEquals(cold, rescan.events);
        assertEquals(0, rescan.misses.get());
        assertEquals(Integer.parseInt(repo.git("rev-list", "--count", "HEAD").strip()), rescan.hits.get());
    }

    private static StoreSessionImpl open(ScanStoreImpl store, ScanRequest request) throws StoreException {
        return (StoreSessionImpl) store.open(request);
    }

    private static Report report(ScanRequest request) {
        return new Report(new ReportHeader("test", request.repository().toString(), "HEAD", null, Instant.now(), 1),
                List.of(), List.of());
    }

    private GitRepo repo() throws Exception {
        scans.temp = temp;
        Path dir = temp.getRoot().toPath().resolve("repo");
        return Files.isDirectory(dir) ? GitRepo.open(dir) : scans.history();
    }

    private String storeUrl() {
        return StoreLocation.h2Url(temp.getRoot().toPath().resolve("store"));
    }

    private ScanStoreImpl store() {
        return Stores.h2AndPostgres(storeUrl(), "scanner 1");
    }

    /** The count; 0 while the store's tables are not there (a new store is created as its first scan is written). */
    /** What the query counts, the rows of commits and file_changes added first, as gstats sql does. */
    private long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(storeUrl());
                Statement statement = connection.createStatement()) {
            if (ChangeRows.readBy(sql)) {
                ChangeRows.expand(connection);
            }
            try (ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            // class 42: an unknown table
            if (e.getSQLState() == null || !e.getSQLState().startsWith("42")) {
                throw e;
            }
            return 0;
        }
    }
}
