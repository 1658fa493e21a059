package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.gstats.api.ChangeType;
import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Renames paired and scored as {@code git log -M} pairs and scores them (git's diffcore-rename). */
public class RenameFidelityTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");

    /** Identical files moved together: each new file takes the old one of its own name. */
    @Test
    public void identicalFilesPairBySameName() throws Exception {
        GitRepo repo = repo("identical");
        String same = lines("same", 12);
        repo.write("old/alpha.txt", same).write("old/beta.txt", same).write("old/gamma.txt", same)
                .write("keep.txt", "keep\n").commit("Three identical files", ANN);
        repo.move("old/alpha.txt", "new/gamma.txt").move("old/gamma.txt", "new/zeta.txt")
                .move("old/beta.txt", "new/beta.txt").commit("Moved", ANN);
        repo.delete("new/zeta.txt");
        repo.write("a/zeta.txt", same).write("b/other.txt", same).commit("One source, two destinations", ANN);

        RecordingListener scan = scan(repo);

        assertNumstat(repo, scan, "-M");
        assertEquals("old/gamma.txt", renamed(scan, 1, "new/gamma.txt").oldPath());
    }

    /** A file name shared by one deleted and one added file wins over a better score elsewhere, from 75 %. */
    @Test
    public void sameNamePreferredForInexactRenames() throws Exception {
        GitRepo repo = repo("basename");
        String base = lines("line", 10);
        repo.write("x/Foo.java", base).write("y/Bar.java", base.replace("line 10", "zzz 10")).commit("Two", ANN);
        repo.delete("x/Foo.java").delete("y/Bar.java");
        repo.write("z/Foo.java", base.replace("line 10", "zzz 10") + "extra\n").commit("One of them moved", ANN);

        RecordingListener scan = scan(repo);

        assertNumstat(repo, scan, "-M");
        assertEquals("x/Foo.java", renamed(scan, 0, "z/Foo.java").oldPath());
    }

    /** git leaves the last line out of the score when it lacks a newline: here 45 %, no rename. */
    @Test
    public void lastLineWithoutNewlineDoesNotCount() throws Exception {
        GitRepo repo = repo("template");
        String template = "title = TITLE_PLACEHOLDER_0123456\nversion = 1.0\nlicense = MIT\nmain = app\n"
                + "private = yes\nkind = lib\nowner = OWNER_HERE_01234567\nfiles = dist/**";
        repo.write("conf/app.ini", template).commit("Template", ANN);
        repo.delete("conf/app.ini");
        repo.write("conf/site.ini", template.replace("TITLE_PLACEHOLDER_0123456", "gstats analytics, tested")
                .replace("OWNER_HERE_01234567", "Ann Lee and Bob Smith")).commit("Template filled in", ANN);

        RecordingListener scan = scan(repo);

        assertNumstat(repo, scan, "-M");
        assertEquals(2, scan.changes.get(scan.commits.get(0).id()).size());
    }

    /**
     * Half the bytes kept: exactly 50 %, a rename. The same with one byte more in the new file:
     * 30 of 61 bytes, 49 %, a deletion and an addition.
     */
    @Test
    public void fiftyPercentBorder() throws Exception {
        GitRepo repo = repo("border");
        String ten = IntStream.range(0, 10).mapToObj(i -> "row " + i + "\n").collect(Collectors.joining()); // 60 bytes
        repo.write("a/half.txt", ten).write("a/below.txt", ten.replace("row", "col")).commit("Two files", ANN);
        repo.delete("a/half.txt").delete("a/below.txt");
        String half = ten.replace("row 1\n", "new 1\n").replace("row 3\n", "new 3\n").replace("row 5\n", "new 5\n")
                .replace("row 7\n", "new 7\n").replace("row 9\n", "new 9\n");
        String below = ten.replace("row", "col").replace("col 1\n", "xyz 1\n").replace("col 3\n", "xyz 3\n")
                .replace("col 5\n", "xyz 5\n").replace("col 7\n", "xyz 7\n").replace("col 9\n", "xyz 99\n");
        repo.write("b/half-moved.txt", half).write("b/below-moved.txt", below).commit("Half changed", ANN);

        RecordingListener scan = scan(repo);

        assertNumstat(repo, scan, "-M");
        List<FileChange> changes = scan.changes.get(scan.commits.get(0).id());
        assertEquals("a/half.txt", renamed(scan, 0, "b/half-moved.txt").oldPath());
        assertEquals(List.of(ChangeType.DELETED, ChangeType.ADDED, ChangeType.RENAMED),
                changes.stream().map(FileChange::type).toList());
    }

    /** Line ends: the CR of a CRLF does not count in text, so a file converted to LF stays similar. */
    @Test
    public void crlfConvertedAndMoved() throws Exception {
        GitRepo repo = repo("crlf");
        String unix = lines("text", 20);
        repo.write("dos.txt", unix.replace("\n", "\r\n")).commit("CRLF", ANN);
        repo.delete("dos.txt");
        repo.write("unix.txt", unix).commit("LF, renamed", ANN);

        RecordingListener scan = scan(repo);

        assertNumstat(repo, scan, "-M");
    }

    private GitRepo repo(String name) throws Exception {
        return GitRepo.init(temp.newFolder(name).toPath());
    }

    private static RecordingListener scan(GitRepo repo) throws Exception {
        return GitTruth.scan(ScanRequest.builder(repo.dir()).detectRenames(true).build());
    }

    private static FileChange renamed(RecordingListener scan, int commit, String path) {
        return scan.changes.get(scan.commits.get(commit).id()).stream()
                .filter(change -> change.path().equals(path) && change.type() == ChangeType.RENAMED).findFirst()
                .orElseThrow(() -> new AssertionError("no rename to " + path + " in " + scan.changes));
    }

    private static String lines(String word, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> word + " " + i + "\n").collect(Collectors.joining());
    }
}
