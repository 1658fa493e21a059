package org.gstats.plugin.commits.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
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
        // zones git reads but will not write: +9999 is 100 h 39 min ahead, so 2024-03-30T22:00Z is
        // April 4th, a Thursday, on Eve's clock; -9999 takes 2024-04-02T10:00Z back into March
        repo.write("late.txt", lines("late", 3));
        repo.commitRaw("far east", "Eve <eve@example.com> " + Instant.parse("2024-03-30T22:00:00Z").getEpochSecond()
                + " +9999", "Eve <eve@example.com> 1711836000 +9999");
        repo.write("late.txt", lines("late", 4));
        repo.commitRaw("far west", "Fay <fay@example.com> " + Instant.parse("2024-04-02T10:00:00Z").getEpochSecond()
                + " -9999", "Fay <fay@example.com> 1712052000 -9999");

        section = scan(ScanRequest.builder(repo.dir()).settings("module.commits", Map.of("changes", true)).build());
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
                repo.git("diff", "--name-only", "HEAD~4^1", "HEAD~4").isBlank());
        assertTrue(gitLog("--format=%aI").contains("2024-03-01T01:30:00+02:00"));
        // the odd zones move the month: by UTC these are March 30th and April 2nd
        assertEquals(List.of("2024-03-29 05", "2024-04-04 02"),
                gitLog("-2", "--format=%ad", "--date=format:%Y-%m-%d %H"));
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
        // as gstats-config hands over [module.commits] include-merges = false
        ReportSection noMerges = scan(new CommitsPlugin(), ScanRequest.builder(repo.dir())
                .settings("module.commits", Map.of("include.merges", false)).build());
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
        for (String line : gitLog("--format=%H%x09%ae%x09%at")) {
            String[] fields = line.split("\t", 3);
            authorAndTime.put(fields[0], fields[1] + " " + Instant.ofEpochSecond(Long.parseLong(fields[2])));
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
        // %at: seconds, whatever the zone (%aI cannot write +9999)
        List<Instant> times = gitLog("--format=%at").stream().map(at -> Instant.ofEpochSecond(Long.parseLong(at)))
                .toList();
        // in UTC, as Instant.toString() writes it
        assertEquals(times.stream().min(Comparator.naturalOrder()).orElseThrow().toString(),
                totals().get("first_commit"));
        assertEquals(times.stream().max(Comparator.naturalOrder()).orElseThrow().toString(),
                totals().get("last_commit"));
        assertEquals("2024-04-02T10:00:00Z", totals().get("last_commit"));
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

    @Test
    public void daysMatchGitLogDatesAndNumstat() {
        Map<String, String> dayOf = new HashMap<>();
        Map<String, List<Long>> expected = new TreeMap<>();
        for (String line : gitLog("--format=%H %ad", "--date=format:%Y-%m-%d")) {
            String[] idAndDay = line.split(" ", 2);
            dayOf.put(idAndDay[0], idAndDay[1]);
            expected.computeIfAbsent(idAndDay[1], day -> new ArrayList<>(List.of(0L, 0L, 0L)))
                    .set(0, expected.get(idAndDay[1]).get(0) + 1);
        }
        Numstat.log(repo, "-M").forEach((commit, entries) -> {
            List<Long> counts = expected.get(dayOf.get(commit));
            for (Numstat.Entry entry : entries) {
                if (!entry.binary()) {
                    counts.set(1, counts.get(1) + entry.insertions());
                    counts.set(2, counts.get(2) + entry.deletions());
                }
            }
        });
        Map<String, List<Long>> reported = new LinkedHashMap<>();
        for (List<Object> row : table("by_day").rows()) {
            reported.put((String) row.get(0), List.of((Long) row.get(1), (Long) row.get(2), (Long) row.get(3)));
        }
        assertEquals(expected, reported);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(reported.keySet()));
        assertTrue("the author's calendar, not UTC", expected.containsKey("2024-03-01"));
    }

    @Test
    public void weekdaysAndHoursMatchGitLogDateFormat() {
        Map<String, Long> expected = new TreeMap<>();
        for (String weekdayHour : gitLog("--format=%ad", "--date=format:%u %H")) {
            String[] parts = weekdayHour.split(" ");
            expected.merge(Integer.parseInt(parts[0]) + " " + Integer.parseInt(parts[1]), 1L, Long::sum);
        }
        Map<String, Long> reported = new TreeMap<>();
        for (List<Object> row : table("by_weekday_hour").rows()) {
            reported.put(row.get(0) + " " + row.get(1), (Long) row.get(2));
        }
        assertEquals(expected, reported);
        assertTrue("Friday 01:30 at +02:00", expected.containsKey("5 1"));
    }

    @Test
    public void authorsPerMonthMatchGitLog() {
        Map<String, Set<String>> authors = new TreeMap<>();
        Map<String, Long> firstTime = new HashMap<>();
        Map<String, String> firstMonth = new HashMap<>();
        for (String line : gitLog("--format=%at%x09%ad%x09%an <%ae>", "--date=format:%Y-%m")) {
            String[] parts = line.split("\t", 3);
            authors.computeIfAbsent(parts[1], month -> new HashSet<>()).add(parts[2]);
            long time = Long.parseLong(parts[0]);
            if (time < firstTime.getOrDefault(parts[2], Long.MAX_VALUE)) {
                firstTime.put(parts[2], time);
                firstMonth.put(parts[2], parts[1]);
            }
        }
        Map<String, List<Long>> expected = new TreeMap<>();
        authors.forEach((month, names) -> expected.put(month, List.of((long) names.size(),
                firstMonth.values().stream().filter(month::equals).count())));
        Map<String, List<Long>> reported = new TreeMap<>();
        for (List<Object> row : table("authors_by_month").rows()) {
            reported.put((String) row.get(0), List.of((Long) row.get(1), (Long) row.get(2)));
        }
        assertEquals(expected, reported);
    }
}
