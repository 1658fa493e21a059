package org.gstats.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ChangeCache;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.StoredWalk;
import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
import org.gstats.api.store.StoreSession;
import org.gstats.api.store.StoredReport;
import org.gstats.plugin.export.internal.JsonReportWriter;
import org.gstats.store.internal.schema.Migrations;
import org.gstats.store.internal.schema.Schema;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.store.internal.schema.Tables;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.Numstat;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A rescan from the store delivers exactly the events of a cold scan, on real repositories
 * scanned by the real scanner into a real H2 file; commits are diffed only when unknown.
 */
public class StoredScanTest {

    private static final GitRepo.Person ANN = new GitRepo.Person("Ann", "ann@example.com");
    private static final GitRepo.Person BOB = new GitRepo.Person("Bob", "bob@example.com");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    final JGitRepositoryScanner scanner = new JGitRepositoryScanner();

    /** The store under test: an H2 file by default; {@link PostgresStoredScanTest} runs the same on PostgreSQL. */
    protected String storeUrl() throws IOException {
        return StoreLocation.h2Url(temp.getRoot().toPath().resolve("store"));
    }

    protected ScanStoreImpl store() throws IOException {
        return Stores.h2AndPostgres(storeUrl(), "scanner 1");
    }

    @Test
    public void rescanReplaysEveryCommitAndDeliversTheColdEvents() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        List<String> cold = events(request, null);

