package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Binary or text as git's attributes say, read from where {@code git log} reads them. */
public class AttributesFidelityTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");

    @Test
    public void workTreeAttributesInEveryDirectory() throws Exception {
        GitRepo repo = history("work");
        // git log reads the work tree's files, committed or not
        repo.write("docs/.gitattributes", "*.md -diff\nkeep.md !diff\n");

        RecordingListener scan = scan(repo.dir());

        assertNumstat(repo, scan, "-M");
        assertTrue(scan.changes.values().stream().flatMap(java.util.List::stream)
                .anyMatch(change -> change.path().equals("data/table.dat") && change.binary()));
        assertTrue(scan.changes.values().stream().flatMap(java.util.List::stream)
                .anyMatch(change -> change.path().equals("raw.bin") && !change.binary()));
    }

    @Test
    public void bareRepositoryReadsInfoAttributesOnly() throws Exception {
        GitRepo origin = history("origin");
        Path bareDir = temp.getRoot().toPath().resolve("bare.git");
        origin.git("clone", "-q", "--bare", origin.dir().toString(), bareDir.toString());
        GitRepo bare = GitRepo.open(bareDir);

        assertNumstat(bare, scan(bareDir), "-M");

        Files.writeString(bareDir.resolve("info").resolve("attributes"), "[attr]opaque -diff\n*.txt opaque\n");
        RecordingListener scan = scan(bareDir);

        assertNumstat(bare, scan, "-M");
        assertTrue(scan.changes.values().stream().flatMap(java.util.List::stream)
                .filter(change -> change.path().endsWith(".txt")).allMatch(FileChange::binary));
    }

    /** Text, data, a NUL-bearing file forced to text, a driver without settings, -text; then all edited. */
    private GitRepo history(String name) throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder(name).toPath());
        repo.write(".gitattributes", "*.dat binary\n*.bin diff\n*.cfg diff=ini\n*.txt -text\n")
                .write("data/table.dat", "a,b\n1,2\n").write("raw.bin", bytes("head\0tail\nmore\n"))
                .write("app.cfg", "k=v\n").write("notes.txt", "one\n").write("docs/guide.md", "# Guide\n")
                .write("docs/keep.md", "keep\n").commit("Start", ANN);
        repo.write("data/table.dat", "a,b\n1,2\n3,4\n").write("raw.bin", bytes("head\0tail\nmore\nand more\n"))
                .write("app.cfg", "k=v\nx=y\n").write("notes.txt", "one\ntwo\n").write("docs/guide.md", "# Guide\nText\n")
                .write("docs/keep.md", "keep\nthis\n").commit("Edits", ANN);
        repo.move("data/table.dat", "data/moved.dat").commit("Moved", ANN);
        return repo;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static RecordingListener scan(Path dir) throws Exception {
        return GitTruth.scan(ScanRequest.builder(dir).detectRenames(true).build());
    }
}
