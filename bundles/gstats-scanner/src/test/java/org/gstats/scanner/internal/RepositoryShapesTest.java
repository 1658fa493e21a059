package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gstats.api.ChangeType;
import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanWarning;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.Numstat;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Repositories as they come, each scanned and held to what git says of it. */
public class RepositoryShapesTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");

    @Test
    public void bareRepository() throws Exception {
        GitRepo origin = history("origin");
        Path bareDir = temp.getRoot().toPath().resolve("bare.git");
        origin.git("clone", "-q", "--bare", origin.dir().toString(), bareDir.toString());
        GitRepo bare = GitRepo.open(bareDir);

        RecordingListener scan = scan(ScanRequest.builder(bareDir));

        assertEquals(bareDir, scan.target.repository());
        assertNumstat(bare, scan);
    }

    @Test
    public void linkedWorktreeScansItsOwnHead() throws Exception {
        GitRepo main = history("main");
        Path worktreeDir = temp.getRoot().toPath().resolve("linked");
        main.git("worktree", "add", "-q", "-b", "side", worktreeDir.toString(), "HEAD~1");
        GitRepo linked = GitRepo.open(worktreeDir);
        linked.write("side.txt", "side\n").commit("Side work", ANN);

        RecordingListener scan = scan(ScanRequest.builder(worktreeDir));

        assertEquals(worktreeDir, scan.target.repository());
        assertEquals(linked.git("rev-parse", "HEAD").strip(), scan.target.headId());
        assertNumstat(linked, scan);
    }

    @Test
    public void detachedHead() throws Exception {
        GitRepo repo = history("detached");
        repo.git("checkout", "-q", "--detach", "HEAD~2");

        RecordingListener scan = scan(ScanRequest.builder(repo.dir()));

        assertEquals("HEAD", scan.target.branch());
        assertEquals(repo.git("rev-parse", "HEAD").strip(), scan.target.headId());
        assertNumstat(repo, scan);
    }

    @Test
    public void shallowCloneStopsAtTheGraftAndSaysSo() throws Exception {
        GitRepo origin = history("deep");
        Path shallowDir = temp.getRoot().toPath().resolve("shallow");
        origin.git("clone", "-q", "--depth", "2", "file://" + origin.dir(), shallowDir.toString());
        GitRepo shallow = GitRepo.open(shallowDir);
        String graft = shallow.git("rev-parse", "HEAD~1").strip();

        RecordingListener scan = scan(ScanRequest.builder(shallowDir));

        assertNumstat(shallow, scan);
        assertEquals(2, scan.commits.size());
        assertEquals(List.of(new ScanWarning(graft, null, "shallow clone: the history stops at commit " + graft
                + ", whose parents are not in the repository")), scan.warnings);
    }

    /**
     * A blobless partial clone: gstats fetches nothing; each change whose blob is not there is
     * left out and named, with the commit, in a warning, and every commit is still listed.
     */
    @Test
    public void partialCloneWithoutOldBlobs() throws Exception {
        GitRepo origin = history("promisor");
        origin.git("config", "uploadpack.allowFilter", "true");
        Path partialDir = temp.getRoot().toPath().resolve("partial");
        origin.git("clone", "-q", "--filter=blob:none", "file://" + origin.dir(), partialDir.toString());
        GitRepo partial = GitRepo.open(partialDir);
        List<String> missing = partial.git("rev-list", "--objects", "--missing=print", "HEAD").lines()
                .filter(line -> line.startsWith("?")).map(line -> line.substring(1)).toList();

        RecordingListener scan = scan(ScanRequest.builder(partialDir));

        assertEquals(GitTruth.revList(partial, "HEAD"), scan.commitIds());
        assertTrue(missing.toString(), !missing.isEmpty());
        assertTrue(scan.warnings.toString(), !scan.warnings.isEmpty());
        for (ScanWarning warning : scan.warnings) {
            assertTrue(warning.toString(), missing.contains(warning.objectId()));
            assertTrue(warning.toString(), scan.commitIds().contains(warning.commitId()));
        }
    }

    @Test
    public void submodulesAreGitlinksAndNotDescended() throws Exception {
        GitRepo library = history("library");
        GitRepo repo = GitRepo.init(temp.newFolder("super").toPath());
        repo.write("main.txt", "main\n").commit("Main", ANN);
        repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.dir().toString(), "lib");
        repo.commit("Add the library", ANN);
        GitRepo.open(repo.dir().resolve("lib")).git("checkout", "-q", "HEAD~1");
        repo.commit("Pin the library one back", ANN);

        RecordingListener scan = scan(ScanRequest.builder(repo.dir()));

        assertNumstat(repo, scan);
        assertTrue(scan.changes.values().stream().flatMap(List::stream)
                .allMatch(c -> c.path().equals("lib") || !c.path().startsWith("lib")));
    }

    @Test
    public void pathsWithSpaces() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("spaces").toPath());
        repo.write("a dir/file with spaces.txt", "one\n").write(" leading.txt", "x\n").commit("Add", ANN);
        repo.write("a dir/file with spaces.txt", "one\ntwo\n").commit("Edit", ANN);
        repo.move("a dir/file with spaces.txt", "another dir/renamed file.txt");
        repo.commit("Move", ANN);

        assertNumstat(repo, scan(ScanRequest.builder(repo.dir())));
    }

    /**
     * A path that is not UTF-8 comes through with the counts git prints; its bytes are read
     * as JGit reads them, each invalid byte as the ISO-8859-1 character of that value.
     */
    @Test
    public void pathsThatAreNotUtf8() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("latin1").toPath());
        shell(repo, "printf 'caf\\351\\n' > \"$(printf 'caf\\351.txt')\"");
        String first = repo.commit("Add a Latin-1 name", ANN);
        shell(repo, "printf 'caf\\351\\nau lait\\n' > \"$(printf 'caf\\351.txt')\"");
        String second = repo.commit("Edit it", ANN);

        RecordingListener scan = scan(ScanRequest.builder(repo.dir()));
        Map<String, List<Numstat.Entry>> git = Numstat.log(repo);
        // Java cannot name the work tree's copy to delete it, so TemporaryFolder would leave the folder behind
        shell(repo, "rm -- \"$(printf 'caf\\351.txt')\"");

        assertEquals(List.of(second, first), scan.commitIds());
        FileChange edit = scan.changes.get(second).get(0);
        assertEquals("caf\u00e9.txt", edit.path());
        assertEquals(List.of(git.get(second).get(0).insertions(), git.get(second).get(0).deletions()),
                List.of(edit.insertions(), edit.deletions()));
        assertEquals(1, scan.changes.get(first).get(0).insertions());
    }

    @Test
    public void crlfFiles() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("crlf").toPath());
        repo.write("dos.txt", "one\r\ntwo\r\nthree\r\n").commit("Add", ANN);
        repo.write("dos.txt", "one\r\nTWO\r\nthree\r\nfour\n").commit("Edit, one line LF", ANN);
        repo.write("dos.txt", "one\nTWO\nthree\nfour\n").commit("To LF", ANN);

        assertNumstat(repo, scan(ScanRequest.builder(repo.dir())));
    }

    @Test
    public void emptyFiles() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("empty-files").toPath());
        repo.write("empty.txt", "").write("other.txt", "x\n").commit("Add", ANN);
        repo.write("empty.txt", "now text\n").write("other.txt", "").commit("Swap", ANN);
        repo.delete("other.txt");
        repo.commit("Drop the empty one", ANN);

        RecordingListener scan = scan(ScanRequest.builder(repo.dir()));

        assertNumstat(repo, scan);
        assertTrue(scan.changes.values().stream().flatMap(List::stream)
                .anyMatch(c -> c.path().equals("empty.txt") && c.type() == ChangeType.ADDED && c.newSize() == 0));
    }

    @Test
    public void filesWithoutATrailingNewline() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("no-newline").toPath());
        repo.write("f.txt", "a\nb").commit("Add", ANN);
        repo.write("f.txt", "a\nb\n").commit("End it", ANN);
        repo.write("f.txt", "a\nb\nc").commit("Open it again", ANN);
        repo.write("f.txt", "c").commit("Only the last", ANN);

        assertNumstat(repo, scan(ScanRequest.builder(repo.dir())));
    }

    /**
     * Above {@link BlobCache#MAX_BLOB_SIZE} a file's content is not read: the change is still
     * listed, with both sizes, as a binary change ({@code - -} in git's notation), whereas git
     * reads text files up to core.bigFileThreshold (512 MiB) and counts their lines.
     */
    @Test
    public void hugeFilesAreCountedWithoutTheirContent() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("huge").toPath());
        byte[] line = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] huge = new byte[(int) BlobCache.MAX_BLOB_SIZE + line.length];
        for (int at = 0; at + line.length <= huge.length; at += line.length) {
            System.arraycopy(line, 0, huge, at, line.length);
        }
        repo.write("small.txt", "small\n").write("huge.txt", huge).commit("Add", ANN);
        byte[] grown = Arrays.copyOf(huge, huge.length + line.length);
        System.arraycopy(line, 0, grown, huge.length, line.length);
        String second = repo.write("huge.txt", grown).write("small.txt", "small\nmore\n").commit("Grow", ANN);

        RecordingListener scan = scan(ScanRequest.builder(repo.dir()));

        List<FileChange> changes = scan.changes.get(second);
        assertEquals(2, changes.size());
        FileChange hugeChange = changes.get(0);
        assertEquals("huge.txt", hugeChange.path());
        assertTrue(hugeChange.binary());
        assertEquals(huge.length, hugeChange.oldSize());
        assertEquals(grown.length, hugeChange.newSize());
        assertEquals(new Numstat.Entry(1, 0, "small.txt", null), Numstat.log(repo, "-1").get(second).get(1));
        assertEquals(1, changes.get(1).insertions());
        assertEquals(new Numstat.Entry(1, 0, "huge.txt", null), Numstat.log(repo, "-1").get(second).get(0));
    }

    @Test
    public void aCommitWithThousandsOfFiles() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("many").toPath());
        for (int i = 0; i < 3000; i++) {
            repo.write("d" + (i % 30) + "/file" + i + ".txt", "file " + i + "\n");
        }
        repo.commit("Add 3000 files", ANN);
        for (int i = 0; i < 3000; i += 2) {
            repo.write("d" + (i % 30) + "/file" + i + ".txt", "file " + i + "\nedited\n");
        }
        Files.createDirectories(repo.dir().resolve("moved"));
        for (int i = 1; i < 3000; i += 3) {
            Files.move(repo.dir().resolve("d" + (i % 30) + "/file" + i + ".txt"),
                    repo.dir().resolve("moved/file" + i + ".txt"));
        }
        repo.commit("Edit half, move a third", ANN);

        RecordingListener scan = scan(ScanRequest.builder(repo.dir()));

        assertNumstat(repo, scan);
        assertEquals(3000, scan.changes.get(scan.commits.get(1).id()).size());
    }

    private static RecordingListener scan(ScanRequest.Builder request) throws Exception {
        return GitTruth.scan(request.build());
    }

    /** Five commits of edits and a rename. */
    private GitRepo history(String name) throws IOException {
        GitRepo repo = GitRepo.init(temp.newFolder(name).toPath());
        repo.write("a.txt", "a\n").write("b.txt", "b\nb\n").commit("One", ANN);
        repo.write("a.txt", "a\nA\n").commit("Two", ANN);
        repo.move("b.txt", "c.txt");
        repo.commit("Three", ANN);
        repo.write("c.txt", "b\nc\n").write("d.txt", "d\n").commit("Four", ANN);
        repo.delete("a.txt");
        repo.commit("Five", ANN);
        return repo;
    }

    /** Runs a shell line in the repository, for file names Java cannot spell. */
    private static void shell(GitRepo repo, String script) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).directory(repo.dir().toFile()).inheritIO().start();
        assertEquals(script, 0, process.waitFor());
        assertTrue(Files.isDirectory(repo.dir()));
    }
}
