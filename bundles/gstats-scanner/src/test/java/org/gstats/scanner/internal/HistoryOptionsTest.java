package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * The scan options that choose commits and changes (renames, merges, author, paths, count,
 * mailmap), each held to {@code git log} run with the same options on one history.
 */
public class HistoryOptionsTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann Archer", "ann@example.com");
    private static final Person OLD_BOB = new Person("bob", "Bob@Old.org");
    private static final Person BOB = new Person("Bob Brown", "bob@example.org");
    private static final Person ZOE = new Person("Zoë Ünal", "zoe@example.net");
    private static final Person ZOE_LAPTOP = new Person("zoe", "zoe@laptop.local");

    private static GitRepo repo;

    @BeforeClass
    public static void buildHistory() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("history").toPath());
        repo.write("src/main/App.java", lines("app", 30))
                .write("src/util/Text.java", lines("text", 12))
                .write("vendor/lib/lib.js", lines("lib", 50))
                .write("vendor/lib/lib.min.js", "minified;\n")
                .write("docs/guide.md", lines("guide", 8))
                .write("build.gradle", "plugins {}\n");
        repo.commit("Initial import", ANN);

        repo.write("src/main/App.java", edit(lines("app", 30), 3, "app changed"))
                .write("vendor/lib/lib.js", edit(lines("lib", 50), 10, "lib patched"));
        repo.commit("Patch the app and the library", OLD_BOB);

        repo.move("src/util/Text.java", "src/text/Text.java");
        repo.write("src/text/Text.java", edit(lines("text", 12), 0, "package text;"));
        repo.commit("Move Text", ZOE_LAPTOP);

        repo.move("vendor/lib/lib.js", "src/main/lib.js");
        repo.commit("Take the library in", BOB);

        repo.git("checkout", "-q", "-b", "feature");
        repo.write("docs/guide.md", edit(lines("guide", 8), 2, "feature docs"))
                .write("src/feature/Feature.java", lines("feature", 6));
        repo.commit("Feature", ZOE);
        repo.write("vendor/extra/extra.js", lines("extra", 4));
        repo.commit("Vendor something for the feature", ZOE_LAPTOP);
        repo.git("checkout", "-q", "main");
        repo.write("docs/guide.md", edit(lines("guide", 8), 6, "main docs"))
                .write("build.gradle", "plugins { id 'java' }\n");
        repo.commit("Main work", ANN);
        repo.merge("feature", OLD_BOB);

        repo.git("checkout", "-q", "-b", "docs-only");
        repo.write("docs/more.md", "more\n");
        repo.commit("More docs", ZOE);
        repo.git("checkout", "-q", "main");
        repo.write("src/main/App.java", edit(edit(lines("app", 30), 3, "app changed"), 20, "app again"));
        repo.commit("App again", BOB);
        repo.merge("docs-only", ANN);

        repo.write("src/main/App.java", edit(edit(lines("app", 30), 3, "app changed"), 25, "last"))
                .write("vendor/lib/lib.min.js", "minified again;\n");
        repo.commit("Last", OLD_BOB);

        repo.write(".mailmap", "Bob Brown <bob@example.org> <bob@old.org>\n"
                + "# a comment\n"
                + "Zoë Ünal <zoe@example.net> zoe <ZOE@laptop.local>\n");
    }

    @Test
    public void renamesAreDetectedByDefaultAsGitLogDoes() throws Exception {
        RecordingListener scan = scan(ScanRequest.builder(repo.dir()));
        assertNumstat(repo, scan, "-M");
        List<FileChange> renames = all(scan).stream().filter(c -> c.type() == ChangeType.RENAMED).toList();
        assertEquals(List.of("src/util/Text.java", "vendor/lib/lib.js"),
                renames.stream().map(FileChange::oldPath).sorted().toList());
        assertTrue(renames.stream().anyMatch(c -> c.path().equals("src/text/Text.java") && c.insertions() == 1
                && c.deletions() == 1));
    }

    @Test
    public void noRenamesIsGitLogNoRenames() throws Exception {
        RecordingListener scan = scan(ScanRequest.builder(repo.dir()).detectRenames(false));
        assertNumstat(repo, scan, "--no-renames");
        assertTrue(all(scan).stream().noneMatch(c -> c.type() == ChangeType.RENAMED || c.oldPath() != null));
    }

    @Test
    public void mergesHaveNoChangesByDefault() throws Exception {
        RecordingListener scan = scan(ScanRequest.builder(repo.dir()));
        List<CommitInfo> merges = scan.commits.stream().filter(CommitInfo::isMerge).toList();
        assertEquals(2, merges.size());
        for (CommitInfo merge : merges) {
            assertEquals(List.of(), scan.changes.get(merge.id()));
        }
    }

    @Test
    public void firstParentIsGitLogFirstParentWithMergeDiffs() throws Exception {
        RecordingListener scan = scan(ScanRequest.builder(repo.dir()).firstParent(true));
        assertNumstat(repo, scan, "--first-parent", "-m");
        CommitInfo merge = scan.commits.stream().filter(CommitInfo::isMerge).reduce((a, b) -> b).orElseThrow();
        assertEquals(List.of("docs/guide.md", "src/feature/Feature.java", "vendor/extra/extra.js"),
                scan.changes.get(merge.id()).stream().map(FileChange::path).toList());
    }

    @Test
    public void firstParentWithoutRenames() throws Exception {
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).firstParent(true).detectRenames(false)),
                "--first-parent", "-m", "--no-renames");
    }

    @Test
    public void authorIsGitLogAuthorOnTheMappedIdentity() throws Exception {
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).author("^Ann")), "--author=^Ann");
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).author("Bob Brown")), "--use-mailmap",
                "--author=Bob Brown");
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).author("laptop")), "--use-mailmap",
                "--author=laptop");
    }

    @Test
    public void authorWithoutMailmapMatchesTheRecordedIdentity() throws Exception {
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).author("old\\.org").mailmap(false)),
                "--no-use-mailmap", "--author=old\\.org");
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).author("laptop").mailmap(false)),
                "--no-use-mailmap", "--author=laptop");
    }

    @Test
    public void includeIsAGlobPathspec() throws Exception {
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).includes(List.of("src/**"))), "--full-history",
                "--", ":(glob)src/**");
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).includes(List.of("docs", "*.gradle"))),
                "--full-history", "--", ":(glob)docs", ":(glob)*.gradle");
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).includes(List.of("**/*.js"))), "--full-history",
                "--", ":(glob)**/*.js");
    }

    @Test
    public void excludeIsAnExcludingGlobPathspec() throws Exception {
        RecordingListener scan = scan(ScanRequest.builder(repo.dir()).excludes(List.of("vendor/**")));
        assertNumstat(repo, scan, "--full-history", "--", ":(glob,exclude)vendor/**");
        assertTrue(all(scan).stream().anyMatch(c -> c.path().equals("src/main/lib.js")
                && c.type() == ChangeType.ADDED));
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).includes(List.of("src/**", "vendor/**"))
                .excludes(List.of("**/*.min.js", "src/text"))), "--full-history", "--", ":(glob)src/**",
                ":(glob)vendor/**", ":(glob,exclude)**/*.min.js", ":(glob,exclude)src/text");
    }

    @Test
    public void pathsWithFirstParent() throws Exception {
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).firstParent(true).includes(List.of("docs/**"))),
                "--first-parent", "-m", "--", ":(glob)docs/**");
    }

    @Test
    public void maxCommitsIsGitLogN() throws Exception {
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).maxCommits(3)), "-n", "3");
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).maxCommits(2).author("Zo")), "-n", "2",
                "--use-mailmap", "--author=Zo");
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).maxCommits(2).excludes(List.of("src/**"))), "-n",
                "2", "--full-history", "--", ":(glob,exclude)src/**");
    }

    @Test
    public void sinceAndUntilCombineWithTheOtherFilters() throws Exception {
        Instant since = Instant.parse("2024-01-15T13:00:00Z");
        Instant until = Instant.parse("2024-01-15T21:00:00Z");
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).since(since).until(until).firstParent(true)),
                "--since=" + since, "--until=" + until, "--first-parent", "-m");
        assertNumstat(repo, scan(ScanRequest.builder(repo.dir()).since(since).until(until).author("Zo")
                .excludes(List.of("vendor/**")).maxCommits(2)), "--since=" + since, "--until=" + until,
                "--use-mailmap", "--author=Zo", "-n", "2", "--full-history", "--", ":(glob,exclude)vendor/**");
    }

    @Test
    public void mailmappedIdentitiesAreGitsMappedOnes() throws Exception {
        RecordingListener scan = scan(ScanRequest.builder(repo.dir()));
        assertEquals(identities("%aN", "%aE", "%cN", "%cE"), identities(scan));
        assertEquals(shortlog(repo.git("shortlog", "-sne", "HEAD")), authorCounts(scan));
    }

    @Test
    public void noMailmapKeepsTheRecordedIdentities() throws Exception {
        RecordingListener scan = scan(ScanRequest.builder(repo.dir()).mailmap(false));
        assertEquals(identities("%an", "%ae", "%cn", "%ce"), identities(scan));
        Map<String, Integer> recorded = new TreeMap<>();
        for (String author : repo.git("log", "--format=%an <%ae>").lines().toList()) {
            recorded.merge(author, 1, Integer::sum);
        }
        assertEquals(recorded, authorCounts(scan));
    }

    private static RecordingListener scan(ScanRequest.Builder request) throws Exception {
        return GitTruth.scan(request.build());
    }

    private static List<FileChange> all(RecordingListener scan) {
        return scan.changes.values().stream().flatMap(List::stream).toList();
    }

    private static List<String> identities(String... placeholders) {
        String format = String.join("%x1f", placeholders);
        return repo.git("log", "--format=" + format).lines().toList();
    }

    private static List<String> identities(RecordingListener scan) {
        List<String> identities = new ArrayList<>();
        for (CommitInfo commit : scan.commits) {
            identities.add(String.join("\u001f", commit.authorName(), commit.authorEmail(), commit.committerName(),
                    commit.committerEmail()));
        }
        return identities;
    }

    /** {@code git shortlog -sne}'s lines as author to number of commits. */
    private static Map<String, Integer> shortlog(String out) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : out.lines().toList()) {
            String[] fields = line.strip().split("\t", 2);
            counts.put(fields[1], Integer.parseInt(fields[0]));
        }
        return counts;
    }

    private static Map<String, Integer> authorCounts(RecordingListener scan) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CommitInfo commit : scan.commits) {
            counts.merge(commit.authorName() + " <" + commit.authorEmail() + ">", 1, Integer::sum);
        }
        return counts;
    }

    private static String lines(String label, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(label).append(' ').append(i).append('\n');
        }
        return text.toString();
    }

    private static String edit(String text, int line, String replacement) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.set(line, replacement);
        return String.join("\n", lines) + "\n";
    }
}
