package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.Test;

public class DateArgumentTest {

    private static final Instant NOW = Instant.parse("2024-03-15T12:00:00Z");
    private static final Clock BERLIN = Clock.fixed(NOW, ZoneId.of("Europe/Berlin"));
    private static final Clock UTC = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    public void sinceDateIsTheStartOfThatDayInTheLocalZone() throws CommandFailure {
        assertEquals(Instant.parse("2024-01-30T23:00:00Z"), DateArgument.since("2024-01-31", BERLIN));
    }

    @Test
    public void untilDateIncludesThatWholeDay() throws CommandFailure {
        assertEquals(Instant.parse("2024-01-31T22:59:59.999999999Z"), DateArgument.until("2024-01-31", BERLIN));
    }

    @Test
    public void untilDateOnTheDayClocksGoForwardEndsAtLocalMidnight() throws CommandFailure {
        assertEquals(Instant.parse("2024-03-31T21:59:59.999999999Z"), DateArgument.until("2024-03-31", BERLIN));
    }

    @Test
    public void instantIsTakenAsIs() throws CommandFailure {
        assertEquals(Instant.parse("2024-01-31T12:00:00Z"), DateArgument.since("2024-01-31T12:00:00Z", BERLIN));
        assertEquals(Instant.parse("2024-01-31T12:00:00Z"), DateArgument.until("2024-01-31T12:00:00Z", BERLIN));
    }

    @Test
    public void dateTimeWithOffsetOrZoneUsesIt() throws CommandFailure {
        assertEquals(Instant.parse("2024-01-31T11:00:00Z"), DateArgument.since("2024-01-31T12:00+01:00", UTC));
        assertEquals(Instant.parse("2024-07-01T10:00:00Z"),
                DateArgument.since("2024-07-01T12:00:00+02:00[Europe/Paris]", UTC));
    }

    @Test
    public void dateTimeWithoutOffsetIsLocalAndNotStretchedToTheEndOfDay() throws CommandFailure {
        assertEquals(Instant.parse("2024-01-31T11:00:00Z"), DateArgument.since("2024-01-31T12:00:00", BERLIN));
        assertEquals(Instant.parse("2024-01-31T11:00:00Z"), DateArgument.until("2024-01-31T12:00", BERLIN));
    }

    @Test
    public void agesCountBackFromNow() throws CommandFailure {
        assertEquals(Instant.parse("2024-03-15T00:00:00Z"), DateArgument.since("12h", UTC));
        assertEquals(Instant.parse("2024-02-14T12:00:00Z"), DateArgument.since("30d", UTC));
        assertEquals(Instant.parse("2024-03-01T12:00:00Z"), DateArgument.since("2w", UTC));
        assertEquals(Instant.parse("2023-09-15T12:00:00Z"), DateArgument.since("6m", UTC));
        assertEquals(Instant.parse("2023-03-15T12:00:00Z"), DateArgument.since("1y", UTC));
        assertEquals(NOW, DateArgument.until("0d", UTC));
    }

    @Test
    public void gitFormsAreRead() throws CommandFailure {
        assertEquals(Instant.parse("2024-03-01T12:00:00Z"), DateArgument.since("2 weeks ago", UTC));
        assertEquals(Instant.parse("2024-03-14T12:00:00Z"), DateArgument.until("yesterday", UTC));
        assertEquals(Instant.parse("2024-01-31T11:00:00Z"), DateArgument.since("2024-01-31 12:00", BERLIN));
    }

    @Test
    public void surroundingSpaceIsIgnored() throws CommandFailure {
        assertEquals(Instant.parse("2024-02-14T12:00:00Z"), DateArgument.since(" 30d ", UTC));
    }

    @Test
    public void anythingElseIsBadUsageNamingTheOptionAndTheForms() {
        for (String value : new String[] {"yesterday at dawn", "2024-13-01", "2024-02-30", "30x", "30", "", "-3d", "3 fortnights ago",
                "2024-01-31T25:00", "2024/01/31", "9999999999y"}) {
            assertBadUsage("--since", value, () -> DateArgument.since(value, UTC));
            assertBadUsage("--until", value, () -> DateArgument.until(value, UTC));
        }
    }

    private interface Parse {
        Instant run() throws CommandFailure;
    }

    private static void assertBadUsage(String option, String value, Parse parse) {
        try {
            Instant parsed = parse.run();
            fail(option + " '" + value + "' parsed as " + parsed);
        } catch (CommandFailure e) {
            assertEquals(CommandFailure.BAD_USAGE, e.exitCode());
            assertEquals("invalid date for " + option + ": '" + value
                    + "' (use 2024-01-31, '2024-01-31 12:00', 2024-01-31T12:00:00Z, @1700000000, '2 weeks ago', "
                    + "yesterday, 'last month' or 30d)", e.getMessage());
        }
    }
}
