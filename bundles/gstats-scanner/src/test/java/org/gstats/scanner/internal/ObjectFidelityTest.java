package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Objects that git accepts but no porcelain writes (written here with
 * {@code git hash-object --literally}), read as git reads them.
 */
public class ObjectFidelityTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** 100664 and 100775, as early histories have them, are 100644 and 100755 to git: no change. */
    @Test
    public void nonCanonicalModesAreNoChange() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("modes").toPath());
        repo.write("a.txt", "a\n").write("run.sh", "echo\n");
        Files.setPosixFilePermissions(repo.dir().resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        repo.commit("Files", ANN);
        String a = repo.git("rev-parse", "HEAD:a.txt").strip();
        String run = repo.git("rev-parse", "HEAD:run.sh").strip();
        String odd = literally(repo, "tree", tree("100664 a.txt", a, "100775 run.sh", run));
        String oddCommit = commitTree(repo, odd, "Odd modes");
        String back = commitTree(repo, repo.git("rev-parse", "HEAD^{tree}").strip(), "Canonical again", oddCommit);
        repo.git("update-ref", "refs/heads/main", back);

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertNumstat(repo, scan);
        assertEquals(List.of(), scan.changes.get(oddCommit));
        assertEquals(List.of(), scan.changes.get(back));
    }

    /** Author lines git cannot split show an empty identity, not the next header. */
    @Test
    public void identitiesSplitAsGitSplitsThem() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("idents").toPath());
        repo.write("a.txt", "a\n").commit("Start", ANN);
        String tree = repo.git("rev-parse", "HEAD^{tree}").strip();
        String parent = repo.git("rev-parse", "HEAD").strip();
        int time = 1700001000;
        for (String author : List.of("Ann Lee 1700000000 +0100", "Bob <bob@example.com 1700000100 +0000",
                "  Dan   <dan@example.com>  1700000200 -0130", "<> 1700000300 +0000",
                "Eve <eve@example.com> 1700000400 +0545")) {
            String commit = "tree " + tree + "\nparent " + parent + "\nauthor " + author
                    + "\ncommitter Carl <carl@example.com> " + (time += 100)
                    + " +0000\n\nOdd author\n";
            parent = literally(repo, "commit", commit.getBytes(StandardCharsets.UTF_8));
        }
        repo.git("update-ref", "refs/heads/main", parent);

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).mailmap(false).build());

        List<String> expected = repo.git("log", "--no-mailmap", "--format=%H|%an|%ae|%cn|%ce").lines().toList();
        assertEquals(expected, scan.commits.stream().map(commit -> String.join("|", commit.id(), commit.authorName(),
                commit.authorEmail(), commit.committerName(), commit.committerEmail())).toList());
        assertEquals("  Dan|dan@example.com", scan.commits.get(2).authorName() + "|" + scan.commits.get(2).authorEmail());
        assertEquals("|", scan.commits.get(4).authorName() + "|" + scan.commits.get(4).authorEmail());
    }

    /**
     * Subjects as {@code %s} prints them from messages in any shape: blank and white-space lines
     * before the first paragraph, trailing tabs and CRs, no final newline, no message, a latin-1
     * encoding, and UTF-8 text (the ASCII ones are read from the raw bytes, the others decoded).
     */
    @Test
    public void subjectsAsGitPrintsThem() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("subjects").toPath());
        repo.write("a.txt", "a\n").commit("Start", ANN);
        String tree = repo.git("rev-parse", "HEAD^{tree}").strip();
        String parent = repo.git("rev-parse", "HEAD").strip();
        List<String> messages = List.of("\n\n  \t\nAfter blank lines\nand a second line \t\r\n\nbody\n",
                "No newline at the end", "", "\n", "One\r\n \r\nTwo\n", "Trailing spaces   \n  indented next\n",
                "Zo\u00eb's caf\u00e9\n\nbody", "ASCII subject\n\nbody with \u00e9\n", "tab\there\u0001\n");
        int time = 1700000000;
        for (int i = 0; i < messages.size(); i++) {
            boolean latin = i == messages.size() - 2;
            String header = "tree " + tree + "\nparent " + parent + "\nauthor Ann <ann@example.com> " + (time += 100)
                    + " +0000\ncommitter Ann <ann@example.com> " + time + " +0000\n"
                    + (latin ? "encoding ISO-8859-1\n" : "") + "\n";
            parent = literally(repo, "commit", (header + messages.get(i))
                    .getBytes(latin ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
        repo.git("update-ref", "refs/heads/main", parent);

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        List<String> expected = repo.git("log", "--format=%H|%s").lines().toList();
        assertEquals(expected, scan.commits.stream().map(commit -> commit.id() + "|" + commit.summary()).toList());
    }

    /**
     * Zones git reads but will not write: {@code +9999} is 99 hours 99 minutes ahead, a zone of
     * more digits too, one beyond an int is UTC; without a zone there is no date. Each time on
     * the author's and committer's clocks is what {@code git log --date=format:...} prints.
     */
    @Test
    public void datesAndZonesAsGitReadsThem() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("zones").toPath());
        repo.write("a.txt", "a\n").commit("Start", ANN);
        List<String> zones = List.of("+9999", "-9999", "+0099", "-1260", "+1900", "+123456", "+99999999999",
                "-0000", "+0530");
        long time = 1700000000;
        for (String zone : zones) {
            time += 86_399;
            repo.commitRaw("zone " + zone, "Ann <ann@example.com> " + time + " " + zone,
                    "Carl <carl@example.com> " + (time + 7) + " " + zone);
        }
        repo.commitRaw("no zone", "Ann <ann@example.com> 1700000000", "Carl <carl@example.com> 1700000000 +0100");
        repo.commitRaw("a bracket after the email", "Ann <ann@example.com> x> 1700000000 +0200",
                "Carl <carl@example.com> 1700000000 +0100");

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        // %ad is empty without a date; git log's own header shows the epoch, as gstats keeps it
        String undated = scan.commits.get(1).id();
        assertEquals("Date:   0 +0000", repo.git("show", "-s", "--date=raw", undated).lines().toList().get(2));
        assertEquals(0, scan.commits.get(1).authorTime().toEpochSecond());
        List<String> expected = repo.git("log", "--date=format:%Y-%m-%dT%H:%M:%S %u", "--format=%H|%ad|%cd|%at|%ct")
                .lines().filter(line -> !line.startsWith(undated)).toList();
        assertEquals(expected, scan.commits.stream().filter(commit -> !commit.id().equals(undated))
                .map(commit -> String.join("|", commit.id(), clock(commit.authorLocalTime()),
                        clock(commit.commitLocalTime()), String.valueOf(commit.authorTime().toEpochSecond()),
                        String.valueOf(commit.commitTime().toEpochSecond()))).toList());
        assertEquals(6039, scan.commits.get(zones.size() + 2 - 1).authorZoneMinutes());
    }

    /** As {@code --date=format:%Y-%m-%dT%H:%M:%S %u} prints it (%u: 1 for Monday). */
    private static String clock(LocalDateTime time) {
        return CLOCK.format(time) + " " + time.getDayOfWeek().getValue();
    }

    private static byte[] tree(String... modeNameAndIds) {
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        for (int i = 0; i < modeNameAndIds.length; i += 2) {
            tree.writeBytes((modeNameAndIds[i] + "\0").getBytes(StandardCharsets.UTF_8));
            tree.writeBytes(HexFormat.of().parseHex(modeNameAndIds[i + 1]));
        }
        return tree.toByteArray();
    }

    private String literally(GitRepo repo, String type, byte[] content) throws Exception {
        Path file = temp.newFile().toPath();
        Files.write(file, content);
        return repo.git("hash-object", "-t", type, "--literally", "-w", file.toString()).strip();
    }

    private static String commitTree(GitRepo repo, String tree, String message, String... parents) {
        String parent = parents.length == 0 ? repo.git("rev-parse", "HEAD").strip() : parents[0];
        return repo.git("commit-tree", tree, "-p", parent, "-m", message).strip();
    }
}
