package org.gstats.plugin.commits.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.Numstat;
import org.gstats.testkit.PluginScan;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The commits section of a real repository, scanned by the real scanner, against C git. */
public class CommitsGitTruthTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final Person BOB = new Person("Bob", "bob@example.com");
    private static final Person BOB_AT_HOME = new Person("Bob", "bob@home.example");
    private static final Person CY = new Person("Cy", "cy@example.com");

    private static GitRepo repo;
    private static ReportSection section;

    @BeforeClass
    public static void buildAndScan() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("repo").toPath());
        repo.write("README.md", "# sample\n\nintro\n")
                .write("src/app.txt", lines("app", 12))
                .write("old.txt", lines("old", 4))
                .write("assets/logo.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        repo.commit("initial", ANN, Instant.parse("2023-11-20T09:00:00Z"));
        repo.write("src/app.txt", lines("app", 10) + "changed\n");
        repo.commit("edit app on new year's eve", BOB, Instant.parse("2023-12-31T23:30:00Z"));

        repo.git("checkout", "-q", "-b", "feature");
        repo.write("feature/notes.txt", lines("note", 5)).write("README.md", "# sample\n\nintro\nfeature\n");
        repo.commit("start feature", CY, Instant.parse("2024-01-02T10:00:00Z"));
        repo.write("assets/logo.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 3, 4, 5})
                .write("feature/notes.txt", lines("note", 3) + "revised\n");
        repo.commit("new logo", CY, Instant.parse("2024-01-03T10:00:00Z"));

        repo.git("checkout", "-q", "main");
        repo.move("src/app.txt", "src/main.txt").write("src/main.txt", lines("app", 10) + "changed\nmore\n");
        repo.delete("old.txt");
        repo.commit("rename app, drop old", BOB_AT_HOME, Instant.parse("2024-01-05T10:00:00Z"));
        repo.merge("feature", ANN);
        repo.write("README.md", "# sample\n\nintro\nfeature\nafter merge\n");
        repo.commit("after merge", ANN);

        // an author east of UTC: 2024-02-29T23:30Z is already March on the author's calendar
        repo.write("late.txt", lines("late", 2));
        repo.git("add", "-A");
        repo.git("commit", "-q", "--author=Dee <dee@example.com>", "--date=2024-03-01T01:30:00+0200", "-m", "late");

        section = scan(ScanRequest.builder(repo.dir()).option("commits.changes", "true").build());
    }

    private static String lines(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append(prefix).append(' ').append(i).append('\n');
        }
        return text.toString();
    }

    /** Feeds the real scanner's events to one analysis, as the engine does for every plugin. */
    private static ReportSection scan(ScanRequest request) throws ScanException {
        return scan(new CommitsPlugin(), request);
    }

    private static ReportSection scan(CommitsPlugin plugin, ScanRequest request) throws ScanException {
        return PluginScan.run(new JGitRepositoryScanner(), request, plugin);
    }

    private static Map<String, Object> totals() {
        return ((Fields) section.item("totals").orElseThrow()).values();
    }

    private static Table table(String name) {
        return (Table) section.item(name).orElseThrow();
    }

    private static long gitCount(String... args) {
        return Long.parseLong(repo.git(args).trim());
    }

    /** Lines of {@code git log --format=...}, newest first. */
    private static List<String> gitLog(String... formatArgs) {
        String[] args = new String[formatArgs.length + 2];
        args[0] = "log";
        System.arraycopy(formatArgs, 0, args, 1, formatArgs.length);
        args[args.length - 1] = "HEAD";
        return repo.git(args).lines().toList();
    }

    @Test
    public void repositoryHasWhatTheTestNeeds() {
        assertEquals(1, gitCount("rev-list", "--merges", "--count", "HEAD"));
        assertFalse("the merge must carry the branch's changes",
                repo.git("diff", "--name-only", "HEAD~2^1", "HEAD~2").isBlank());
        assertTrue(gitLog("--format=%aI").contains("2024-03-01T01:30:00+02:00"));
        List<Numstat.Entry> entries = Numstat.log(repo, "-M").values().stream().flatMap(List::stream).toList();
        assertTrue("a rename", entries.stream().anyMatch(e -> "src/app.txt".equals(e.oldPath())));
        assertTrue("a binary change", entries.stream().anyMatch(Numstat.Entry::binary));
    }

    @Test
    public void commitsAndMergesMatchRevList() {
        assertEquals(gitCount("rev-list", "--count", "HEAD"), totals().get("commits"));
        assertEquals(gitCount("rev-list", "--merges", "--count", "HEAD"), totals().get("merges"));
    }

    @Test
    public void withoutMergesCommitsAndAuthorsMatchGitsNoMerges() throws ScanException {
        CommitsPlugin plugin = new CommitsPlugin();
        plugin.configure(new CommitsPlugin.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CommitsPlugin.Config.class;
            }

            @Override
            public boolean changes() {
                return false;
            }

            @Override
            public boolean include_merges() {
                return false;
            }

            @Override
            public String group_authors() {
                return AuthorIdentities.BY_EMAIL;
            }
        });
        ReportSection noMerges = scan(plugin, ScanRequest.builder(repo.dir()).build());
        Map<String, Object> totals = ((Fields) noMerges.item("totals").orElseThrow()).values();
        assertEquals(gitCount("rev-list", "--no-merges", "--count", "HEAD"), totals.get("commits"));
        assertEquals(gitCount("rev-list", "--merges", "--count", "HEAD"), totals.get("merges"));
        Map<String, Long> expected = new TreeMap<>();
        for (String line : repo.git("shortlog", "-sne", "--no-merges", "HEAD").lines().toList()) {
            String[] fields = line.strip().split("\t", 2);
            expected.put(fields[1], Long.parseLong(fields[0].strip()));
        }
        Map<String, Long> reported = new TreeMap<>();
        for (List<Object> row : ((Table) noMerges.item("authors").orElseThrow()).rows()) {
            reported.put(row.get(0) + " <" + row.get(1) + ">", (Long) row.get(2));
        }
        assertEquals(expected, reported);
    }

    @Test
    public void linesMatchNumstatSums() {
        long insertions = 0;
        long deletions = 0;
        Set<String> paths = new HashSet<>();
        for (List<Numstat.Entry> entries : Numstat.log(repo, "-M").values()) {
            for (Numstat.Entry entry : entries) {
                paths.add(entry.path());
                if (!entry.binary()) {
                    insertions += entry.insertions();
                    deletions += entry.deletions();
                }
            }
        }
        assertEquals(insertions, totals().get("insertions"));
        assertEquals(deletions, totals().get("deletions"));
        assertEquals((long) paths.size(), totals().get("files_changed"));
    }

    @Test
    public void changesTableListsEveryNumstatEntryNewestFirst() {
        Map<String, List<Numstat.Entry>> numstat = Numstat.log(repo, "-M");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        numstat.forEach((commit, entries) -> {
            if (!entries.isEmpty()) {
                expected.put(commit, entries.stream().map(CommitsGitTruthTest::describe).sorted().toList());
            }
        });
        Map<String, List<String>> reported = new LinkedHashMap<>();
        for (List<Object> row : table("changes").rows()) {
            boolean binary = (Boolean) row.get(8);
            String change = describe(new Numstat.Entry(binary ? -1 : (Integer) row.get(6),
                    binary ? -1 : (Integer) row.get(7), (String) row.get(3), (String) row.get(4)));
            reported.computeIfAbsent((String) row.get(0), commit -> new ArrayList<>()).add(change);
        }
        reported.replaceAll((commit, changes) -> changes.stream().sorted().toList());
        Map<String, String> authorAndTime = new HashMap<>();
        for (String line : gitLog("--format=%H%x09%ae%x09%aI")) {
            String[] fields = line.split("\t", 3);
            authorAndTime.put(fields[0], fields[1] + " " + OffsetDateTime.parse(fields[2]).toInstant());
        }
        for (List<Object> row : table("changes").rows()) {
            assertEquals(authorAndTime.get(row.get(0)), row.get(1) + " " + row.get(2));
        }

        assertEquals(expected, reported);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(reported.keySet()));
        long entries = numstat.values().stream().mapToLong(List::size).sum();
        assertEquals(entries, totals().get("file_changes"));
        assertEquals((int) entries, table("changes").rows().size());
    }

    private static String describe(Numstat.Entry entry) {
        return entry.oldPath() + " -> " + entry.path() + " +" + entry.insertions() + " -" + entry.deletions();
    }

    @Test
    public void firstAndLastCommitMatchAuthorDates() {
        List<OffsetDateTime> times = gitLog("--format=%aI").stream().map(OffsetDateTime::parse).toList();
        Comparator<OffsetDateTime> byInstant = Comparator.comparing(OffsetDateTime::toInstant);
        // in UTC, as Instant.toString() writes it
        assertEquals(times.stream().min(byInstant).orElseThrow().toInstant().toString(),
                totals().get("first_commit"));
        assertEquals(times.stream().max(byInstant).orElseThrow().toInstant().toString(),
                totals().get("last_commit"));
        assertEquals("2024-02-29T23:30:00Z", totals().get("last_commit"));
    }

    @Test
    public void authorsMatchShortlog() {
        Map<String, Long> shortlog = new HashMap<>();
        for (String line : repo.git("shortlog", "-sne", "HEAD").lines().toList()) {
            String[] countAndAuthor = line.trim().split("\t", 2);
            shortlog.put(countAndAuthor[1], Long.parseLong(countAndAuthor[0]));
        }
        Map<String, Long> reported = new HashMap<>();
        for (List<Object> row : table("authors").rows()) {
            reported.put(row.get(0) + " <" + row.get(1) + ">", (Long) row.get(2));
        }
        assertEquals(shortlog, reported);
        assertEquals((long) shortlog.size(), totals().get("authors"));
    }

    @Test
    public void authorLinesMatchNumstatOfTheirCommits() {
        Map<String, String> authorOf = new HashMap<>();
        for (String line : gitLog("--format=%H%x09%an <%ae>")) {
            String[] idAndAuthor = line.split("\t", 2);
            authorOf.put(idAndAuthor[0], idAndAuthor[1]);
        }
        Map<String, Long> insertions = new HashMap<>();
        Map<String, Long> deletions = new HashMap<>();
        Numstat.log(repo, "-M").forEach((commit, entries) -> {
            String author = authorOf.get(commit);
            insertions.putIfAbsent(author, 0L);
            deletions.putIfAbsent(author, 0L);
            for (Numstat.Entry entry : entries) {
                if (!entry.binary()) {
                    insertions.merge(author, (long) entry.insertions(), Long::sum);
                    deletions.merge(author, (long) entry.deletions(), Long::sum);
                }
            }
        });
        Map<String, Long> reportedInsertions = new HashMap<>();
        Map<String, Long> reportedDeletions = new HashMap<>();
        for (List<Object> row : table("authors").rows()) {
            String author = row.get(0) + " <" + row.get(1) + ">";
            reportedInsertions.put(author, (Long) row.get(3));
            reportedDeletions.put(author, (Long) row.get(4));
        }
        assertEquals(insertions, reportedInsertions);
        assertEquals(deletions, reportedDeletions);
    }

    @Test
    public void monthsMatchGitLogDateFormat() {
        Map<String, Long> expected = new TreeMap<>();
        for (String month : gitLog("--format=%ad", "--date=format:%Y-%m")) {
            expected.merge(month, 1L, Long::sum);
        }
        Map<String, Long> reported = new TreeMap<>();
        List<String> order = table("by_month").rows().stream().map(row -> (String) row.get(0)).toList();
        for (List<Object> row : table("by_month").rows()) {
            reported.put((String) row.get(0), (Long) row.get(1));
        }
        assertEquals(expected, reported);
        assertEquals(List.copyOf(expected.keySet()), order);
        assertTrue(expected.containsKey("2024-03"));
    }
}
