package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.Numstat;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Replace refs and grafts honoured as {@code git log} honours them. */
public class ReplacedHistoryTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");

    @Test
    public void graftedByReplaceRef() throws Exception {
        GitRepo repo = history("graft");
        repo.git("replace", "--graft", "HEAD~1", "HEAD~3");

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertNumstat(repo, scan);
        assertEquals(4, scan.commits.size());
        assertEquals(GitTruth.revList(repo, "HEAD"), scan.commitIds());
    }

    /** A commit replaced by another: shown under its own id with the other's tree, message and parents. */
    @Test
    public void commitReplacedByAnother() throws Exception {
        GitRepo repo = history("replace");
        String original = repo.git("rev-parse", "HEAD~2").strip();
        repo.git("checkout", "-q", "--detach", "HEAD~3");
        repo.write("file.txt", "another\nstory\n").write("extra.txt", "x\n");
        String replacement = repo.commit("Another story", ANN);
        repo.git("checkout", "-q", "main");
        repo.git("replace", original, replacement);

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertNumstat(repo, scan);
        assertEquals(GitTruth.gitLog(repo, "HEAD"), scan.commits);
    }

    @Test
    public void graftsFile() throws Exception {
        GitRepo repo = history("grafts");
        Files.writeString(repo.dir().resolve(".git/info/grafts"), "# cut the history\n"
                + repo.git("rev-parse", "HEAD~1").strip() + " " + repo.git("rev-parse", "HEAD~4").strip() + "\n");

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertNumstat(repo, scan);
        assertEquals(3, scan.commits.size());
    }

    /** With GIT_NO_REPLACE_OBJECTS, git and the reader see the history as recorded; grafts still count. */
    @Test
    public void replaceRefsOffKeepsTheRecordedParents() throws Exception {
        GitRepo repo = history("off");
        repo.git("replace", "--graft", "HEAD~1", "HEAD~3");
        List<String> recorded = repo.git("--no-replace-objects", "rev-list", "HEAD").lines().toList();

        List<String> walked = new ArrayList<>();
        try (Repository repository = new FileRepositoryBuilder().setGitDir(repo.dir().resolve(".git").toFile())
                .build(); ObjectReader reader = ReplacingReader.open(repository, false);
                RevWalk walk = new RevWalk(reader)) {
            walk.markStart(walk.parseCommit(repository.resolve("HEAD")));
            for (RevCommit commit : walk) {
                walked.add(commit.name());
            }
        }

        assertEquals(recorded, walked);
        assertEquals(5, walked.size());
        assertEquals(ObjectId.fromString(recorded.get(0)).name(), walked.get(0));
    }

    /** {@code --no-replace-objects}: the history as recorded, as {@code git --no-replace-objects log}. */
    @Test
    public void noReplaceObjectsAsGit() throws Exception {
        GitRepo repo = history("option");
        String original = repo.git("rev-parse", "HEAD~3").strip();
        repo.git("checkout", "-q", "--detach", "HEAD~4");
        repo.write("file.txt", "another\nstory\n");
        String replacement = repo.commit("Another story", ANN);
        repo.git("checkout", "-q", "main");
        repo.git("replace", original, replacement);
        repo.git("replace", "--graft", "HEAD~1", "HEAD~3");

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).replaceObjects(false).build());

        GitTruth.assertNumstat(Numstat.log(repo, List.of("--no-replace-objects")), scan, "--no-replace-objects");
        assertEquals(5, scan.commits.size());
        // with replace refs, git and gstats see another history
        assertEquals(GitTruth.revList(repo, "HEAD"), GitTruth.scan(ScanRequest.builder(repo.dir()).build())
                .commitIds());
        assertEquals(4, GitTruth.revList(repo, "HEAD").size());
    }

    /** Five commits, each adding a line to one file. */
    private GitRepo history(String name) throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder(name).toPath());
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            text.append("line ").append(i).append('\n');
            repo.write("file.txt", text.toString()).commit("Commit " + i, ANN);
        }
        return repo;
    }
}
