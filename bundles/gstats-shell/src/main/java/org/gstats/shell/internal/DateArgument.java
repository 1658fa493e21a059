package org.gstats.shell.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values {@code --since} and {@code --until} take: an ISO date ({@code 2024-01-31}, a day in
 * the local zone), an ISO date-time ({@code 2024-01-31T12:00:00Z}, {@code 2024-01-31T12:00+01:00},
 * or without offset in the local zone) or an age ({@code 12h}, {@code 30d}, {@code 2w},
 * {@code 6m} months, {@code 1y}) meaning that long before now.
 */
final class DateArgument {

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([hdwmy])");

    private DateArgument() {
    }

    /** The first instant meant by {@code --since}: a date means the start of that day. */
    static Instant since(String value, Clock clock) throws CommandFailure {
        return parse("--since", value, clock, false);
    }

    /** The last instant meant by {@code --until}: a date includes that whole day. */
    static Instant until(String value, Clock clock) throws CommandFailure {
        return parse("--until", value, clock, true);
    }

    private static Instant parse(String option, String value, Clock clock, boolean throughEndOfDay)
            throws CommandFailure {
        String text = value.strip();
        ZoneId zone = clock.getZone();
        try {
            Matcher age = AGE.matcher(text);
            if (age.matches()) {
                return ZonedDateTime.now(clock).minus(Long.parseLong(age.group(1)), unit(age.group(2))).toInstant();
            }
            if (text.indexOf('T') < 0) {
                LocalDate day = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                return throughEndOfDay
                        ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : day.atStartOfDay(zone).toInstant();
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof ZonedDateTime dateTime
                    ? dateTime.toInstant()
                    : ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw CommandFailure.badUsage("invalid date for " + option + ": '" + value
                    + "' (use 2024-01-31, 2024-01-31T12:00:00Z or 30d)");
        }
    }

    private static ChronoUnit unit(String letter) {
        return switch (letter) {
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            case "w" -> ChronoUnit.WEEKS;
            case "m" -> ChronoUnit.MONTHS;
            case "y" -> ChronoUnit.YEARS;
            default -> throw new IllegalArgumentException(letter);
        };
    }
}
