package org.gstats.plugin.commits.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.ScanContext;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The lifecycle table of a real repository, scanned by the real scanner, against what git shows. */
public class LifecycleGitTruthTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");

    private static GitRepo repo;
    private static Table lifecycle;

    private static String day(int day) {
        return Instant.parse("2024-03-01T10:00:00Z").plusSeconds(86_400L * (day - 1)).toString();
    }

    private static void commit(String message, int day) {
        repo.commit(message, ANN, Instant.parse(day(day)));
    }

    private static String text(String name) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append(name).append(" line ").append(i).append('\n');
        }
        return text.toString();
    }

    @BeforeClass
    public static void buildAndScan() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("repo").toPath());
        repo.write("a.txt", text("a")).write("b.txt", text("b")).write("keep.txt", text("keep"))
                .write("x.txt", text("x"));
        commit("start", 1);
        repo.move("a.txt", "c.txt");
        commit("a becomes c", 2);
        repo.delete("b.txt");
        commit("drop b", 3);
        repo.write("b.txt", text("b again, different"));
        commit("b comes back", 4);
        repo.move("c.txt", "d/e.txt");
        commit("c becomes d/e", 5);
        repo.move("x.txt", "y.txt").write("x.txt", text("a new x, nothing like the old one"));
        commit("x moves to y, a new x takes its place", 6);
        repo.delete("b.txt");
        commit("drop b again", 7);
        repo.write("b.txt", text("b for the third time"));
        commit("b is back once more", 8);

        lifecycle = (Table) scan().item("lifecycle").orElseThrow();
    }

    private static ReportSection scan() throws ScanException {
        Analysis[] analysis = new Analysis[1];
        new JGitRepositoryScanner().scan(ScanRequest.builder(repo.dir()).build(), new ScanListener() {
            @Override
            public void onStart(ScanTarget target) {
                analysis[0] = new CommitsPlugin()
                        .newAnalysis(new ScanContext(target.repository(), target.branch(), target.headId(), Map.of()));
            }

            @Override
            public void onCommit(CommitInfo commit) {
                analysis[0].onCommit(commit);
            }

            @Override
            public void onFileChange(FileChange change) {
                analysis[0].onFileChange(change);
            }
        });
        return analysis[0].result();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    public void oneRowPerPathThatGitShowsAddedDeletedOrRenamed() {
        Set<String> expected = new TreeSet<>();
        for (String line : repo.git("log", "-M", "--name-status", "--format=").split("\n")) {
            String[] fields = line.split("\t");
            if (fields[0].equals("A") || fields[0].equals("D")) {
                expected.add(fields[1]);
            } else if (fields[0].startsWith("R")) {
                expected.add(fields[1]);
                expected.add(fields[2]);
            }
        }
        List<String> paths = new ArrayList<>();
        lifecycle.rows().forEach(row -> paths.add((String) row.get(0)));
        assertEquals(List.copyOf(expected), paths);
    }

    @Test
    public void createdDeletedResurrectedAndRenamedAsTheHistoryWasMade() {
        assertEquals(List.of("path", "status", "created", "deleted", "resurrections", "renamed_from", "renamed_to",
                "renames"), lifecycle.columns());
        assertEquals(List.of(
                row("a.txt", "renamed", day(1), day(2), 0L, null, "c.txt", 0L),
                row("b.txt", "exists", day(1), null, 2L, null, null, 0L),
                row("c.txt", "renamed", day(2), day(5), 0L, "a.txt", "d/e.txt", 1L),
                row("d/e.txt", "exists", day(5), null, 0L, "c.txt", null, 2L),
                row("keep.txt", "exists", day(1), null, 0L, null, null, 0L),
                // git -M pairs a rename only with a deleted path: x.txt stayed, so y.txt is an addition
                row("x.txt", "exists", day(1), null, 0L, null, null, 0L),
                row("y.txt", "exists", day(6), null, 0L, null, null, 0L)), lifecycle.rows());
    }

    @Test
    public void deletionTimesEqualGitLogDiffFilterD() {
        for (List<Object> row : lifecycle.rows()) {
            if (row.get(1).equals("deleted")) {
                String last = repo.git("log", "-1", "--diff-filter=D", "--format=%aI", "--", (String) row.get(0))
                        .trim();
                assertEquals(row.get(0).toString(), Instant.parse(last.replace("+00:00", "Z")).toString(), row.get(3));
            }
        }
    }
}
