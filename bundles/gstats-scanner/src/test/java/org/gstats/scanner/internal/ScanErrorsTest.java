package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
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
    public void aMissingObjectFailsTheScanNamingTheObjectAndTheCommit() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("damaged").toPath());
        GitRepo.Person ann = new GitRepo.Person("Ann", "ann@example.com");
        repo.write("a.txt", "a\n").commit("one", ann);
        String second = repo.write("a.txt", "a\nb\n").commit("two", ann);
        String blob = repo.git("rev-parse", second + ":a.txt").trim();
        Files.delete(repo.dir().resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));

        ScanException failure = scanFailure(ScanRequest.builder(repo.dir()).build());

        assertEquals(ScanException.Reason.FAILED, failure.reason());
        assertEquals("missing object " + blob + " needed by commit " + second + " in " + repo.dir()
                + " (the repository is damaged or incomplete)", failure.getMessage());
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
