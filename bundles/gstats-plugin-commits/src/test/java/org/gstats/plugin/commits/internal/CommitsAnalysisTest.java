package org.gstats.plugin.commits.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gstats.api.Analysis;
import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.ScanContext;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.junit.Test;

public class CommitsAnalysisTest {

    private static final String ANN = "Ann";
    private static final String ANN_MAIL = "ann@example.com";

    private static CommitInfo commit(String id, String author, String email, String authorTime, String... parents) {
        OffsetDateTime time = OffsetDateTime.parse(authorTime);
        return new CommitInfo(id, Arrays.asList(parents), author, email, time, "Committer", "c@example.com", time,
                "subject of " + id);
    }

    private static FileChange modified(String commitId, String path, int insertions, int deletions) {
        return new FileChange(commitId, path, null, ChangeType.MODIFIED, insertions, deletions, false, 10, 20, 5);
    }

    private static Analysis analysis(boolean listChanges) {
        return new CommitsPlugin().newAnalysis(new ScanContext(Path.of("/repo"), "HEAD", null, Map.of(),
                listChanges ? Map.of("changes", true) : Map.of()));
    }

    private static Map<String, Object> totals(ReportSection section) {
        return ((Fields) section.item("totals").orElseThrow()).values();
    }

    private static List<List<Object>> rows(ReportSection section, String table) {
        return ((Table) section.item(table).orElseThrow()).rows();
    }

    @Test
    public void pluginIsNamedCommitsAndDescribesItself() {
        CommitsPlugin plugin = new CommitsPlugin();
        assertEquals("commits", plugin.name());
        assertFalse(plugin.description().isBlank());
    }

