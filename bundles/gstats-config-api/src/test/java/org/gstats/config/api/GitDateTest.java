package org.gstats.config.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Holds {@link GitDate} to C git: {@code git rev-parse --since=X --until=X} prints the instants
 * git's {@code approxidate} reads ({@code --max-age=}, {@code --min-age=}); {@code GIT_TEST_DATE_NOW}
 * fixes git's "now" and {@code TZ} its local zone, as the fixed clock fixes gstats'.
 */
public class GitDateTest {

    private static final Instant NOW = Instant.parse("2024-03-15T12:00:00Z");
    private static final String ZONE = "Europe/Berlin";
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of(ZONE));

    @ClassRule
    public static TemporaryFolder temp = new TemporaryFolder();

    private static Path repository;

    @BeforeClass
    public static void createRepository() throws IOException, InterruptedException {
        repository = temp.newFolder("repo").toPath();
        git(List.of("init", "-q"));
    }

    @Test
    public void gitFormsGiveGitsInstants() throws IOException, InterruptedException {
        for (String text : List.of("2 weeks ago", "yesterday", "last month", "2024-01-31 12:00", "@1700000000",
                "2024-01-31T12:00:00Z", "2024-01-31T12:00:00+01:00", "2024-01-31 12:00:30 +0530", "3.days.ago",
                "36 hours ago", "1 year ago", "last week", "5 minutes ago", "now", "today", "midnight", "noon",
                "Thu, 14 Mar 2024 12:00:00 +0000", "2 weeks")) {
            List<Long> git = gitSinceUntil(text);
            assertEquals("--since " + text, (long) git.get(0), GitDate.since(text, CLOCK).getEpochSecond());
            assertEquals("--until " + text, (long) git.get(1), GitDate.until(text, CLOCK).getEpochSecond());
        }
    }

    @Test
    public void aBareDateIsTheWholeDayNotGitsTimeOfDay() {
        assertEquals(Instant.parse("2024-01-30T23:00:00Z"), GitDate.since("2024-01-31", CLOCK));
        assertEquals(Instant.parse("2024-01-31T22:59:59.999999999Z"), GitDate.until("2024-01-31", CLOCK));
    }

    @Test
    public void gstatsAgesStayAsTheyWere() {
        assertEquals(Instant.parse("2024-02-14T12:00:00Z"), GitDate.since("30d", CLOCK));
        // a calendar step keeps the local time of day: 13:00 in March (CET) is 13:00 in September (CEST)
        assertEquals(Instant.parse("2023-09-15T11:00:00Z"), GitDate.since("6m", CLOCK));
    }

    @Test
    public void whatGitWouldTakeAsNowIsRefused() {
        assertFalse(GitDate.isValid("garbage"));
        assertFalse(GitDate.isValid("2024-02-30"));
        assertFalse(GitDate.isValid("3 fortnights ago"));
        assertFalse(GitDate.isValid("a month ago"));
        assertTrue(GitDate.isValid("last year"));
    }

    /** The epoch seconds git reads {@code text} as, for {@code --since} and for {@code --until}. */
    private static List<Long> gitSinceUntil(String text) throws IOException, InterruptedException {
        List<Long> seconds = new ArrayList<>();
        for (String line : git(List.of("rev-parse", "--since=" + text, "--until=" + text)).split("\n")) {
            seconds.add(Long.parseLong(line.substring(line.indexOf('=') + 1).trim()));
        }
        assertEquals(text, 2, seconds.size());
        return seconds;
    }

    private static String git(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("GIT_TEST_DATE_NOW", Long.toString(NOW.getEpochSecond()));
        builder.environment().put("TZ", ZONE);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("git " + args, 0, process.waitFor());
        return out;
    }
}
