package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.gstats.scanner.internal.GitTruth.revList;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Where a scan starts and which commits it takes, held to {@code git rev-list}. */
public class ScanRequestTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static GitRepo repo;
    private static final List<Instant> TIMES = new ArrayList<>();

    /**
     * main: six commits, one of them dated before its parent (clock skew); other: branches
     * off the second commit, one commit dated the same second as one on main, then merged.
     */
    @BeforeClass
    public static void buildHistory() {
        repo = GitRepo.init(TEMP.getRoot().toPath().resolve("repo"));
        commit("src/a.txt", "a\n", "one", hours(1));
        commit("src/a.txt", "a\nb\n", "two", hours(2));
        repo.git("tag", "v2");
        repo.git("branch", "other");
        commit("src/b.txt", "b\n", "three", hours(3));
        commit("src/b.txt", "b\nskewed\n", "four, dated before its parent", hours(1).plusSeconds(1800));
        commit("src/a.txt", "a\nb\nc\n", "five", hours(5));
        repo.git("checkout", "-q", "other");
        commit("other.txt", "x\n", "other one", hours(5));
        commit("other.txt", "x\ny\n", "other two", hours(6));
        repo.git("checkout", "-q", "main");
        repo.merge("other", ANN);
        commit("src/a.txt", "a\nb\nc\nd\n", "after the merge", Instant.parse("2024-03-10T00:00:00Z"));
    }

    @Test
    public void scansAnotherBranchAsGitRevListDoes() throws Exception {
        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).branch("other").build());

        assertEquals(revList(repo, "other"), scan.commitIds());
        assertEquals(Integer.parseInt(repo.git("rev-list", "--count", "other").trim()), scan.commits.size());
        assertEquals("other", scan.target.branch());
        assertEquals(repo.git("rev-parse", "other").trim(), scan.target.headId());
        assertNumstat(repo, scan, "other");
    }

    @Test
    public void startsFromATagOrACommitId() throws Exception {
        assertEquals(revList(repo, "v2"),
                GitTruth.scan(ScanRequest.builder(repo.dir()).branch("v2").build()).commitIds());
        String third = revList(repo, "main").get(4);
        assertEquals(revList(repo, third),
                GitTruth.scan(ScanRequest.builder(repo.dir()).branch(third.substring(0, 10)).build()).commitIds());
        assertEquals(revList(repo, "HEAD~2"),
                GitTruth.scan(ScanRequest.builder(repo.dir()).branch("HEAD~2").build()).commitIds());
    }

    @Test
    public void ordersTiesAndSkewAsGitLog() throws Exception {
        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());
        assertEquals(revList(repo, "HEAD"), scan.commitIds());
        assertNumstat(repo, scan);
    }

    @Test
    public void sinceAndUntilSelectAsGitRevListDoes() throws Exception {
        List<Instant> bounds = new ArrayList<>(TIMES);
        bounds.add(hours(0));
        bounds.add(hours(4));
        bounds.add(hours(1).plusSeconds(1799));
        bounds.add(Instant.parse("2030-01-01T00:00:00Z"));
        int compared = 0;
        for (Instant since : bounds) {
            assertSelection(since, null);
            assertSelection(null, since);
            for (Instant until : bounds) {
                if (!until.isBefore(since)) {
                    assertSelection(since, until);
                    compared++;
                }
            }
        }
        assertTrue("compared " + compared, compared > 20);
    }

    @Test
    public void aDirectoryInsideTheWorkTreeScansTheRepository() throws Exception {
        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir().resolve("src")).build());
        assertEquals(repo.dir().toAbsolutePath().normalize(), scan.target.repository());
        assertEquals(revList(repo, "HEAD"), scan.commitIds());
    }

    @Test
    public void aBareCloneScansLikeTheOriginal() throws Exception {
        Path bare = TEMP.getRoot().toPath().resolve("bare.git");
        repo.git("clone", "-q", "--bare", repo.dir().toString(), bare.toString());

        RecordingListener original = GitTruth.scan(ScanRequest.builder(repo.dir()).build());
        RecordingListener clone = GitTruth.scan(ScanRequest.builder(bare).build());

        assertEquals(bare.toAbsolutePath().normalize(), clone.target.repository());
        assertEquals(original.target.headId(), clone.target.headId());
        assertEquals(original.commits, clone.commits);
        assertEquals(original.changes, clone.changes);
    }

    private static void assertSelection(Instant since, Instant until) throws Exception {
        List<String> args = new ArrayList<>();
        ScanRequest.Builder request = ScanRequest.builder(repo.dir());
        if (since != null) {
            args.add("--since=@" + since.getEpochSecond());
            request.since(since);
        }
        if (until != null) {
            args.add("--until=@" + until.getEpochSecond());
            request.until(until);
        }
        args.add("HEAD");
        assertEquals("rev-list " + args, revList(repo, args.toArray(String[]::new)),
                GitTruth.scan(request.build()).commitIds());
    }

    private static void commit(String path, String content, String message, Instant when) {
        repo.write(path, content).commit(message, ANN, when);
        TIMES.add(when);
    }

    private static Instant hours(int hours) {
        return T0.plusSeconds(3600L * hours);
    }
}