    @Test
    public void emptyScanGivesZeroTotalsEmptyTablesAndNoTimes() {
        ReportSection section = analysis(false).result();

        assertEquals("commits", section.name());
        assertEquals(List.of("totals", "authors", "by_month", "lifecycle", "by_day", "by_weekday_hour", "authors_by_month",
                "identity_clusters"), section.items().stream().map(ReportItem::name).toList());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("commits", 0L);
        expected.put("merges", 0L);
        expected.put("authors", 0L);
        expected.put("files_changed", 0L);
        expected.put("file_changes", 0L);
        expected.put("insertions", 0L);
        expected.put("deletions", 0L);
        expected.put("first_commit", null);
        expected.put("last_commit", null);
        assertEquals(expected, totals(section));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(totals(section).keySet()));
        assertEquals(List.of(), rows(section, "authors"));
        assertEquals(List.of(), rows(section, "by_month"));
    }

    @Test
    public void mergesCountAsCommitsAndTheirDeliveredChangesCount() {
        Analysis analysis = analysis(false);
        analysis.onCommit(commit("m", ANN, ANN_MAIL, "2024-01-10T12:00:00Z", "b", "x"));
        analysis.onFileChange(modified("m", "feature.txt", 7, 2));
        analysis.onCommit(commit("x", ANN, ANN_MAIL, "2024-01-09T12:00:00Z", "a"));
        analysis.onFileChange(modified("x", "feature.txt", 7, 2));
        analysis.onCommit(commit("b", ANN, ANN_MAIL, "2024-01-08T12:00:00Z", "a"));
        analysis.onFileChange(modified("b", "main.txt", 1, 0));
        analysis.onCommit(commit("a", ANN, ANN_MAIL, "2024-01-07T12:00:00Z"));

        ReportSection section = analysis.result();

        Map<String, Object> totals = totals(section);
        assertEquals(4L, totals.get("commits"));
        assertEquals(1L, totals.get("merges"));
        assertEquals(15L, totals.get("insertions"));
        assertEquals(4L, totals.get("deletions"));
        assertEquals(3L, totals.get("file_changes"));
        assertEquals(2L, totals.get("files_changed"));
        assertEquals(List.of(List.of(ANN, ANN_MAIL, 4L, 15L, 4L, "2024-01-07T12:00:00Z", "2024-01-10T12:00:00Z")),
                rows(section, "authors"));
    }

    @Test
    public void monthIsTakenInTheAuthorsOwnOffset() {
        Analysis analysis = analysis(false);
        // 2024-02-29T23:30Z on the author's calendar in +02:00 is already March
        analysis.onCommit(commit("c3", ANN, ANN_MAIL, "2024-03-01T01:30:00+02:00"));
        // 2024-02-01T04:30Z, still January for an author in -05:00
        analysis.onCommit(commit("c2", ANN, ANN_MAIL, "2024-01-31T23:30:00-05:00"));
        analysis.onCommit(commit("c1", ANN, ANN_MAIL, "2024-01-05T09:00:00Z"));

        ReportSection section = analysis.result();

        assertEquals(List.of(List.of("2024-01", 2L), List.of("2024-03", 1L)), rows(section, "by_month"));
        assertEquals("2024-01-05T09:00:00Z", totals(section).get("first_commit"));
        // the time itself is in UTC, where it is still February
        assertEquals("2024-02-29T23:30:00Z", totals(section).get("last_commit"));
    }

    @Test
    public void firstAndLastCommitCompareInstantsNotWallClocks() {
        Analysis analysis = analysis(false);
        // 05:00Z, although its wall clock reads later than the other commit's
        analysis.onCommit(commit("east", ANN, ANN_MAIL, "2024-06-01T10:00:00+05:00"));
        analysis.onCommit(commit("utc", ANN, ANN_MAIL, "2024-06-01T06:00:00Z"));

        Map<String, Object> totals = totals(analysis.result());

        assertEquals("2024-06-01T05:00:00Z", totals.get("first_commit"));
        assertEquals("2024-06-01T06:00:00Z", totals.get("last_commit"));
    }

    @Test
    public void authorsAreExactNameAndEmailPairsSortedByCommitsThenNameThenEmail() {
        Analysis analysis = analysis(false);
        analysis.onCommit(commit("c6", "Bob", "bob@work.example", "2024-01-06T00:00:00Z"));
        analysis.onFileChange(modified("c6", "a.txt", 3, 1));
        analysis.onCommit(commit("c5", "Bob", "bob@home.example", "2024-01-05T00:00:00Z"));
        analysis.onCommit(commit("c4", ANN, ANN_MAIL, "2024-01-04T00:00:00Z"));
        analysis.onCommit(commit("c3", "Bob", "bob@work.example", "2024-01-03T00:00:00Z"));
        analysis.onFileChange(modified("c3", "a.txt", 2, 0));
        analysis.onFileChange(modified("c3", "b.txt", 1, 1));
        analysis.onCommit(commit("c2", "Cy", "cy@example.com", "2024-01-02T00:00:00Z"));
        analysis.onCommit(commit("c1", "Cy", "cy@example.com", "2024-01-01T00:00:00Z"));

        ReportSection section = analysis.result();

        assertEquals(List.of(
                List.of("Bob", "bob@work.example", 2L, 6L, 2L, "2024-01-03T00:00:00Z", "2024-01-06T00:00:00Z"),
                List.of("Cy", "cy@example.com", 2L, 0L, 0L, "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"),
                List.of(ANN, ANN_MAIL, 1L, 0L, 0L, "2024-01-04T00:00:00Z", "2024-01-04T00:00:00Z"),
                List.of("Bob", "bob@home.example", 1L, 0L, 0L, "2024-01-05T00:00:00Z", "2024-01-05T00:00:00Z")),
                rows(section, "authors"));
        assertEquals(4L, totals(section).get("authors"));
    }

    @Test
    public void changesTableListsEveryChangeInScanOrderOnlyWhenAsked() {
        FileChange binary = new FileChange("c2", "logo.png", null, ChangeType.ADDED, 0, 0, true, 0, 300, -1);
        FileChange rename = new FileChange("c2", "docs/guide.md", "guide.md", ChangeType.RENAMED, 1, 0, false, 40,
                45, 4);
        FileChange deletion = new FileChange("c1", "old.txt", null, ChangeType.DELETED, 0, 9, false, 90, 0, 0);
        for (boolean asked : new boolean[] {true, false}) {
            Analysis analysis = analysis(asked);
            analysis.onCommit(commit("c2", ANN, ANN_MAIL, "2024-05-02T08:00:00+02:00", "c1"));
            analysis.onFileChange(binary);
            analysis.onFileChange(rename);
            analysis.onCommit(commit("c1", "Bob", "bob@example.com", "2024-05-01T08:00:00Z"));
            analysis.onFileChange(deletion);

            ReportSection section = analysis.result();

            assertEquals(asked, section.item("changes").isPresent());
            if (asked) {
                Table changes = (Table) section.item("changes").orElseThrow();
                assertEquals(List.of("commit", "author_email", "time", "path", "old_path", "change_type",
                        "insertions", "deletions", "binary"), changes.columns());
                assertEquals(List.of(
                        Arrays.asList("c2", ANN_MAIL, "2024-05-02T06:00:00Z", "logo.png", null, "added", 0, 0,
                                true),
                        Arrays.asList("c2", ANN_MAIL, "2024-05-02T06:00:00Z", "docs/guide.md", "guide.md",
                                "renamed", 1, 0, false),
                        Arrays.asList("c1", "bob@example.com", "2024-05-01T08:00:00Z", "old.txt", null, "deleted", 0,
                                9, false)),
                        changes.rows());
            }
            Map<String, Object> totals = totals(section);
            assertEquals(3L, totals.get("file_changes"));
            assertEquals(3L, totals.get("files_changed"));
            assertEquals(1L, totals.get("insertions"));
            assertEquals(9L, totals.get("deletions"));
        }
    }

    @Test
    public void filesChangedCountsDistinctPaths() {
        Analysis analysis = analysis(false);
        analysis.onCommit(commit("c2", ANN, ANN_MAIL, "2024-05-02T08:00:00Z", "c1"));
        analysis.onFileChange(modified("c2", "a.txt", 1, 1));
        analysis.onFileChange(modified("c2", "b.txt", 1, 1));
        analysis.onCommit(commit("c1", ANN, ANN_MAIL, "2024-05-01T08:00:00Z"));
        analysis.onFileChange(modified("c1", "a.txt", 2, 0));

        Map<String, Object> totals = totals(analysis.result());

        assertEquals(2L, totals.get("files_changed"));
        assertEquals(3L, totals.get("file_changes"));
    }

    @Test
    public void fileChangeOutsideItsCommitIsRefused() {
        Analysis analysis = analysis(false);
        assertThrows(IllegalStateException.class, () -> analysis.onFileChange(modified("c1", "a.txt", 1, 0)));

        analysis.onCommit(commit("c2", ANN, ANN_MAIL, "2024-05-02T08:00:00Z"));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> analysis.onFileChange(modified("c1", "a.txt", 1, 0)));
        assertTrue(failure.getMessage().contains("c1"));
    }
}
