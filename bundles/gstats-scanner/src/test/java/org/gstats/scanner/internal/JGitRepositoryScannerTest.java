package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.gstats.scanner.internal.GitTruth.gitLog;
import static org.gstats.scanner.internal.GitTruth.linesOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * One history with the cases that trip line counting up, scanned and compared commit by
 * commit with what C git prints for it.
 */
public class JGitRepositoryScannerTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann Archer", "ann@example.com");
    private static final Person BOB = new Person("Bob Brown", "bob@example.org");
    private static final Person ZOE = new Person("Zoë Ünal", "zoe@example.net");
    private static final Person[] PEOPLE = {ANN, BOB, ZOE};

    private static GitRepo repo;
    private static RecordingListener withRenames;
    private static RecordingListener withoutRenames;

    @BeforeClass
    public static void buildAndScanHistory() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("history").toPath());
        Path dir = repo.dir();
        List<String> app = numbered("    int value", 40);

        repo.write("README.md", "# Demo\n\nA small project.\n")
                .write("src/App.java", String.join("\n", app) + "\n")
                .write("docs/user guide.txt", "Line one\nLine two\nLine three\n")
                .write("logo.png", noise(3000, 1, true))
                .write("empty.txt", "")
                .write("no-newline.txt", "first\nlast")
                .write("crlf.txt", "alpha\r\nbeta\r\ngamma\r\n")
                .write("run.sh", "#!/bin/sh\necho run\n")
                .write("docs/naïve café.txt", "crème\nbrûlée\n");
        repo.commit("Initial import", ANN);

        app.set(5, "    int changed5;");
        app.add(20, "    int inserted;");
        app.remove(30);
        repo.write("src/App.java", String.join("\n", app) + "\n")
                .write("no-newline.txt", "first\nlast\nmore")
                .write("crlf.txt", "alpha\r\nBETA\r\ngamma\r\n");
        repo.commit("Tune the app", BOB);

        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        repo.commit("Make run.sh executable", ZOE);

        repo.move("docs/user guide.txt", "docs/guide for users.txt");
        repo.commit("Rename the guide", ANN);

        repo.move("src/App.java", "src/main/Application.java");
        app.set(0, "package main;");
        app.add("    int last;");
        repo.write("src/main/Application.java", String.join("\n", app) + "\n");
        repo.commit("Move the app\n\nWith a body that %s does not show.", BOB);

        repo.delete("README.md");
        repo.write("docs/naïve café.txt", "crème\nbrûlée\nflambée\n");
        repo.commit("Drop the readme", ZOE);

        repo.git("checkout", "-q", "-b", "feature");
        List<String> feature = new ArrayList<>(app);
        feature.set(2, "    int feature;");
        repo.write("logo.png", noise(3200, 2, true))
                .write("feature.txt", "feature\n")
                .write("src/main/Application.java", String.join("\n", feature) + "\n");
        repo.commit("Feature work", ZOE);
        repo.git("checkout", "-q", "main");
        app.set(35, "    int mainline;");
        repo.write("src/main/Application.java", String.join("\n", app) + "\n")
                .write("empty.txt", "now has text\n");
        repo.commit("Main work", ANN);
        repo.merge("feature", BOB);

        Files.delete(dir.resolve("no-newline.txt"));
        Files.createSymbolicLink(dir.resolve("no-newline.txt"), Path.of("crlf.txt"));
        repo.commit("Replace a file by a link", ANN);

        GitRepo sub = GitRepo.init(dir.resolve("lib/sub"));
        sub.write("s.txt", "s\n").commit("sub one", ANN);
        repo.commit("Add a submodule", BOB);
        sub.write("s.txt", "t\n").commit("sub two", ANN);
        repo.commit("Move the submodule on", BOB);
        deleteTree(dir.resolve("lib"));
        repo.commit("Remove the submodule", BOB);

        Random random = new Random(7);
        List<String> journal = new ArrayList<>();
        for (int paragraph = 0; paragraph < 12; paragraph++) {
            journal.addAll(paragraph(random, "entry " + paragraph));
        }
        for (int round = 0; round < 12; round++) {
            editParagraphs(journal, random, "round " + round);
            repo.write("notes/journal.md", String.join("\n", journal) + "\n");
            repo.commit("Journal " + round, PEOPLE[round % PEOPLE.length]);
        }

        repo.write("feature.txt", "feature\nmore\n");
        repo.commit("A subject on\ntwo lines\n\nand a body", ZOE);

        withRenames = GitTruth.scan(ScanRequest.builder(dir).build());
        withoutRenames = GitTruth.scan(ScanRequest.builder(dir).detectRenames(false).build());
    }

    @Test
    public void everyCommitsNumstatEqualsGitLogNumstat() {
        assertNumstat(repo, withRenames);
    }

    @Test
    public void everyCommitsNumstatEqualsGitLogNumstatWithoutRenames() {
        assertNumstat(repo, withoutRenames, "--no-renames");
    }

    @Test
    public void commitsAndTheirMetadataEqualGitLog() {
        assertEquals(gitLog(repo, "HEAD"), withRenames.commits);
        assertEquals(Integer.parseInt(repo.git("rev-list", "--count", "HEAD").trim()), withRenames.commits.size());
    }

    @Test
    public void targetIsTheWorkTreeAndHead() {
        assertEquals(repo.dir().toAbsolutePath().normalize(), withRenames.target.repository());
        assertEquals("HEAD", withRenames.target.branch());
        assertEquals(repo.git("rev-parse", "HEAD").trim(), withRenames.target.headId());
    }

    @Test
    public void linesAfterAndSizesEqualTheBlobsGitShows() {
        int checked = 0;
        for (CommitInfo commit : withRenames.commits) {
            for (FileChange change : withRenames.changes.get(commit.id())) {
                if (change.type() != ChangeType.ADDED) {
                    String oldPath = change.oldPath() == null ? change.path() : change.oldPath();
                    assertEquals(change.toString(), treeEntry(commit.parentIds().get(0), oldPath).size(),
                            change.oldSize());
                }
                if (change.type() == ChangeType.DELETED) {
                    assertEquals(change.toString(), 0, change.newSize());
                    assertEquals(change.toString(), 0, change.linesAfter());
                    continue;
                }
                TreeEntry after = treeEntry(commit.id(), change.path());
                assertEquals(change.toString(), after.size(), change.newSize());
                if (after.submodule()) {
                    assertEquals(change.toString(), 0, change.linesAfter());
                } else if (change.binary()) {
                    assertEquals(change.toString(), -1, change.linesAfter());
                } else {
                    String content = repo.git("show", commit.id() + ":" + change.path());
                    assertEquals(change.toString(), linesOf(content), change.linesAfter());
                }
                checked++;
            }
        }
        assertTrue("checked " + checked, checked > 30);
    }

    @Test
    public void reportsTheKindOfEachChange() {
        List<FileChange> all = withRenames.changes.values().stream().flatMap(List::stream).toList();
        assertTrue(all.stream().anyMatch(c -> c.type() == ChangeType.RENAMED
                && c.oldPath().equals("docs/user guide.txt") && c.insertions() == 0 && c.deletions() == 0));
        assertTrue(all.stream().anyMatch(c -> c.type() == ChangeType.RENAMED
                && c.path().equals("src/main/Application.java") && c.insertions() == 2));
        assertTrue(all.stream().anyMatch(c -> c.type() == ChangeType.DELETED && c.path().equals("README.md")));
        assertTrue(all.stream().anyMatch(c -> c.type() == ChangeType.ADDED && c.path().equals("empty.txt")
                && c.newSize() == 0 && c.linesAfter() == 0 && !c.binary()));
        assertTrue(all.stream().anyMatch(c -> c.type() == ChangeType.MODIFIED && c.path().equals("run.sh")
                && c.insertions() == 0 && c.deletions() == 0 && c.oldSize() == c.newSize()));
        assertTrue(all.stream().anyMatch(c -> c.type() == ChangeType.MODIFIED && c.path().equals("logo.png")
                && c.binary() && c.oldSize() == 3000 && c.newSize() == 3200));
        List<String> merges = withRenames.commits.stream().filter(CommitInfo::isMerge).map(CommitInfo::id).toList();
        assertEquals(1, merges.size());
        assertEquals(List.of(), withRenames.changes.get(merges.get(0)));
    }

    private record TreeEntry(boolean submodule, long size) {
    }

    /** {@code git ls-tree -l}: a blob's size, or a submodule (size 0 for us). */
    private static TreeEntry treeEntry(String commit, String path) {
        String line = repo.git("ls-tree", "-l", "-z", commit, "--", path);
        String[] fields = line.substring(0, line.indexOf('\t')).trim().split("\\s+");
        boolean submodule = fields[1].equals("commit");
        return new TreeEntry(submodule, submodule ? 0 : Long.parseLong(fields[3]));
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(prefix + i + ";");
        }
        return lines;
    }

    private static byte[] noise(int size, long seed, boolean withNul) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        if (withNul) {
            bytes[10] = 0;
        }
        return bytes;
    }

    /** A paragraph of a few lines, some blank, so that blank lines are frequent in the file. */
    private static List<String> paragraph(Random random, String label) {
        List<String> lines = new ArrayList<>();
        int length = 2 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            lines.add(random.nextInt(4) == 0 ? "" : label + " line " + i);
        }
        lines.add("");
        return lines;
    }

    /** Rewrites, inserts, deletes and moves paragraphs, as edits of a text tend to. */
    private static void editParagraphs(List<String> lines, Random random, String label) {
        for (int edit = 0; edit < 4; edit++) {
            int at = random.nextInt(lines.size());
            int length = Math.min(lines.size() - at, 1 + random.nextInt(9));
            switch (random.nextInt(4)) {
                case 0 -> {
                    List<String> replaced = lines.subList(at, at + length);
                    replaced.clear();
                    replaced.addAll(paragraph(random, label + " rewrite " + edit));
                }
                case 1 -> lines.addAll(at, paragraph(random, label + " insert " + edit));
                case 2 -> lines.subList(at, at + length).clear();
                default -> {
                    List<String> moved = new ArrayList<>(lines.subList(at, at + length));
                    lines.subList(at, at + length).clear();
                    lines.addAll(random.nextInt(lines.size() + 1), moved);
                }
            }
            if (lines.isEmpty()) {
                lines.add("restart");
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