        assertEquals(cold, scanStored(store, request).events);
        Recorded second = scanStored(store, request);
        assertEquals(cold, second.events);
        assertEquals("every commit replayed, none diffed (merges are not diffed)", diffedCount(repo),
                second.hits.get());
        assertEquals(0, second.misses.get());
    }

    @Test
    public void anUnchangedRescanTellsTheKeptWalkAsTheWalkWould() throws Exception {
        GitRepo repo = skewedHistory();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();

        assertReplays("nothing kept yet", 0, store, request);
        assertReplays("the kept walk stands in for the walk", commitCount(repo), store, request);
        List<String> kept = rows(store, Tables.WALKS);
        assertReplays("the kept walk stands in for the walk", commitCount(repo), store, request);
        assertEquals("an unchanged rescan keeps the walk it told, unwritten", kept, rows(store, Tables.WALKS));
        assertEquals(1, kept.size());

        ScanRequest firstParent = ScanRequest.builder(repo.dir()).firstParent(true).build();
        assertReplays("other change settings walk", 0, store, firstParent);
        assertReplays("the first-parent walk kept", Integer.parseInt(repo.git("rev-list", "--count", "--first-parent",
                "HEAD").strip()), store, firstParent);
    }

    @Test
    public void aChangedMailmapWalksAgainAndIsKeptWithItsIdentities() throws Exception {
        GitRepo repo = skewedHistory();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        assertEquals(commitCount(repo), scanStored(store, request).replayed.get());

        // not committed: a work tree's .mailmap changes the identities without a new head
        Files.writeString(repo.dir().resolve(".mailmap"), "Robert <rob@example.com> Bob <bob@example.com>\n");
        List<String> mapped = events(request, null);
        assertTrue(String.join("\n", mapped), mapped.stream().anyMatch(line -> line.contains("Robert")));
        assertReplays("a changed mailmap walks", 0, store, request);
        assertReplays("the walk kept with the new identities", commitCount(repo), store, request);

        ScanRequest unmapped = ScanRequest.builder(repo.dir()).mailmap(false).build();
        assertReplays("identities as recorded are another walk's", 0, store, unmapped);
    }

    @Test
    public void newCommitsOnTopAreWalkedDownToTheKeptHeadThenTheKeptWalkIsTold() throws Exception {
        GitRepo repo = skewedHistory();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        int kept = commitCount(repo);

        repo.write("notes.txt", "one\n").commit("on top", ANN);
        // dated before its parent: git's queue still comes down to the kept head alone
        repo.write("notes.txt", "one\ntwo\n").commit("on top again", BOB, Instant.parse("2023-06-01T00:00:00Z"));
        assertReplays("the kept walk tells all but the new commits", kept, store, request);
        assertReplays("commits told from the kept walk", commitCount(repo), store, request);

        // a new branch merged: both lines come down to the kept head
        kept = commitCount(repo);
        repo.git("checkout", "-q", "-b", "topic");
        repo.write("topic.txt", "t\n").commit("topic", BOB);
        repo.git("checkout", "-q", "main");
        repo.write("main.txt", "c\n").commit("main again", ANN);
        repo.merge("topic", ANN);
        assertReplays("the kept walk tells what is behind the merged lines", kept, store, request);

        // a new line dated before the kept head: git's queue holds it beside that head, so the walk goes on
        repo.git("checkout", "-q", "-b", "old-topic");
        repo.write("topic.txt", "old\n").commit("old topic", BOB, Instant.parse("2019-01-01T00:00:00Z"));
        repo.git("checkout", "-q", "main");
        repo.merge("old-topic", ANN);
        assertReplays("walked past the kept head", 0, store, request);
    }

    @Test
    public void aRewrittenBranchWalksWhatTheKeptWalkCannotTell() throws Exception {
        GitRepo repo = skewedHistory();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);

        repo.git("reset", "-q", "--hard", "HEAD~3");
        repo.write("src/Main.java", "class Main {\n  // rewritten\n}\n").commit("rewritten", BOB);
        assertReplays("the new commit's parent is behind the kept head", 0, store, request);
        assertReplays("commits told from the kept walk", commitCount(repo), store, request);

        // an older head whose walk the store keeps part of: walked
        repo.git("reset", "-q", "--hard", "HEAD~2");
        assertReplays("an older head walks", 0, store, request);
    }

    @Test
    public void aScanOfPartOfTheHistoryNeitherTellsNorKeepsAWalk() throws Exception {
        GitRepo repo = skewedHistory();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        List<String> kept = rows(store, Tables.WALKS);
        for (ScanRequest part : List.of(ScanRequest.builder(repo.dir()).maxCommits(3).build(),
                ScanRequest.builder(repo.dir()).author("Bob").build(),
                ScanRequest.builder(repo.dir()).since(Instant.parse("2024-01-15T12:00:00Z")).build(),
                ScanRequest.builder(repo.dir()).includes(List.of("src/**")).build())) {
            assertReplays("part of the history walks", 0, store, part);
        }
        assertEquals(kept, rows(store, Tables.WALKS));
    }

    /** Scans {@code request} with the store: its events are a cold scan's, {@code replayed} of them from the kept walk. */
    private Recorded assertReplays(String message, int replayed, ScanStoreImpl store, ScanRequest request)
            throws Exception {
        Recorded scanned = scanStored(store, request);
        assertEquals(message, replayed, scanned.replayed.get());
        assertEquals(events(request, null), scanned.events);
        return scanned;
    }

    /**
     * {@link #history()} with a side branch whose commits are dated before their parents (git's
     * order then is not the parents' order), and two commits with the same date on either side of a
     * second merge (the order they were reached decides).
     */
    private GitRepo skewedHistory() throws IOException {
        GitRepo repo = history();
        Instant same = Instant.parse("2024-02-01T00:00:00Z");
        repo.git("checkout", "-q", "-b", "skewed");
        repo.write("old.txt", "back\n").commit("dated before its parents", BOB, Instant.parse("2020-01-01T00:00:00Z"));
        repo.write("same.txt", "a\n").commit("same date, side", ANN, same);
        repo.git("checkout", "-q", "main");
        repo.write("main.txt", "b\n").commit("same date, main", BOB, same);
        repo.merge("skewed", ANN);
        return repo;
    }

    @Test
    public void aRewrittenHistoryComputesOnlyTheNewCommits() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);

        // rewrite the last two commits (as a rebase and force-push would) and add one
        repo.git("reset", "-q", "--hard", "HEAD~2");
        repo.write("src/Main.java", "class Main {\n  // rewritten\n}\n").commit("rewritten", BOB);
        repo.write("notes.txt", "new\nlines\n").commit("another", ANN);

        Recorded rescan = scanStored(store, request);
        assertEquals(events(request, null), rescan.events);
        assertEquals(2, rescan.misses.get());
        assertEquals(diffedCount(repo) - 2, rescan.hits.get());
    }

    /**
     * A path scanned the first time replays the commits any stored repository shares with it; a
     * stored repository replays its own commits only, so a rescan reads no more than its history.
     */
    @Test
    public void aNewPathReplaysSharedCommitsAndAStoredOneItsOwn() throws Exception {
        GitRepo origin = history();
        ScanStoreImpl store = store();
        ScanRequest originScan = ScanRequest.builder(origin.dir()).build();
        scanStored(store, originScan);
        GitRepo clone = GitRepo.open(temp.getRoot().toPath().resolve("clone"));
        origin.git("clone", "-q", origin.dir().toString(), clone.dir().toString());
        clone.write("clone.txt", "only here\n").commit("the clone's own", ANN);

        ScanRequest cloneScan = ScanRequest.builder(clone.dir()).build();
        Recorded first = scanStored(store, cloneScan);
        assertEquals(events(cloneScan, null), first.events);
        assertEquals("the origin's commits replayed", diffedCount(origin), first.hits.get());
        assertEquals(1, first.misses.get());

        origin.git("pull", "-q", "--ff-only", clone.dir().toString(), "main");
        Recorded rescan = scanStored(store, originScan);
        assertEquals(events(originScan, null), rescan.events);
        assertEquals("the clone's commit is diffed again", 1, rescan.misses.get());
        assertEquals(diffedCount(origin) - 1, rescan.hits.get());
    }

    /**
     * A repository whose commits are few of the values under its settings (beside a larger one) has its own looked up
     * by their key rather than read with the others: pending and as rows, each replays.
     */
    @Test
    public void aSmallRepositoryBesideALargeOneReplaysItsOwnCommits() throws Exception {
        GitRepo large = GitRepo.init(temp.newFolder("large").toPath()).importHistory(200, 10);
        GitRepo small = history();
        ScanStoreImpl store = store();
        scanStored(store, ScanRequest.builder(large.dir()).build());
        ScanRequest request = ScanRequest.builder(small.dir()).build();
        scanStored(store, request);
        List<String> cold = events(request, null);

        Recorded pending = scanStored(store, request);
        assertEquals(0, pending.misses.get());
        assertEquals(cold, pending.events);
        expandRows(store);
        Recorded rows = scanStored(store, request);
        assertEquals(0, rows.misses.get());
        assertEquals(cold, rows.events);
        assertEquals(200 + commitCount(small), commitRows(store).size());
    }

    @Test
    public void otherChangeSettingsDoNotReplay() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        scanStored(store, ScanRequest.builder(repo.dir()).build());
        ScanRequest noRenames = ScanRequest.builder(repo.dir()).detectRenames(false).build();

        Recorded rescan = scanStored(store, noRenames);
        assertEquals(events(noRenames, null), rescan.events);
        assertEquals(0, rescan.hits.get());
    }

    @Test
    public void filtersThatOnlyChooseCommitsReplayTheRest() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        scanStored(store, ScanRequest.builder(repo.dir()).build());
        ScanRequest bob = ScanRequest.builder(repo.dir()).author("Bob").maxCommits(2).build();

        Recorded rescan = scanStored(store, bob);
        assertEquals(events(bob, null), rescan.events);
        assertEquals(0, rescan.misses.get());
    }

    @Test
    public void aScanOfPartOfTheHistoryIsStoredWithItsScope() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        scanStored(store, ScanRequest.builder(repo.dir()).build());
        Instant since = Instant.parse("2024-01-01T00:00:00Z");
        scanStored(store, ScanRequest.builder(repo.dir()).author("Bob").maxCommits(2).since(since).build());

        List<ScanSummary> scans = store.history(repo.dir());
        assertNull("the whole history has no scope", scans.get(0).scope());
        assertEquals("--since 2024-01-01T00:00:00Z --max-count 2 --author Bob", scans.get(1).scope());
        assertEquals(2, scans.get(1).commits());
    }

    @Test
    public void turnedOffByTheRequestTheStoreIsNotOpened() throws Exception {
        GitRepo repo = history();
        ScanRequest request = ScanRequest.builder(repo.dir()).settings("store", Map.of("enabled", false)).build();
        assertNull(store().open(request));
    }

    @Test
    public void theScanIsSummarisedInHistory() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        scanStored(store, request);

        var scans = store.history(repo.dir());
        assertEquals(2, scans.size());
        assertEquals(commitCount(repo), scans.get(1).commits());
        assertEquals(2, scans.get(1).authors());
        assertEquals(repo.git("ls-files").lines().count(), scans.get(1).files());
        assertEquals(repo.git("rev-parse", "HEAD").strip(), scans.get(1).headId());
    }

    /**
     * A scan's request names the store whose history it reads, as it names the one it is stored in;
     * a request with the store turned off reads none.
     */
    @Test
    public void historyOfARequestIsThatOfTheStoreItNames() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl configured = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(configured, request);
        String elsewhere = StoreLocation.h2Url(temp.newFolder().toPath().resolve("elsewhere"));
        ScanRequest named = ScanRequest.builder(repo.dir()).settings("store", Map.of("url", elsewhere)).build();
        scanStored(configured, named);
        scanStored(configured, named);

        assertEquals(1, configured.history(request).size());
        assertEquals(configured.history(repo.dir()), configured.history(request));
        assertEquals(2, configured.history(named).size());
        assertEquals(List.of(), configured.history(ScanRequest.builder(repo.dir())
                .settings("store", Map.of("url", elsewhere, "enabled", false)).build()));
    }

    /** The metrics plugin's head figures go into the scan's summary; a scan without that plugin has none. */
    @Test
    public void theHeadsMetricsFiguresAreSummarisedInHistory() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        Fields summary = new Fields("summary", Map.of("functions", 4L, "cyclomatic", 17L, "duplication_ratio", 0.125));
        Fields debt = new Fields("debt_summary", Map.of("files", 2L, "score", 18.4, "rating", "B"));
        scanStored(store, request, List.of(new ReportSection("metrics", List.of(summary, debt))));
        scanStored(store, request);

        List<ScanSummary> scans = store.history(repo.dir());
        assertEquals(List.of(17L, 18.4, "B", 0.125), Arrays.asList(scans.get(0).complexity(), scans.get(0).debtScore(),
                scans.get(0).debtRating(), scans.get(0).duplication()));
        assertEquals(Arrays.asList(null, null, null, null), Arrays.asList(scans.get(1).complexity(),
                scans.get(1).debtScore(), scans.get(1).debtRating(), scans.get(1).duplication()));
    }

    /**
     * History reads a store of schema 11, which it does not migrate, without the head figures that
     * version lacks; the next scan brings it forward and stores them.
     */
    @Test
    public void historyReadsAStoreWithoutTheHeadsMetricsFigures() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        Fields summary = new Fields("summary", Map.of("cyclomatic", 3L, "duplication_ratio", 0.0));
        scanStored(store, request, List.of(new ReportSection("metrics", List.of(summary))));
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            schema12(statement);
            for (String column : List.of("complexity", "debt_score", "debt_rating", "duplication")) {
                statement.execute("ALTER TABLE scans DROP COLUMN " + column);
            }
            writtenBeforeFlyway(statement, Tables.SUMMARISED - 1);
            connection.commit();
        }

        List<ScanSummary> scans = store.history(repo.dir());
        assertEquals(commitCount(repo), scans.get(0).commits());
        assertNull(scans.get(0).complexity());
        scanStored(store, request, List.of(new ReportSection("metrics", List.of(summary))));
        assertEquals(Arrays.asList(null, 3L), store.history(repo.dir()).stream().map(ScanSummary::complexity).toList());
    }

    @Test
    public void aStoreOfANewerGstatsIsLeftUntouched() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE store_schema SET version = 99");
            connection.commit();
        }

        StoreException refused = assertThrows(StoreException.class, () -> store.open(request));
        assertTrue(refused.getMessage(), refused.getMessage().contains("newer gstats (schema 99"));
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM scans")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    /**
     * A store whose tables disagree with its recorded version (another build wrote it) is
     * refused on open in one line that says what to do, before the scan; doing it starts afresh.
     */
    @Test
    public void aStoreWhoseTablesDisagreeWithItsVersionSaysToClearIt() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE reports");
            connection.commit();
        }

        StoreException refused = assertThrows(StoreException.class, () -> store.open(request));
        String message = refused.getMessage();
        assertTrue(message, message.startsWith("the store at " + storeUrl() + " lacks what its schema version "
                + Schema.CURRENT + " names ("));
        assertTrue(message, message.toLowerCase(java.util.Locale.ROOT).contains("\"reports\""));
        assertTrue(message, message.endsWith("; another build of gstats wrote it): 'gstats store clear --all' "
                + "empties it"));
        assertEquals(1, message.lines().count());
    }

    /**
     * A store of schema 3 (before the zone columns) is brought forward on open, its rows kept;
     * new commits are stored with their zones, also those beyond what a time zone column holds.
     */
    @Test
    public void aSchema3StoreGainsTheZoneColumns() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            schema12(statement);
            statement.execute("ALTER TABLE commits DROP COLUMN author_zone");
            statement.execute("ALTER TABLE commits DROP COLUMN commit_zone");
            writtenBeforeFlyway(statement, 3);
            connection.commit();
        }
        repo.write("far.txt", "east\n");
        String far = repo.commitRaw("far east", "Eve <eve@example.com> 1711836000 +9999",
                "Eve <eve@example.com> 1711836000 -0130");

        scanStored(store, request);
        expandRows(store);

        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT commit_id, author_zone, commit_zone FROM commits "
                        + "ORDER BY commit_id")) {
            int stored = 0;
            while (rows.next()) {
                stored++;
                boolean odd = rows.getString(1).equals(far);
                assertEquals(odd ? 6039 : 0, rows.getInt(2));
                assertEquals(odd ? -90 : 0, rows.getInt(3));
                assertEquals("rows of schema 3 have no zone", !odd, rows.wasNull());
            }
            assertEquals(commitCount(repo), stored);
        }
        try (Connection connection = store.database(null).openForReading()) {
            assertEquals(Schema.CURRENT, Schema.version(connection));
        }
    }

    /**
     * A store of schema 4 recorded changes only as rows: brought forward, each commit's value is
     * encoded from its rows (schema 8, before changed_commits becomes the view of the values), so
     * the next scan replays every commit, and the rows are the same.
     */
    @Test
    public void changesRecordedBySchema4AreEncodedByTheMigration() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        List<String> fileChanges = rows(store, Tables.FILE_CHANGES);
        List<String> values = rows(store, Tables.COMMIT_CHANGES);
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            schema7(statement);
            statement.execute("DROP TABLE commit_changes");
            writtenBeforeFlyway(statement, 4);
            connection.commit();
        }

        Recorded rescan = scanStored(store, request);

        assertEquals(0, rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
        assertEquals(fileChanges, rows(store, Tables.FILE_CHANGES));
        assertEquals("the values encoded from the rows are the ones a scan writes", values,
                rows(store, Tables.COMMIT_CHANGES));
    }

    /**
     * A store of schema 7 (changed_commits a table, file_changes keyed) brought to 8 keeps every
     * row that gstats sql shows, and its commits replay; a rescan after a new commit adds its rows.
     */
    @Test
    public void aSchema7StoreKeepsItsRowsAndReplays() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        Map<Tables.Table, List<String>> before = new LinkedHashMap<>();
        for (Tables.Table table : List.of(Tables.COMMITS, Tables.FILE_CHANGES, Tables.CHANGED_COMMITS,
                Tables.COMMIT_CHANGES)) {
            before.put(table, rows(store, table));
        }
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            schema7(statement);
            writtenBeforeFlyway(statement, 7);
            connection.commit();
        }

        Recorded rescan = scanStored(store, request);

        assertEquals(0, rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
        for (Map.Entry<Tables.Table, List<String>> table : before.entrySet()) {
            assertEquals(table.getKey().name(), table.getValue(), rows(store, table.getKey()));
        }
        try (Connection connection = store.database(null).openForReading()) {
            assertEquals(Schema.CURRENT, Schema.version(connection));
            assertFalse("changed_commits is a view", Schema.isTable(connection, Tables.CHANGED_COMMITS.name()));
        }
        assertEquals("file_changes has no key", 0, count(store, "information_schema.table_constraints WHERE "
                + "LOWER(table_name) = 'file_changes' AND constraint_type = 'PRIMARY KEY'"));
        repo.write("src/Main.java", "class Main {\n  int y;\n}\n").commit("later", ANN);
        scanStored(store, request);
        assertEquals(before.get(Tables.FILE_CHANGES).size() + 1, rows(store, Tables.FILE_CHANGES).size());
        assertEquals(before.get(Tables.CHANGED_COMMITS).size() + 1, rows(store, Tables.CHANGED_COMMITS).size());
        assertEquals(events(request, null), scanStored(store, request).events);
    }

    /**
     * A store of schema 8 (blob_results keyed by analyser first) with per-blob results: migrated,
     * it keeps every row under the key led by blob id, a fresh store's, and replays its scan.
     */
    @Test
    public void aSchema8StoreKeysItsBlobResultsByBlobIdAndKeepsThem() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanWithHeadPlugin(store, request);
        scanWithContentPlugin(store, request);
        assertEquals("a fresh store's key", List.of("blob_id", "analyser"), blobResultsKey(store));
        List<String> before = rows(store, Tables.BLOB_RESULTS);
        assertEquals("each head blob's and the head's", headBlobs(repo).size() + 1, before.size());
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            schema8(statement);
            writtenBeforeFlyway(statement, 8);
            connection.commit();
        }
        assertEquals("schema 8's key", List.of("analyser", "blob_id"), blobResultsKey(store));

        Map<String, String> expected = new TreeMap<>();
        headBlobs(repo).forEach((path, blob) -> expected.put(path, "lines of " + blob));
        assertEquals("every result found by its blob id", expected, scanWithContentPlugin(store, request));

        assertEquals(before, rows(store, Tables.BLOB_RESULTS));
        assertEquals(List.of("blob_id", "analyser"), blobResultsKey(store));
        try (Connection connection = store.database(null).openForReading()) {
            assertEquals(Schema.CURRENT, Schema.version(connection));
        }
        Recorded rescan = scanStored(store, request);
        assertEquals(0, rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
        assertEquals("summary of " + repo.git("rev-parse", "HEAD").strip(), scanWithHeadPlugin(store, request));
        repo.write("src/Util.java", "class Util {\n  void run() {}\n  void stop() {}\n}\n").commit("stop", ANN);
        scanWithContentPlugin(store, request);
        assertEquals("the changed blob's result is added, those stored are not again", before.size() + 1,
                rows(store, Tables.BLOB_RESULTS).size());
    }

    private static List<String> blobResultsKey(ScanStoreImpl store) throws Exception {
        try (Connection connection = store.database(null).openForReading()) {
            return Schema.keyColumns(connection, Tables.BLOB_RESULTS.name());
        }
    }

    /**
     * Turns a store of this version's shape into schema 13's: every head row in its table (and every commit's row in
     * commits, every value's rows in file_changes), as its scan wrote them then, and no pending_head_rows.
     */
    static void schema13(Statement statement) throws SQLException {
        if (Schema.isTable(statement.getConnection(), Tables.PENDING_HEAD_ROWS.name())) {
            ChangeRows.expand(statement.getConnection());
            statement.execute("DROP TABLE " + Tables.PENDING_HEAD_ROWS.name());
        }
    }

    /**
     * Turns a store of this version's shape into schema 12's: every commit's row in commits (and every value's
     * rows in file_changes), as its scan wrote them then, and no pending_commits (nor pending_head_rows).
     */
    static void schema12(Statement statement) throws SQLException {
        schema13(statement);
        statement.execute("DROP TABLE " + Tables.PENDING_COMMITS.name());
    }

    /**
     * Turns a store of this version's shape into schema 9's: every value's rows in file_changes, as
     * its scan wrote them then, and no pending_changes.
     */
    private static void schema9(Statement statement) throws SQLException {
        schema12(statement);
        statement.execute("DROP TABLE " + Tables.PENDING_CHANGES.name());
    }

    /** Turns a store of this version's shape into schema 8's: blob_results keyed by analyser first. */
    private static void schema8(Statement statement) throws SQLException {
        schema9(statement);
        statement.execute("CREATE TABLE kept_results AS SELECT analyser, blob_id, result FROM blob_results");
        statement.execute("DROP TABLE blob_results");
        for (String ddl : Tables.BLOB_RESULTS.ddl(Tables.BLOB_RESULTS.since())) {
            statement.execute(ddl);
        }
        statement.execute("INSERT INTO blob_results SELECT analyser, blob_id, result FROM kept_results");
        statement.execute("DROP TABLE kept_results");
    }

    /**
     * Turns a store of this version's shape into schema 7's: changed_commits a table of its own, file_changes keyed
     * (and blob_results as in schema 8).
     */
    private static void schema7(Statement statement) throws SQLException {
        schema8(statement);
        statement.execute("DROP VIEW " + Tables.CHANGED_COMMITS.name());
        statement.execute("CREATE TABLE changed_commits (settings_id BIGINT NOT NULL, commit_id VARCHAR(64) NOT NULL, "
                + "PRIMARY KEY (settings_id, commit_id))");
        statement.execute("INSERT INTO changed_commits SELECT settings_id, commit_id FROM commit_changes");
        statement.execute("ALTER TABLE file_changes ADD PRIMARY KEY (settings_id, commit_id, seq)");
    }

    /** A table's (or view's) rows, every column as text, sorted, as gstats sql shows them (file_changes' rows added first). */
    private static List<String> rows(ScanStoreImpl store, Tables.Table table) throws Exception {
        expandRows(store);
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + table.name())) {
            List<String> all = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = rows.getObject(i);
                    row.append(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value)
                            .append('|');
                }
                all.add(row.toString());
            }
            Collections.sort(all);
            return all;
        }
    }

    /**
     * H2 files written before the store compressed its pages (or by a URL that says
     * {@code COMPRESS=FALSE}) are replayed by one that compresses: H2 reads pages either way.
     */
    @Test
    public void aStoreWrittenWithoutPageCompressionIsReplayed() throws Exception {
        assumeTrue("an H2 setting", storeUrl().startsWith("jdbc:h2:"));
        GitRepo repo = history();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(Stores.h2AndPostgres(storeUrl() + ";COMPRESS=FALSE", "scanner 1"), request);

        Recorded rescan = scanStored(store(), request);
        assertEquals(0, rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
    }

    /** A damaged encoded value costs its commit's diff, never the scan or its events. */
    @Test
    public void aDamagedRecordedValueIsDiffedAgain() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        try (Connection connection = store.database(null).open(); java.sql.PreparedStatement update =
                connection.prepareStatement("UPDATE commit_changes SET changes = ? WHERE commit_id = ?")) {
            update.setBytes(1, new byte[] {1, 2});
            update.setString(2, repo.git("rev-parse", "HEAD").strip());
            assertEquals(1, update.executeUpdate());
            connection.commit();
        }

        Recorded rescan = scanStored(store, request);
        assertEquals(1, rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
        assertEquals("the scan is stored", 2, store.history(repo.dir()).size());
    }

    /**
     * A damaged value of pending_commits costs its commits' diffs (the rescan does not know them), never the scan or
     * its events; the rescan records them again, and commits gives every one once.
     */
    @Test
    public void aDamagedValueOfPendingCommitsIsRecordedAgain() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        try (Connection connection = store.database(null).open();
                java.sql.PreparedStatement update = connection.prepareStatement("UPDATE pending_commits SET commits = ?")) {
            update.setBytes(1, new byte[] {1, 2});
            assertEquals(1, update.executeUpdate());
            connection.commit();
        }

        Recorded rescan = scanStored(store, request);
        assertEquals(diffedCount(repo), rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
        assertEquals(0, scanStored(store, request).misses.get());
        assertEquals(commitCount(repo), commitRows(store).size());
        assertEquals(0, count(store, "pending_commits"));
    }

    /**
     * file_changes gives exactly the rows a scan wrote into it before schema 10, one per change the
     * scanner delivered, in its order, as git log --numstat counts them: the scan writes the values
     * only, and the first read adds the rows, once.
     */
    @Test
    public void fileChangesGivesTheChangesTheScanDeliveredAsGitCountsThem() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        assertEquals("a scan writes no row of file_changes", 0, count(store, "file_changes"));
        assertEquals("a write of one step", 1, count(store, "pending_changes"));
        assertEquals("lists every commit's value (a merge's holds none)", commitCount(repo),
                pendingCommits(store).size());

        List<String> expected = deliveredRows(request, settingsId(store));
        assertEquals(expected, rows(store, Tables.FILE_CHANGES));
        assertEquals("read again, nothing is added", expected, rows(store, Tables.FILE_CHANGES));
        assertEquals(0, count(store, "pending_changes"));

        Map<String, String> git = new TreeMap<>();
        Numstat.log(repo, "-M").forEach((commit, entries) -> entries.forEach(entry -> git.put(commit + " "
                + entry.path(), entry.binary() ? "binary" : entry.insertions() + " " + entry.deletions())));
        Map<String, String> stored = new TreeMap<>();
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT commit_id, path, insertions, deletions, is_binary "
                        + "FROM file_changes")) {
            while (rows.next()) {
                stored.put(rows.getString(1) + " " + rows.getString(2),
                        rows.getBoolean(5) ? "binary" : rows.getInt(3) + " " + rows.getInt(4));
            }
        }
        assertEquals(git, stored);
    }

    /**
     * commits gives exactly the commits git log prints, each once, mapped by the mailmap as git maps them: the scan
     * writes its commits as values only (pending_commits, one per step), and the first read adds the rows, once.
     */
    @Test
    public void commitsGivesTheCommitsGitLogPrints() throws Exception {
        GitRepo repo = history();
        repo.write(".mailmap", "Robert <bob@example.com> Bob <bob@example.com>\n").commit("mailmap", ANN);
        repo.write("far.txt", "east\n");
        repo.commitRaw("far east", "Eve <eve@example.com> 1711836000 +0530", "Eve <eve@example.com> 1711836060 -0130");
        ScanStoreImpl store = store();
        scanStored(store, ScanRequest.builder(repo.dir()).build());
        assertEquals("a scan writes no row of commits", 0, count(store, "commits"));
        assertEquals("a write of one step", 1, count(store, "pending_commits"));

        List<String> git = new ArrayList<>(List.of(repo.git("log", "--format=%H|%P|%aN|%aE|%at|%ai|%cN|%cE|%ct|%ci|%s")
                .strip().split("\n")));
        git.replaceAll(line -> {
            String[] fields = line.split("\\|", -1);
            return String.join("|", fields[0], fields[1], fields[2], fields[3], fields[4], zoneMinutes(fields[5]),
                    fields[6], fields[7], fields[8], zoneMinutes(fields[9]), fields[10]);
        });
        Collections.sort(git);
        assertEquals(git, commitRows(store));
        assertEquals("read again, nothing is added", git, commitRows(store));
        assertEquals(0, count(store, "pending_commits"));
        assertTrue(git.toString(), git.stream().anyMatch(line -> line.contains("|Robert|bob@example.com|")));
    }

    /** A zone as git prints it at the end of a time ("+0530"), in minutes east of UTC. */
    private static String zoneMinutes(String time) {
        String zone = time.substring(time.length() - 5);
        int minutes = Integer.parseInt(zone.substring(1, 3)) * 60 + Integer.parseInt(zone.substring(3));
        return Integer.toString(zone.charAt(0) == '-' ? -minutes : minutes);
    }

    /** The rows of commits as git log's fields, their rows added first, sorted. */
    private static List<String> commitRows(ScanStoreImpl store) throws Exception {
        expandRows(store);
        List<String> rows = new ArrayList<>();
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT commit_id, parent_ids, author_name, author_email, "
                        + "author_time, author_zone, committer_name, committer_email, commit_time, commit_zone, summary "
                        + "FROM commits")) {
            while (row.next()) {
                rows.add(String.join("|", row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        Long.toString(row.getObject(5, java.time.OffsetDateTime.class).toEpochSecond()),
                        row.getString(6), row.getString(7), row.getString(8),
                        Long.toString(row.getObject(9, java.time.OffsetDateTime.class).toEpochSecond()),
                        row.getString(10), row.getString(11)));
            }
        }
        Collections.sort(rows);
        return rows;
    }

    /**
     * A store of schema 12, whose scans wrote every row of commits, is brought to 13 with its rows as they were and
     * none added twice; a later scan's commits are read by the next rescan as pending values, and added by the next
     * read of commits.
     */
    @Test
    public void aSchema12StoreKeepsItsCommitRowsAndTheNextScansAreAddedWhenRead() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        List<String> before = commitRows(store);
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            schema12(statement);
            writtenBeforeFlyway(statement, Tables.DERIVED_COMMITS - 1);
            connection.commit();
        }
        repo.write("src/Main.java", "class Main {\n  int y;\n}\n").commit("later", ANN);

        Recorded rescan = scanStored(store, request);
        assertEquals(1, rescan.misses.get());
        assertEquals(migratedFrom(Tables.DERIVED_COMMITS - 1), migrations(store));
        assertEquals(before.size(), count(store, "commits"));
        assertEquals("the new commit waits in one value", 1, count(store, "pending_commits"));
        Recorded again = scanStored(store, request);
        assertEquals("the rows and the pending value together are the repository's commits", 0, again.misses.get());
        assertEquals(events(request, null), again.events);

        List<String> after = commitRows(store);
        assertEquals(before.size() + 1, after.size());
        assertTrue(after.containsAll(before));
        assertEquals(0, count(store, "pending_commits"));
    }

    /**
     * A store of schema 9, whose scans wrote every row of file_changes, is brought to 10 with its
     * rows as they were and none added twice; a later scan's changes are added by the next read.
     */
    @Test
    public void aSchema9StoreKeepsItsRowsAndTheNextScansAreAddedWhenRead() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        List<String> before = rows(store, Tables.FILE_CHANGES);
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            schema9(statement);
            writtenBeforeFlyway(statement, Tables.DERIVED_ROWS - 1);
            connection.commit();
        }
        repo.write("src/Main.java", "class Main {\n  int y;\n}\n").commit("later", ANN);

        Recorded rescan = scanStored(store, request);

        assertEquals(1, rescan.misses.get());
        assertEquals(migratedFrom(Tables.DERIVED_ROWS - 1), migrations(store));
        assertEquals("only the new commit's value waits for its rows",
                List.of(repo.git("rev-parse", "HEAD").strip()), pendingCommits(store));
        assertEquals(before.size(), count(store, "file_changes"));
        List<String> after = rows(store, Tables.FILE_CHANGES);
        assertEquals(deliveredRows(request, settingsId(store)), after);
        assertEquals(before.size() + 1, after.size());
        assertTrue(after.containsAll(before));
    }

    /**
     * Reads of file_changes beside a scan writing its history (each on a connection of its own, as
     * other processes would: on PostgreSQL each is a server process of its own) neither lose nor
     * duplicate a row: each value's rows go in once, with the clearing of its mark, and a value
     * committed after a read began is added by the next.
     */
    @Test
    public void readsOfFileChangesBesideAScanWritingItsHistoryAddEachRowOnce() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("long").toPath()).importHistory(3_000, 50);
        ScanStoreImpl store = store();
        scanStored(store, ScanRequest.builder(repo.dir()).maxCommits(10).build());
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        java.util.concurrent.atomic.AtomicBoolean scanning = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(readers.submit(() -> {
                    while (scanning.get()) {
                        expandRows(store);
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            try {
                scanStored(store, request);
            } finally {
                scanning.set(false);
            }
            for (Future<?> reader : running) {
                reader.get();
            }
        } finally {
            readers.shutdownNow();
        }
        assertTrue("reads ran beside the scan: " + reads.get(), reads.get() > 2);

        List<String> rows = rows(store, Tables.FILE_CHANGES);
        assertEquals(deliveredRows(request, settingsId(store)), rows);
        assertEquals(3_000, rows.size());
        assertEquals(0, count(store, "pending_changes"));
    }

    /** The commits pending_changes lists. */
    private static List<String> pendingCommits(ScanStoreImpl store) throws Exception {
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT commit_ids FROM pending_changes")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.addAll(List.of(rows.getString(1).split(" ")));
            }
            return ids;
        }
    }

    /** Adds the missing rows of file_changes, commits and the report tables, as a gstats sql query of them does. */
    static void expandRows(ScanStoreImpl store) throws Exception {
        Database.closeQuietly(ChangeRows.expanded(store.database(null), "file_changes commits functions hotspots"));
    }

    /**
     * The rows of file_changes for the changes a cold scan delivers, as a scan wrote them before
     * schema 10 (each commit's changes numbered in order from 0), every column as text, sorted.
     */
    private List<String> deliveredRows(ScanRequest request, long settingsId) throws Exception {
        List<String> rows = new ArrayList<>();
        Map<String, Integer> seq = new java.util.HashMap<>();
        scanner.scan(request, PluginDataRequirements.NONE, new ScanListener() {
            @Override
            public void onStart(ScanTarget target) {
            }

            @Override
            public void onCommit(CommitInfo commit) {
            }

            @Override
            public void onFileChange(FileChange change) {
                rows.add(settingsId + "|" + change.commitId() + "|" + (seq.merge(change.commitId(), 1, Integer::sum)
                        - 1) + "|" + change.path() + "|" + change.oldPath() + "|" + change.type().name() + "|"
                        + change.insertions() + "|" + change.deletions() + "|" + change.binary() + "|"
                        + change.oldSize() + "|" + change.newSize() + "|" + change.linesAfter() + "|");
            }
        }, ChangeCache.NONE);
        Collections.sort(rows);
        return rows;
    }

    /** The one change settings the store holds. */
    private static long settingsId(ScanStoreImpl store) throws Exception {
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT settings_id FROM settings")) {
            assertTrue(row.next());
            long id = row.getLong(1);
            assertFalse("one settings", row.next());
            return id;
        }
    }

    /** The table's rows as they are, without adding the derived ones first. */
    /** The rows of a table (a query's "FROM" part) once the derived rows are added. */
    private static long added(ScanStoreImpl store, String table) throws Exception {
        expandRows(store);
        return count(store, table);
    }

    static long count(ScanStoreImpl store, String table) throws Exception {
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * A rescan of an unchanged head writes its scan row and shares the previous scan's head rows;
     * the files view gives every scan its rows; a changed head writes its own again.
     */
    @Test
    public void aRescanOfAnUnchangedHeadSharesTheHeadRows() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        long headFiles = added(store, "head_files");

        scanStored(store, request);

        assertEquals("no head row written again", headFiles, added(store, "head_files"));
        assertEquals(2 * headFiles, count(store, "files"));
        List<Long> scans = store.history(repo.dir()).stream().map(scan -> scan.scanId()).toList();
        assertEquals(filesOf(store, scans.get(0)), filesOf(store, scans.get(1)));
        repo.write("src/Main.java", "class Main {\n  long y;\n}\n").commit("y", ANN);
        scanStored(store, request);
        assertEquals("a changed head writes its rows", 2 * headFiles, added(store, "head_files"));
        assertEquals(3 * headFiles, count(store, "files"));
    }

    /**
     * Each kind of head rows is shared on its own: a commit that changes a file but no function
     * writes the head's files again, not its functions, and the views give every scan its rows.
     */
    @Test
    public void aChangedHeadWritesOnlyTheKindsOfRowsThatChanged() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        List<ReportSection> oneFunction = metrics("run");
        scanStored(store, request, oneFunction);
        long headFiles = added(store, "head_files");

        repo.write("notes.txt", "new\n").commit("notes", ANN);
        scanStored(store, request, oneFunction);

        assertEquals("the files written again", 2 * headFiles + 1, added(store, "head_files"));
        assertEquals("the functions shared", 1, count(store, "head_functions"));
        assertEquals(2, count(store, "functions WHERE name = 'run'"));
        List<Long> scans = store.history(repo.dir()).stream().map(scan -> scan.scanId()).toList();
        assertEquals(1, count(store, "scans WHERE scan_id = " + scans.get(1) + " AND rows_from = scan_id "
                + "AND functions_from = " + scans.get(0)));

        scanStored(store, request, metrics("stop"));
        assertEquals("a changed function writes the functions", 2, added(store, "head_functions"));
        assertEquals("the files shared", 2 * headFiles + 1, count(store, "head_files"));
        assertEquals(List.of("run", "run", "stop"), functionNames(store));
    }

    /**
     * A scan writes each of its report tables' rows as one value, which its rescan shares; the first read adds the
     * rows, once, and what store info counts before is what the read then gives. The head's files are rows, as git
     * ls-tree lists them.
     */
    @Test
    public void reportRowsAreKeptAsValuesAndAddedByTheFirstRead() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request, metrics("run"));
        scanStored(store, request, metrics("run"));
        assertEquals("no row of functions written", 0, count(store, "head_functions"));
        assertEquals("the functions, once for both scans", 1, count(store, "pending_head_rows"));
        List<String> lsTree = new ArrayList<>();
        lsTree(repo).forEach((path, meta) -> lsTree.add(path + " " + meta[3]));
        assertEquals(lsTree, headFiles(store));
        List<Tables.Table> tables = List.of(Tables.HEAD_FUNCTIONS, Tables.FUNCTIONS, Tables.HEAD_HOTSPOTS,
                Tables.HOTSPOTS);
        Map<Tables.Table, Long> counted = new LinkedHashMap<>();
        try (Connection connection = store.database(null).openForReading()) {
            for (Tables.Table table : tables) {
                counted.put(table, ChangeRows.rowsOf(connection, table));
            }
        }

        expandRows(store);

        assertEquals(0, count(store, "pending_head_rows"));
        for (Tables.Table table : tables) {
            assertEquals(table.name(), (long) counted.get(table), count(store, table.name()));
        }
        assertEquals(List.of("run", "run"), functionNames(store));
        assertEquals("read again, nothing is added", List.of("run", "run"), functionNames(store));
        assertEquals(1, count(store, "head_functions"));
    }

    /**
     * A rescan is told the head's files as the latest scan under the same change settings saw their
     * blobs, reads none of them, and tells what a cold scan tells; a scan under other settings is
     * told nothing.
     */
    @Test
    public void aRescanIsToldTheHeadFilesAsTheLatestScanUnderItsSettingsSawThem() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        // a content plugin's scan: the head's blob ids are kept with its files
        scanWithContentPlugin(store, request);
        Map<String, String[]> files = lsTree(repo);
        try (var session = store.open(request)) {
            for (Map.Entry<String, String[]> file : files.entrySet()) {
                FileInfo told = session.recordedFile(file.getKey(), file.getValue()[2]);
                assertEquals(file.getKey(), Long.parseLong(file.getValue()[3]), told.size());
                assertEquals(file.getKey(), repo.git("show", "HEAD:" + file.getKey()).lines().count(), told.lines());
                assertEquals(file.getKey(), told.path());
            }
            assertNull("a blob no scan told of", session.recordedFile("src/Main.java", "0".repeat(40)));
            AtomicInteger told = new AtomicInteger();
            ChangeCache telling = new ChangeCache() {
                @Override
                public List<FileChange> recorded(String commitId) {
                    return session.recorded(commitId);
                }

                @Override
                public FileInfo recordedFile(String path, String blobId) {
                    FileInfo file = session.recordedFile(path, blobId);
                    if (file != null) {
                        told.incrementAndGet();
                    }
                    return file;
                }
            };
            assertEquals(events(request, null), events(request, telling));
            assertEquals("each head file told, no blob read", files.size(), told.get());
        }
        try (var session = store.open(ScanRequest.builder(repo.dir()).firstParent(true).build())) {
            assertNull("other change settings", session.recordedFile("src/Main.java", files.get("src/Main.java")[2]));
        }
    }

    /** The head's files of the store's rows, "path size", sorted as Java sorts (a server's collation may not). */
    private static List<String> headFiles(ScanStoreImpl store) throws Exception {
        return strings(store, "SELECT path || ' ' || size FROM head_files").stream().sorted().toList();
    }

    /** A value of pending_head_rows that cannot be read is dropped by the first read, with one warning. */
    @Test
    public void aDamagedValueOfReportRowsIsDroppedByTheFirstRead() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request, metrics("run"));
        scanStored(store, request, metrics("run"));
        try (Connection connection = store.database(null).open();
                java.sql.PreparedStatement update = connection.prepareStatement(
                        "UPDATE pending_head_rows SET encoded = ? WHERE table_name = 'head_functions'")) {
            update.setBytes(1, new byte[] {1, 2});
            assertEquals(1, update.executeUpdate());
            connection.commit();
        }

        expandRows(store);

        assertEquals(0, count(store, "pending_head_rows"));
        assertEquals(0, count(store, "head_functions"));
        assertEquals(2, count(store, "scans WHERE functions_from IS NOT NULL"));
        assertEquals(0, count(store, "functions"));
    }

    /**
     * A schema 5 store (a head's rows shared all together) brought to 6 keeps every scan's rows
     * in the views, and its commits replay.
     */
    @Test
    public void aSchema5StoreKeepsItsScansRowsAndReplays() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request, metrics("run"));
        scanStored(store, request, metrics("run"));
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            schema12(statement);
            for (Tables.Table view : List.of(Tables.FUNCTIONS, Tables.HOTSPOTS)) {
                statement.execute("DROP VIEW " + view.name());
                statement.execute("ALTER TABLE scans DROP COLUMN " + view.name() + "_from");
                statement.execute("ALTER TABLE scans DROP COLUMN " + view.name() + "_digest");
                statement.execute("CREATE VIEW " + view.name() + " AS "
                        + view.query().replace("s." + view.name() + "_from", "s.rows_from"));
            }
            writtenBeforeFlyway(statement, 5);
            connection.commit();
        }

        Recorded rescan = scanStored(store, request, metrics("run"));

        assertEquals(0, rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
        assertEquals(List.of("run", "run", "run"), functionNames(store));
        try (Connection connection = store.database(null).openForReading()) {
            assertEquals(Schema.CURRENT, Schema.version(connection));
        }
        assertEquals("Flyway took the store's version as its baseline and ran the steps after it",
                migratedFrom(5), migrations(store));
    }

    /**
     * A fresh store is created at the current version at once, without Flyway (no history); when
     * a later gstats adds a step, Flyway takes the store's version as its baseline and runs the
     * step (here the last step, again, on a store that says it is one behind).
     */
    @Test
    public void aFreshStoreIsCreatedWithoutFlywayWhichMigratesItLater() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        assertEquals(List.of(), migrations(store));
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            assertEquals(Schema.CURRENT, Schema.version(connection));
            statement.executeUpdate("UPDATE " + Schema.VERSION_TABLE + " SET version = " + (Schema.CURRENT - 1));
            connection.commit();
        }

        Recorded rescan = scanStored(store, request);

        assertEquals(List.of((Schema.CURRENT - 1) + " BASELINE", Schema.CURRENT + " JDBC"), migrations(store));
        assertEquals(0, rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
    }

    /**
     * A store at the current version that a gstats before Flyway wrote (no Flyway history) is used
     * as it is: its commits replay, and nothing is added to it.
     */
    @Test
    public void aCurrentStoreWrittenBeforeFlywayReplaysAndIsLeftAsItIs() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            writtenBeforeFlyway(statement, Schema.CURRENT);
            connection.commit();
        }

        Recorded rescan = scanStored(store, request);

        assertEquals(0, rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
        assertEquals(2, store.history(repo.dir()).size());
        assertEquals("no Flyway history added to a current store", List.of(), migrations(store));
    }

    /** Flyway's history of the store's versions, oldest first: "VERSION TYPE" per row; empty when it has none. */
    /** Flyway's history of a store at {@code baseline} brought to this gstats' version: the baseline, each step. */
    private static List<String> migratedFrom(int baseline) {
        List<String> expected = new ArrayList<>(List.of(baseline + " BASELINE"));
        for (int version = baseline + 1; version <= Schema.CURRENT; version++) {
            expected.add(version + " JDBC");
        }
        return expected;
    }

    private static List<String> migrations(ScanStoreImpl store) throws Exception {
        try (Connection connection = store.database(null).openForReading()) {
            if (!Schema.isTable(connection, Migrations.HISTORY_TABLE)) {
                return List.of();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT \"version\", \"type\", \"success\" FROM "
                            + Migrations.HISTORY_TABLE_SQL + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                List<String> migrations = new ArrayList<>();
                while (rows.next()) {
                    assertTrue(rows.getBoolean(3));
                    migrations.add(rows.getString(1) + " " + rows.getString(2));
                }
                return migrations;
            }
        }
    }

    /** A report whose metrics section has a functions table of one function. */
    static List<ReportSection> metrics(String function) {
        Table functions = Table.builder("functions", "path", "name", "start_line", "end_line", "cyclomatic",
                "cognitive", "max_nesting", "parameters", "lines").row("src/Util.java", function, 2, 2, 1, 0, 0, 0, 1)
                .build();
        return List.of(new ReportSection("metrics", List.of(functions)));
    }

    private static List<String> functionNames(ScanStoreImpl store) throws Exception {
        expandRows(store);
        return strings(store, "SELECT name FROM functions ORDER BY scan_id, row_no");
    }

    /** The first column of a query's rows, as text, in the query's order. */
    private static List<String> strings(ScanStoreImpl store, String sql) throws Exception {
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** The store's database as it is, not migrated; an H2 file that is not there yet is created empty. */
    private static Connection unmigrated(ScanStoreImpl store) throws Exception {
        Database database = store.database(null);
        if (database.absent()) {
            new org.h2.Driver().connect(Database.h2Settings(database.location().url()), new Properties()).close();
        }
        return database.openForReading();
    }

    /** A schema 4 store's head rows, in tables of their own names then, are the views' rows after migration. */
    @Test
    public void aSchema4StoresHeadRowsAreReadThroughTheViews() throws Exception {
        ScanStoreImpl store = store();
        try (Connection connection = unmigrated(store);
                Statement statement = connection.createStatement()) {
            connection.setReadOnly(false);
            statement.execute("CREATE TABLE store_schema (version INTEGER NOT NULL)");
            statement.execute("INSERT INTO store_schema (version) VALUES (4)");
            for (int version = 1; version <= 4; version++) {
                for (Tables.Table table : Tables.ALL) {
                    for (String ddl : table.ddl(version)) {
                        statement.execute(ddl);
                    }
                }
            }
            statement.execute("INSERT INTO repositories (path) VALUES ('/old')");
            statement.execute("INSERT INTO settings (fingerprint, description) VALUES ('f', 'd')");
            statement.execute("INSERT INTO scans (repository_id, settings_id, started, branch, commits, authors, "
                    + "files, lines, duration_ms, gstats_version) VALUES (1, 1, CURRENT_TIMESTAMP, 'HEAD', 1, 1, 1, 3, "
                    + "5, 'old')");
            statement.execute("INSERT INTO files (scan_id, path, size, lines, is_binary) VALUES (1, 'a.txt', 10, 3, "
                    + "FALSE)");
            statement.execute("INSERT INTO functions (scan_id, row_no, path, name) VALUES (1, 0, 'a.txt', 'f')");
            connection.commit();
        }

        store.database(null).open().close();

        assertEquals(List.of("a.txt"), filesOf(store, 1));
        assertEquals(1, count(store, "functions WHERE scan_id = 1 AND name = 'f'"));
        assertEquals(1, count(store, "head_functions"));
        assertEquals(1, count(store, "scans WHERE rows_from = 1"));
    }

    private static List<String> filesOf(ScanStoreImpl store, long scanId) throws Exception {
        expandRows(store);
        return strings(store, "SELECT path FROM files WHERE scan_id = " + scanId + " ORDER BY path");
    }

    @Test
    public void firstScansOfOneRepositoryFinishingAtOnceAreAllStored() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        List<StoreSession> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StoreSession session = store.open(request);
            scanner.scan(request, PluginDataRequirements.NONE, session, session);
            sessions.add(session);
        }
        Report report = new Report(new ReportHeader("test", request.repository().toString(), "HEAD", null,
                Instant.now(), 1), List.of(), List.of());
        ExecutorService threads = Executors.newFixedThreadPool(sessions.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> finished = new ArrayList<>();
            for (StoreSession session : sessions) {
                finished.add(threads.submit(() -> {
                    go.await();
                    session.finish(report);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> finish : finished) {
                finish.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(sessions.size(), store.history(repo.dir()).size());
        assertEquals("each commit once, however many scans wrote it", commitCount(repo), commitRows(store).size());
        assertEquals("each change once: file_changes is kept once by its commit's value", count(store, "file_changes"),
                count(store, "(SELECT DISTINCT settings_id, commit_id, seq FROM file_changes) d"));
        Recorded rescan = scanStored(store, request);
        assertEquals(0, rescan.misses.get());
        assertEquals(events(request, null), rescan.events);
    }

    @Test
    public void aStoreOfSchemaOneIsMigratedForwardAndKeepsItsScans() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement()) {
            connection.setReadOnly(false);
            statement.execute("CREATE TABLE store_schema (version INTEGER NOT NULL)");
            statement.execute("INSERT INTO store_schema (version) VALUES (1)");
            for (Tables.Table table : Tables.ALL) {
                for (String ddl : table.ddl(1)) {
                    statement.execute(ddl);
                }
            }
            statement.execute("INSERT INTO repositories (path) VALUES ('/elsewhere')");
            connection.commit();
        }

        scanWithContentPlugin(store, request);
        assertEquals(headBlobs(repo).size(), scanWithContentPlugin(store, request).size());
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM store_schema")) {
            rows.next();
            assertEquals(Tables.VERSION, rows.getInt(1));
        }
        assertEquals(2, store.history(repo.dir()).size());
    }

    @Test
    public void perBlobResultsAreKeptForTheBlobsAtTheHead() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        Map<String, String> first = scanWithContentPlugin(store, request);
        assertEquals("nothing kept before the first scan", Map.of(), first);
        assertEquals(headBlobs(repo), blobIdsOfLatestScan(store));

        Map<String, String> second = scanWithContentPlugin(store, request);
        Map<String, String> expected = new TreeMap<>();
        headBlobs(repo).forEach((path, blob) -> expected.put(path, "lines of " + blob));
        assertEquals("each head blob's result, as the first scan put it", expected, second);

        repo.write("src/Util.java", "class Util {\n  void run() {}\n  void stop() {}\n}\n").commit("stop", ANN);
        Map<String, String> third = scanWithContentPlugin(store, request);
        expected.remove("src/Util.java");
        assertEquals("a changed file is analysed again", expected, third);
    }

    @Test
    public void aResultOverTheWholeHeadIsKeptUnderTheHeadCommit() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        assertNull("nothing kept before the first scan", scanWithHeadPlugin(store, request));
        assertNull("nor read under any head", storedHead);
        String head = repo.git("rev-parse", "HEAD").strip();
        assertEquals("the head's result, as the first scan put it", "summary of " + head,
                scanWithHeadPlugin(store, request));
        assertEquals(head, storedHead);

        repo.write("src/Util.java", "class Util {\n  void run() {}\n  void stop() {}\n}\n").commit("stop", ANN);
        assertNull("a new head has none", scanWithHeadPlugin(store, request));
        assertEquals("the latest stored scan's head, whose result was read", head, storedHead);
        String newHead = repo.git("rev-parse", "HEAD").strip();
        assertEquals("summary of " + newHead, scanWithHeadPlugin(store, request));
        assertEquals(newHead, storedHead);
    }

    /** What the last {@link #scanWithHeadPlugin} scan's session named as the head its whole-head results are of. */
    private String storedHead;

    /**
     * Scans with a plugin that asks for a result kept under the scan's head commit (one over the
     * whole head) and puts one when there is none; returns what it found, or null.
     */
    String scanWithHeadPlugin(ScanStoreImpl store, ScanRequest request) throws Exception {
        String[] found = new String[1];
        try (var session = store.open(request)) {
            ScanListener plugin = new ScanListener() {
                @Override
                public void onStart(ScanTarget target) {
                    storedHead = session.storedHeadId();
                    byte[] kept = session.get("summary 1", target.headId());
                    if (kept != null) {
                        found[0] = new String(kept, StandardCharsets.UTF_8);
                    } else {
                        session.put("summary 1", target.headId(),
                                ("summary of " + target.headId()).getBytes(StandardCharsets.UTF_8));
                    }
                }

                @Override
                public void onCommit(CommitInfo commit) {
                    // the result is the head's, whatever the commits
                }

                @Override
                public void onFileChange(FileChange change) {
                    // nor changes
                }
            };
            scanner.scan(request, new PluginDataRequirements(false, false, false, Long.MAX_VALUE, false),
                    new Both(plugin, session), session);
            session.finish(new Report(new ReportHeader("test", request.repository().toString(), "HEAD", null,
                    Instant.now(), 1), List.of(), List.of()));
        }
        return found[0];
    }

    /**
     * Scans with a content plugin that asks for each head blob's result and puts one when
     * there is none; returns what it found, by path.
     */
    Map<String, String> scanWithContentPlugin(ScanStoreImpl store, ScanRequest request) throws Exception {
        Map<String, String> found = new TreeMap<>();
        try (var session = store.open(request)) {
            ScanListener plugin = new ScanListener() {
                @Override
                public void onStart(ScanTarget target) {
                    // a content plugin hears only the head's content
                }

                @Override
                public void onCommit(CommitInfo commit) {
                    // nor commits
                }

                @Override
                public void onFileChange(FileChange change) {
                    // nor changes
                }

                @Override
                public void onFileContent(FileContent content) {
                    byte[] kept = session.get("lines 1", content.blobId());
                    if (kept != null) {
                        found.put(content.path(), new String(kept, StandardCharsets.UTF_8));
                    } else {
                        session.put("lines 1", content.blobId(),
                                ("lines of " + content.blobId()).getBytes(StandardCharsets.UTF_8));
                    }
                }
            };
            scanner.scan(request, new PluginDataRequirements(true, false, true, Long.MAX_VALUE, false),
                    new Both(plugin, session), session);
            session.finish(new Report(new ReportHeader("test", request.repository().toString(), "HEAD", null,
                    Instant.now(), 1), List.of(), List.of()));
        }
        return found;
    }

    static Map<String, String> headBlobs(GitRepo repo) {
        Map<String, String> blobs = new TreeMap<>();
        lsTree(repo).forEach((path, meta) -> blobs.put(path, meta[2]));
        return blobs;
    }

    /** What git ls-tree -r -l HEAD lists of each file, by path in Java's order: mode, type, blob id and size. */
    private static Map<String, String[]> lsTree(GitRepo repo) {
        Map<String, String[]> files = new TreeMap<>();
        for (String line : repo.git("ls-tree", "-r", "-l", "HEAD").lines().toList()) {
            String[] metaAndPath = line.split("\t", 2);
            files.put(metaAndPath[1], metaAndPath[0].trim().split(" +"));
        }
        return files;
    }

    private static Map<String, String> blobIdsOfLatestScan(ScanStoreImpl store) throws Exception {
        expandRows(store);
        Map<String, String> blobs = new TreeMap<>();
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT path, blob_id FROM files WHERE scan_id = "
                        + "(SELECT MAX(scan_id) FROM scans)")) {
            while (rows.next()) {
                blobs.put(rows.getString(1), rows.getString(2));
            }
        }
        return blobs;
    }

    @Test
    public void theLatestReportOfEachRepositoryIsKeptAsTheJsonFormatWroteIt() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        store.setJson(new JsonReportWriter());
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        scanStored(store, request);

        var scans = store.history(repo.dir());
        assertTrue("an earlier scan's report goes", store.report(scans.get(0).scanId()).isEmpty());
        StoredReport latest = store.report(scans.get(1).scanId()).orElseThrow();
        assertEquals(repo.dir().toRealPath(), latest.repository().toRealPath());
        JsonObject header = JsonParser.parseString(latest.json()).getAsJsonObject().getAsJsonObject("gstats");
        assertEquals(repo.dir().toString(), header.get("repository").getAsString());
    }

    /** A report kept as text by schema 4 is read as it was, before and after the store is brought forward. */
    @Test
    public void aReportKeptAsTextBeforeSchema5IsStillRead() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        store.setJson(new JsonReportWriter());
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        long scanId = store.history(repo.dir()).get(0).scanId();
        String json = store.report(scanId).orElseThrow().json();
        try (Connection connection = store.database(null).open();
                java.sql.PreparedStatement update = connection.prepareStatement("UPDATE reports SET json = ?")) {
            update.setString(1, json);
            update.executeUpdate();
            try (Statement statement = connection.createStatement()) {
                schema12(statement);
                statement.execute("ALTER TABLE reports DROP COLUMN json_deflated");
                statement.execute("ALTER TABLE reports ALTER COLUMN json SET NOT NULL");
                writtenBeforeFlyway(statement, 4);
            }
            connection.commit();
        }

        assertEquals("read from a schema 4 store", json, store.report(scanId).orElseThrow().json());
        store.database(null).open().close();
        assertEquals("read after the store is brought forward", json, store.report(scanId).orElseThrow().json());
        scanStored(store, request);
        long next = store.history(repo.dir()).get(1).scanId();
        try (Connection connection = store.database(null).openForReading();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT json, json_deflated FROM reports")) {
            assertTrue(row.next());
            assertNull("a new report is kept deflated only", row.getString(1));
            assertTrue(row.getBytes(2).length < json.length());
        }
        JsonObject header = JsonParser.parseString(store.report(next).orElseThrow().json()).getAsJsonObject()
                .getAsJsonObject("gstats");
        assertEquals(repo.dir().toString(), header.get("repository").getAsString());
    }

    @Test
    public void withoutAJsonWriterNoReportIsKept() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);

        assertTrue(store.report(store.history(repo.dir()).get(0).scanId()).isEmpty());
    }

    @Test
    public void aStoreOfSchemaVersion1GainsTheReportsTableOnOpen() throws Exception {
        GitRepo repo = history();
        ScanStoreImpl store = store();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        scanStored(store, request);
        try (Connection connection = store.database(null).open(); Statement statement = connection.createStatement()) {
            schema13(statement);
            for (String name : List.of("files", "functions", "hotspots")) {
                statement.execute("DROP VIEW " + name);
                statement.execute("ALTER TABLE head_" + name + " RENAME TO " + name);
            }
            for (String column : List.of("rows", "functions", "hotspots")) {
                statement.execute("ALTER TABLE scans DROP COLUMN " + column + "_from");
                statement.execute("ALTER TABLE scans DROP COLUMN " + column + "_digest");
            }
            schema7(statement);
            statement.execute("DROP TABLE commit_changes");
            statement.execute("DROP TABLE reports");
            statement.execute("DROP TABLE blob_results");
            statement.execute("ALTER TABLE files DROP COLUMN blob_id");
            statement.execute("ALTER TABLE commits DROP COLUMN author_zone");
            statement.execute("ALTER TABLE commits DROP COLUMN commit_zone");
            writtenBeforeFlyway(statement, 1);
            connection.commit();
        }
        assertTrue("a version 1 store has no reports", store.report(1).isEmpty());

        store.setJson(new JsonReportWriter());
        scanStored(store, request);
        try (Connection connection = store.database(null).openForReading()) {
            assertEquals(Schema.CURRENT, Schema.version(connection));
        }
        var scans = store.history(repo.dir());
        assertEquals(2, scans.size());
        assertTrue(store.report(scans.get(1).scanId()).isPresent());
    }

    static int commitCount(GitRepo repo) {
        return Integer.parseInt(repo.git("rev-list", "--count", "HEAD").strip());
    }

    /** Commits a scan diffs: all but merges. */
    static int diffedCount(GitRepo repo) {
        return Integer.parseInt(repo.git("rev-list", "--count", "--no-merges", "HEAD").strip());
    }

    /** Renames, a binary file, a deletion, a merge. */
    GitRepo history() throws IOException {
        GitRepo repo = GitRepo.init(temp.newFolder("repo").toPath());
        repo.write("src/Main.java", "class Main {\n}\n").write("README", "hello\n").commit("first", ANN);
        repo.write("src/Main.java", "class Main {\n  int x;\n}\n").commit("second", BOB);
        repo.write("logo.bin", new byte[] {0, 1, 2, 3}).commit("binary", ANN);
        repo.git("checkout", "-q", "-b", "side");
        repo.move("README", "README.md").commit("rename", BOB);
        repo.git("checkout", "-q", "main");
        repo.write("src/Util.java", "class Util {\n}\n").commit("util", ANN);
        repo.merge("side", ANN);
        repo.delete("logo.bin").commit("drop the logo", BOB);
        repo.write("src/Util.java", "class Util {\n  void run() {}\n}\n").commit("run", BOB);
        return repo;
    }

    /** Every event as a line, in order. */
    static final class Events implements ScanListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void onStart(ScanTarget target) {
            lines.add("start " + target);
        }

        @Override
        public void onCommit(CommitInfo commit) {
            lines.add("commit " + commit);
        }

        @Override
        public void onFileChange(FileChange change) {
            lines.add("change " + change);
        }

        @Override
        public void onFileInfo(FileInfo file) {
            lines.add("file " + file);
        }
    }

    List<String> events(ScanRequest request, ChangeCache cache) throws Exception {
        Events events = new Events();
        scanner.scan(request, PluginDataRequirements.NONE, events, cache == null ? ChangeCache.NONE : cache);
        return events.lines;
    }

    static final class Recorded {
        List<String> events;
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger misses = new AtomicInteger();
        /** How many commits the scan told from the store's kept walk instead of walking. */
        final AtomicInteger replayed = new AtomicInteger();
    }

    Recorded scanStored(ScanStoreImpl store, ScanRequest request) throws Exception {
        return scanStored(store, request, List.of());
    }

    /** A stored scan whose report has these sections. */
    Recorded scanStored(ScanStoreImpl store, ScanRequest request, List<ReportSection> sections) throws Exception {
        Recorded recorded = new Recorded();
        try (var session = store.open(request)) {
            Events events = new Events();
            ChangeCache counting = new ChangeCache() {
                @Override
                public List<FileChange> recorded(String commitId) {
                    List<FileChange> changes = session.recorded(commitId);
                    (changes == null ? recorded.misses : recorded.hits).incrementAndGet();
                    return changes;
                }

                @Override
                public StoredWalk walked(String identities) {
                    StoredWalk walk = session.walked(identities);
                    return walk == null ? null : new StoredWalk() {
                        @Override
                        public List<String> ids() {
                            return walk.ids();
                        }

                        @Override
                        public Iterator<CommitInfo> iterator() {
                            Iterator<CommitInfo> commits = walk.iterator();
                            return new Iterator<>() {
                                @Override
                                public boolean hasNext() {
                                    return commits.hasNext();
                                }

                                @Override
                                public CommitInfo next() {
                                    recorded.replayed.incrementAndGet();
                                    return commits.next();
                                }
                            };
                        }
                    };
                }

                @Override
                public void walking(String identities) {
                    session.walking(identities);
                }
            };
            scanner.scan(request, PluginDataRequirements.NONE, new Both(events, session), counting);
            session.finish(new Report(new ReportHeader("test", request.repository().toString(), "HEAD", null,
                    Instant.now(), 1), sections, List.of()));
            recorded.events = events.lines;
        }
        return recorded;
    }

    /** The scan's events to the test's recorder and the session. */
    record Both(ScanListener first, ScanListener second) implements ScanListener {
        @Override
        public void onStart(ScanTarget target) {
            first.onStart(target);
            second.onStart(target);
        }

        @Override
        public void onCommit(CommitInfo commit) {
            first.onCommit(commit);
            second.onCommit(commit);
        }

        @Override
        public void onFileChange(FileChange change) {
            first.onFileChange(change);
            second.onFileChange(change);
        }

        @Override
        public void onFileInfo(FileInfo file) {
            first.onFileInfo(file);
            second.onFileInfo(file);
        }

        @Override
        public void onFileContent(FileContent content) {
            first.onFileContent(content);
            second.onFileContent(content);
        }

        @Override
        public void onWarning(org.gstats.api.scan.ScanWarning warning) {
            first.onWarning(warning);
            second.onWarning(warning);
        }
    }

    /**
     * Makes a store look as a gstats before Flyway left it at {@code version}: that version in
     * {@code store_schema} and no Flyway history.
     */
    static void writtenBeforeFlyway(Statement statement, int version) throws SQLException {
        statement.executeUpdate("UPDATE " + Schema.VERSION_TABLE + " SET version = " + version);
        statement.execute("DROP TABLE IF EXISTS " + Migrations.HISTORY_TABLE_SQL);
    }
}
