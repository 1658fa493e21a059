package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanTarget;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code --author} (repeated), {@code --exclude-author} and {@code --since}/{@code --until} in
 * git's forms, checked as the command checks them and walked by the real scanner, select the
 * commits {@code git log} selects on the same repository. git's "now" is fixed with
 * {@code GIT_TEST_DATE_NOW} and its zone with {@code TZ}, as the command's clock fixes gstats'.
 */
public class HistoryOptionsGitTruthTest {

    private static final Instant NOW = Instant.parse("2024-03-15T12:00:00Z");
    private static final String ZONE = "Europe/Berlin";
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of(ZONE));
    private static final String ABSENT = ScanArguments.ABSENT;

    @ClassRule
    public static TemporaryFolder temp = new TemporaryFolder();

    private static GitRepo repo;

    @BeforeClass
    public static void createRepository() throws Exception {
        repo = GitRepo.init(temp.newFolder("repo").toPath());
        Person[] people = {new Person("Ann Lee", "ann@example.com"), new Person("Bob Stone", "bob@example.com"),
            new Person("build-bot", "bot@ci.example.com"), new Person("Ann Lee", "ann@work.example.org"),
            new Person("Carla Díaz", "carla@example.com")};
        Instant when = Instant.parse("2023-12-01T08:00:00Z");
        for (int i = 0; i < 40; i++) {
            repo.write("file" + (i % 7) + ".txt", "line " + i + "\n");
            repo.commit("change " + i, people[i % people.length], when);
            when = when.plusSeconds(2 * 86_400 + 3_571L * i);
        }
    }

    @Test
    public void repeatedAuthorTakesAnyOfThem() throws Exception {
        assertSameCommits(gitLog("--author=Ann", "--author=bob@"), scan(List.of("Ann", "bob@"), List.of(),
                ABSENT, ABSENT));
    }

    @Test
    public void excludeAuthorLeavesOutEveryMatch() throws Exception {
        assertSameCommits(minus(gitLog(), gitLog("--author=bot"), gitLog("--author=work\\.example")),
                scan(List.of(), List.of("bot", "work\\.example"), ABSENT, ABSENT));
    }

    @Test
    public void authorAndExcludeAuthorTogether() throws Exception {
        assertSameCommits(minus(gitLog("--author=Ann", "--author=Carla"), gitLog("--author=work")),
                scan(List.of("Ann", "Carla"), List.of("work"), ABSENT, ABSENT));
    }

    @Test
    public void gitDateFormsSelectWhatGitLogSelects() throws Exception {
        for (String since : List.of("2 weeks ago", "yesterday", "last month", "2024-01-31 12:00", "@1706000000",
                "2024-02-01T09:30:00+01:00", "6 weeks ago")) {
            assertSameCommits(gitLog("--since=" + since), scan(List.of(), List.of(), since, ABSENT));
            assertSameCommits(gitLog("--until=" + since), scan(List.of(), List.of(), ABSENT, since));
        }
        assertSameCommits(gitLog("--since=last month", "--until=1 week ago"),
                scan(List.of(), List.of(), "last month", "1 week ago"));
    }

    private static void assertSameCommits(List<String> git, List<String> gstats) {
        assertFalse("the case selects no commit, so it checks nothing", git.isEmpty());
        assertEquals(git, gstats);
    }

    private static List<String> gitLog(String... filters) {
        List<String> args = new ArrayList<>(List.of("log", "--format=%H"));
        args.addAll(Arrays.asList(filters));
        String out = repo.git(Map.of("GIT_TEST_DATE_NOW", Long.toString(NOW.getEpochSecond()), "TZ", ZONE),
                args.toArray(String[]::new));
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }

    @SafeVarargs
    private static List<String> minus(List<String> all, List<String>... left) {
        Set<String> kept = new LinkedHashSet<>(all);
        for (List<String> out : left) {
            out.forEach(kept::remove);
        }
        return List.copyOf(kept);
    }

    private static List<String> scan(List<String> authors, List<String> excluded, String since, String until)
            throws CommandFailure, ScanException {
        ScanOptions checked = new ScanArguments("json", ABSENT, ABSENT, ABSENT, since, until, false, false, false,
                false, List.of(repo.dir().toString())).validate(repo.dir(), CLOCK, "json");
        ScannerOptions scanner = new ScannerArguments(false, authors, excluded, List.of(), List.of(), ABSENT, false,
                false, ABSENT, false).validate(checked.scanner());
        List<String> commits = new ArrayList<>();
        new JGitRepositoryScanner().scan(checked.withScanner(scanner).request(), new ScanListener() {
            @Override
            public void onStart(ScanTarget target) {
            }

            @Override
            public void onCommit(CommitInfo commit) {
                commits.add(commit.id());
            }

            @Override
            public void onFileChange(FileChange change) {
            }
        });
        return commits;
    }
}
