package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanWarning;
import org.gstats.testkit.GitRepo;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Requests the scanner cannot serve, a damaged repository, and the empty repository it can serve. */
public class ScanErrorsTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aMissingDirectoryIsBadInput() throws Exception {
        Path missing = temp.getRoot().toPath().resolve("nowhere");
        assertBadInput(ScanRequest.builder(missing).build(), "no such directory: " + missing);
    }

    @Test
    public void aPlainDirectoryIsNotARepository() throws Exception {
        Path plain = temp.newFolder("plain").toPath();
        assertBadInput(ScanRequest.builder(plain).build(), "not a Git repository: " + plain
                + " (pass the path of a repository or a directory inside one)");
    }

    @Test
    public void aFileIsNotADirectory() throws Exception {
        Path file = temp.newFile("file.txt").toPath();
        assertBadInput(ScanRequest.builder(file).build(),
                "not a directory: " + file + " (pass the path of a repository or a directory inside one)");
    }

    @Test
    public void anUnknownBranchIsBadInput() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("repo").toPath());
        repo.write("a.txt", "a\n").commit("one", new GitRepo.Person("Ann", "ann@example.com"));
        assertBadInput(ScanRequest.builder(repo.dir()).branch("foo").build(),
                "unknown branch or commit 'foo' in " + repo.dir());
    }

    @Test
    public void headOnABranchWithoutCommitsNamesTheBranchesThereAre() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("unborn").toPath());
        repo.write("a.txt", "a\n").commit("one", new GitRepo.Person("Ann", "ann@example.com"));
        repo.git("branch", "dev");
        repo.git("symbolic-ref", "HEAD", "refs/heads/nothing");

        assertBadInput(ScanRequest.builder(repo.dir()).build(), "HEAD points to branch nothing, which has no commits, "
                + "in " + repo.dir() + "; scan one of: dev, main (--branch NAME)");
    }

    @Test
    public void garbageInTheBranchFileIsABrokenBranch() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("garbage").toPath());
        repo.write("a.txt", "a\n").commit("one", new GitRepo.Person("Ann", "ann@example.com"));
        Path branch = repo.dir().resolve(".git/refs/heads/main");
        Files.writeString(branch, "garbage here\n");

        assertBadInput(ScanRequest.builder(repo.dir()).build(), "branch main in " + repo.dir() + " is broken: "
                + branch + " does not hold a commit id (git: your current branch appears to be broken)");
    }

    /**
     * Runs only where the chmod bites: root reads a mode-000 directory anyway (as git does), and
     * the tests often run as root; FaultsLauncherIT drops to an unprivileged user for this case.
     */
    @Test
    public void anUnreadableRepositoryIsPermissionDenied() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("locked").toPath());
        repo.write("a.txt", "a\n").commit("one", new GitRepo.Person("Ann", "ann@example.com"));
        Files.setPosixFilePermissions(repo.dir(), Set.of());
        try {
            Assume.assumeFalse("this user reads a mode-000 directory", Files.isReadable(repo.dir()));
            assertBadInput(ScanRequest.builder(repo.dir()).build(), "permission denied: cannot read " + repo.dir()
                    + " (run gstats as a user who may read it)");
        } finally {
            Files.setPosixFilePermissions(repo.dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    public void badFiltersAreBadInputBeforeTheRepositoryIsRead() throws Exception {
        Path missing = temp.getRoot().toPath().resolve("nowhere");
        assertBadInput(ScanRequest.builder(missing).author("Ann (").build(), "invalid author pattern 'Ann (': "
                + "Unclosed group (a Java regular expression, e.g. 'Ann|ann@example\\.com')");
        assertBadInput(ScanRequest.builder(missing).author("").build(),
                "empty author pattern (leave it out to take every author)");
        assertBadInput(ScanRequest.builder(missing).includes(List.of("src/[ab")).build(),
                "invalid include glob 'src/[ab': it has a [ without its ]");
        assertBadInput(ScanRequest.builder(missing).excludes(List.of("/vendor")).build(),
                "invalid exclude glob '/vendor': it starts with / (paths are relative to the repository's top "
                        + "directory)");
    }

    @Test
    public void anEmptyRepositoryStartsAndEndsWithoutEvents() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("empty").toPath());

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertEquals(repo.dir(), scan.target.repository());
        assertEquals("HEAD", scan.target.branch());
        assertNull(scan.target.headId());
        assertTrue(scan.commits.isEmpty());
        assertTrue(Files.isDirectory(repo.dir().resolve(".git")));
    }

    @Test
    public void aMissingBlobIsSkippedAndNamedWhileTheRestIsScanned() throws Exception {
        DamagedRepository damaged = damagedRepository();

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(damaged.repo.dir()).build());

        assertEquals(GitTruth.revList(damaged.repo, "HEAD"), scan.commitIds());
        assertEquals(List.of(skipped(damaged, damaged.third), skipped(damaged, damaged.second)), scan.warnings);
        assertEquals(List.of(), scan.changes.get(damaged.third));
        assertEquals(List.of("b.txt"), scan.changes.get(damaged.second).stream().map(FileChange::path).toList());
        assertEquals(List.of("a.txt", "b.txt"),
                scan.changes.get(damaged.first).stream().map(FileChange::path).toList());
    }

    private static ScanWarning skipped(DamagedRepository damaged, String commit) {
        return new ScanWarning(commit, damaged.blob, "missing object " + damaged.blob + " needed by commit " + commit
                + ": its change of a.txt is not counted (the repository is damaged or incomplete)");
    }

    @Test
    public void strictStopsAtTheMissingBlobNamingTheObjectAndTheCommit() throws Exception {
        DamagedRepository damaged = damagedRepository();

        ScanException failure = scanFailure(ScanRequest.builder(damaged.repo.dir()).strict(true).build());

        assertEquals(ScanException.Reason.FAILED, failure.reason());
        assertEquals("missing object " + damaged.blob + " needed by commit " + damaged.third + " in "
                + damaged.repo.dir() + " (the repository is damaged or incomplete)", failure.getMessage());
    }

    @Test
    public void gitLogItselfDiesOnTheMissingBlob() throws Exception {
        DamagedRepository damaged = damagedRepository();
        try {
            damaged.repo.git("log", "--numstat");
            throw new AssertionError("git log --numstat read a damaged repository");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(damaged.blob));
        }
    }

    @Test
    public void aMissingParentCommitEndsThatHistoryWithAWarning() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("cut").toPath());
        GitRepo.Person ann = new GitRepo.Person("Ann", "ann@example.com");
        String first = repo.write("a.txt", "a\n").commit("one", ann);
        String second = repo.write("a.txt", "a\nb\n").commit("two", ann);
        Files.delete(repo.dir().resolve(".git/objects/" + first.substring(0, 2) + "/" + first.substring(2)));

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertEquals(List.of(second), scan.commitIds());
        assertEquals(List.of(), scan.changes.get(second));
        assertEquals(2, scan.warnings.size());
        assertEquals(first, scan.warnings.get(0).objectId());
        assertEquals(second, scan.warnings.get(0).commitId());
        assertTrue(scan.warnings.get(0).message(), scan.warnings.get(0).message()
                .contains("its parent commit and the history behind it are not scanned"));
        // git rev-list --count HEAD dies there too; the one commit behind is what the scan could not read
        assertEquals(1, scan.warnings.get(1).unreadCommits());
        assertEquals("1 commit could not be read: the history stops at commit " + first + ", which is missing (the "
                + "repository is damaged or incomplete)", scan.warnings.get(1).message());
    }

    @Test
    public void aMissingTreeCostsTheChangesOfTheCommitsThatNeedIt() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("treeless").toPath());
        GitRepo.Person ann = new GitRepo.Person("Ann", "ann@example.com");
        String first = repo.write("d/a.txt", "a\n").write("b.txt", "b\n").commit("one", ann);
        String second = repo.write("d/a.txt", "a\nb\n").commit("two", ann);
        String third = repo.write("d/a.txt", "a\nb\nc\n").write("b.txt", "c\n").commit("three", ann);
        String tree = repo.git("rev-parse", second + ":d").strip();
        Files.delete(repo.dir().resolve(".git/objects/" + tree.substring(0, 2) + "/" + tree.substring(2)));

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertEquals(List.of(third, second, first), scan.commitIds());
        assertEquals(List.of(third, second), scan.warnings.stream().map(ScanWarning::commitId).toList());
        assertTrue(scan.warnings.stream().allMatch(w -> w.objectId().equals(tree) && w.message()
                .endsWith(": none of its changes are counted (the repository is damaged or incomplete)")));
        assertEquals(List.of(), scan.changes.get(third));
        assertEquals(2, scan.changes.get(first).size());
    }

    /** Three commits; the blob of a.txt that the second commit wrote is deleted. */
    private record DamagedRepository(GitRepo repo, String first, String second, String third, String blob) {
    }

    private DamagedRepository damagedRepository() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("damaged").toPath());
        GitRepo.Person ann = new GitRepo.Person("Ann", "ann@example.com");
        String first = repo.write("a.txt", "a\n").write("b.txt", "b\n").commit("one", ann);
        String second = repo.write("a.txt", "a\nb\n").write("b.txt", "b\nc\n").commit("two", ann);
        String third = repo.write("a.txt", "a\nb\nc\n").commit("three", ann);
        String blob = repo.git("rev-parse", second + ":a.txt").trim();
        Files.delete(repo.dir().resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
        return new DamagedRepository(repo, first, second, third, blob);
    }

    private static void assertBadInput(ScanRequest request, String message) {
        ScanException failure = scanFailure(request);
        assertEquals(ScanException.Reason.BAD_INPUT, failure.reason());
        assertEquals(message, failure.getMessage());
    }

    private static ScanException scanFailure(ScanRequest request) {
        try {
            new JGitRepositoryScanner().scan(request, new RecordingListener());
        } catch (ScanException e) {
            return e;
        }
        throw new AssertionError("expected a ScanException");
    }
}
