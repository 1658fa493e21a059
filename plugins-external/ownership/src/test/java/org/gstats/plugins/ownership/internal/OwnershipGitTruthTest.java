package org.gstats.plugins.ownership.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.PluginScan;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Ownership of a real repository, scanned by the real scanner, against C git: for every file at
 * the head, {@code git log --follow --no-merges --numstat} gives the lines each author added.
 */
public class OwnershipGitTruthTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final Person BOB = new Person("Bob", "bob@example.com");
    private static final Person BOB_AT_WORK = new Person("Bob Brown", "BOB@example.com");
    private static final Person CY = new Person("Cy", "cy@example.com");

    private static GitRepo repo;
    private static ReportSection section;

    @BeforeClass
    public static void buildAndScan() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("repo").toPath());
        repo.write("src/app/Main.java", lines("main", 40)).write("src/app/Util.java", lines("util", 10))
                .write("README.md", lines("readme", 3)).write("old.txt", lines("old", 5))
                .write("gone.txt", lines("gone", 6)).write("merged-away.txt", lines("away", 3))
                .write("again.txt", lines("first", 4))
                .write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        repo.commit("initial", ANN);
        repo.write("src/app/Util.java", lines("util", 10) + lines("more util", 30));
        repo.commit("grow util", BOB);
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("src/lib/Parser.java", lines("parse", 20));
        repo.commit("parser", CY);
        repo.write("src/lib/Parser.java", lines("parse", 20) + lines("parse more", 5));
        repo.commit("parser grows", CY);
        repo.git("checkout", "-q", "main");
        repo.move("src/app/Main.java", "src/app/App.java")
                .write("src/app/App.java", lines("main", 40) + lines("app", 4));
        repo.delete("old.txt");
        repo.commit("rename main, drop old", BOB_AT_WORK);
        repo.move("gone.txt", "attic/gone.txt").commit("gone moves", CY);
        repo.delete("attic/gone.txt").delete("again.txt");
        repo.commit("gone goes", ANN);
        // a merge that deletes a file: no commit's changes show the deletion
        repo.git("merge", "-q", "--no-ff", "--no-commit", "feature");
        repo.delete("merged-away.txt");
        repo.commit("Merge feature, drop merged-away.txt", ANN);
        repo.write("README.md", lines("readme", 3) + lines("news", 2)).write("again.txt", lines("second", 6));
        repo.commit("news", CY);

        section = scan(ScanRequest.builder(repo.dir()).build());
    }

    @Test
    public void filesAtTheHeadWithTheirMainAuthorAsGitFollowsThem() {
        List<String> files = List.of(repo.git("ls-files").split("\n"));
        Map<String, List<Object>> expected = new TreeMap<>();
        for (String path : files) {
            Map<String, Long> added = addedByAuthor(path);
            long total = added.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                continue;
            }
            String main = added.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .findFirst().orElseThrow().getKey();
            double sumOfSquares = added.values().stream().mapToDouble(v -> Math.pow((double) v / total, 2)).sum();
            expected.put(path, List.of(path, name(main), OwnershipAnalysis.round((double) added.get(main) / total),
                    added.size(), OwnershipAnalysis.round(1 - sumOfSquares), total));
        }

        Map<String, List<Object>> actual = new TreeMap<>();
        for (List<Object> row : table("files").rows()) {
            actual.put((String) row.get(0), row);
        }
        assertEquals(expected, actual);
    }

    @Test
    public void renamedFileKeepsItsHistory() {
        List<Object> app = row("files", "src/app/App.java");
        // Ann's 40 lines from before the rename, Bob Brown's 4 after
        assertEquals(List.of("src/app/App.java", "Ann", 0.909, 2, OwnershipAnalysis.round(1 - (Math.pow(40 / 44.0, 2)
                + Math.pow(4 / 44.0, 2))), 44L), app);
    }

    @Test
    public void directoriesSumTheirFiles() {
        List<Object> src = row("directories", "src");
        long total = 44 + 40 + 25;
        assertEquals("Ann", src.get(1));
        assertEquals(OwnershipAnalysis.round(50.0 / total), src.get(2));
        // Ann, Bob, Bob Brown (another name and email: another author, as git shortlog -sne says) and Cy
        assertEquals(4, src.get(3));
        assertEquals(total, src.get(5));
    }

    @Test
    public void busFactorIsTheFewestAuthorsOwningMoreThanHalfTheFiles() {
        Map<String, Object> summary = ((Fields) section.item("summary").orElseThrow()).values();
        // owners: App.java and README.md Ann, Util.java Bob, Parser.java and again.txt (deleted and
        // added again: its history goes on, as git log --follow) Cy; gone.txt, renamed then deleted,
        // is no file: Ann's 2 of 5 files are not more than half, with Cy's 2 they are
        assertEquals(5, summary.get("files"));
        assertEquals(2, summary.get("bus_factor"));
        assertEquals("Ann, Cy", summary.get("bus_factor_authors"));
    }

    /** Authors as git shortlog -sne tells them apart, among those who added lines to files at the head. */
    @Test
    public void authorsCountedByNameAndEmail() {
        Set<String> authors = new HashSet<>();
        for (String path : repo.git("ls-files").split("\n")) {
            authors.addAll(addedByAuthor(path).keySet());
        }
        Map<String, Object> summary = ((Fields) section.item("summary").orElseThrow()).values();
        assertEquals((long) authors.size(), ((Number) summary.get("authors")).longValue());
        assertEquals(4, authors.size());
    }

    @Test
    public void fileRenamedThenDeletedIsNotListed() {
        assertTrue(table("files").rows().stream().noneMatch(r -> ((String) r.get(0)).contains("gone")));
    }

    @Test
    public void fileDeletedByAMergeIsNotListed() {
        assertTrue(table("files").rows().stream().noneMatch(r -> r.get(0).equals("merged-away.txt")));
    }

    /** Lines added per author (name|email, after the mailmap) to the file, following renames, merges left out. */
    private static Map<String, Long> addedByAuthor(String path) {
        Map<String, Long> added = new HashMap<>();
        String author = null;
        for (String line : repo.git("log", "--follow", "--no-merges", "--numstat", "--format=@%aN|%aE", "--", path)
                .split("\n")) {
            if (line.startsWith("@")) {
                author = line.substring(1);
            } else if (!line.isBlank()) {
                String insertions = line.split("\t")[0];
                if (!insertions.equals("-")) {
                    added.merge(author, Long.parseLong(insertions), Long::sum);
                }
            }
        }
        added.values().removeIf(v -> v == 0);
        return added;
    }

    private static String name(String author) {
        return author.substring(0, author.indexOf('|'));
    }

    private static List<Object> row(String table, String key) {
        return table(table).rows().stream().filter(r -> r.get(0).equals(key)).findFirst().orElseThrow();
    }

    private static Table table(String name) {
        return (Table) section.item(name).orElseThrow();
    }

    private static String lines(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append(prefix).append(' ').append(i).append('\n');
        }
        return text.toString();
    }

    /** Feeds the real scanner's events to one analysis, as the engine does for every plugin. */
    private static ReportSection scan(ScanRequest request) throws ScanException {
        return PluginScan.run(new JGitRepositoryScanner(), request, new OwnershipPlugin());
    }
}
