package org.gstats.config.api;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points in time that {@code --since}, {@code --until} and {@code [module.commits] since/until}
 * take, read as {@code git log --since} reads them (git's {@code approxidate}), checked against
 * {@code git rev-parse --since=...} under a fixed {@code GIT_TEST_DATE_NOW}:
 * <ul>
 * <li>{@code @1700000000}: seconds since 1970;</li>
 * <li>{@code 2024-01-31 12:00}, {@code 2024-01-31 12:00:30 +0100}, RFC 3339
 * {@code 2024-01-31T12:00:00Z}, RFC 2822 {@code Wed, 31 Jan 2024 12:00:00 +0100}; without an
 * offset, in the local zone;</li>
 * <li>{@code 2 weeks ago}, {@code 3.days.ago}, {@code last month}, {@code yesterday}, {@code now},
 * {@code today}, {@code midnight}, {@code noon}; seconds to weeks are exact lengths, months
 * and years calendar steps, as in git;</li>
 * <li>gstats' short ages {@code 12h}, {@code 30d}, {@code 2w}, {@code 6m} (months), {@code 1y}.</li>
 * </ul>
 * One form differs from git on purpose: a bare date {@code 2024-01-31} means the start of that
 * day for {@code since} and its end for {@code until}; git would take the current time of day.
 * Unlike git, text it cannot read is refused instead of being taken as "now".
 *
 * @since 1.1
 */
public final class GitDate {

    /** Examples for messages that say what a date may look like. */
    public static final String EXAMPLES = "2024-01-31, '2024-01-31 12:00', 2024-01-31T12:00:00Z, @1700000000, "
            + "'2 weeks ago', yesterday, 'last month' or 30d";

    private static final Pattern EPOCH = Pattern.compile("@(\\d{1,12})");
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([hdwmy])");
    private static final Pattern RELATIVE = Pattern.compile(
            "(\\d{1,9}|last)[\\s._]+(second|minute|hour|day|week|month|year)s?(?:[\\s._]+ago)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[t ]+(\\d{2}):(\\d{2})"
            + "(?::(\\d{2})(?:\\.(\\d{1,9}))?)?\\s*(z|[+-]\\d{2}:?\\d{2})?");
    private static final long DAY_SECONDS = 86_400;

    private GitDate() {
    }

    /**
     * The first instant {@code text} admits.
     *
     * @throws IllegalArgumentException a sentence saying that the text is no date gstats reads
     */
    public static Instant since(String text, Clock clock) {
        return parse(text, clock, false);
    }

    /** The last instant {@code text} admits: a bare date counts through its end. */
    public static Instant until(String text, Clock clock) {
        return parse(text, clock, true);
    }

    /** Whether {@code text} is a date this class reads. */
    public static boolean isValid(String text) {
        try {
            parse(text, Clock.systemUTC(), false);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant parse(String value, Clock clock, boolean throughEndOfDay) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        ZoneId zone = clock.getZone();
        try {
            Matcher matcher;
            if ((matcher = EPOCH.matcher(text)).matches()) {
                return Instant.ofEpochSecond(Long.parseLong(matcher.group(1)));
            }
            if ((matcher = AGE.matcher(text)).matches()) {
                return ago(Long.parseLong(matcher.group(1)), unit(matcher.group(2)), clock);
            }
            if ((matcher = RELATIVE.matcher(text)).matches()) {
                String count = matcher.group(1);
                return ago(Character.isDigit(count.charAt(0)) ? Long.parseLong(count) : 1, matcher.group(2), clock);
            }
            if ((matcher = DATE.matcher(text)).matches()) {
                LocalDate day = date(matcher);
                return throughEndOfDay
                        ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : day.atStartOfDay(zone).toInstant();
            }
            if ((matcher = DATE_TIME.matcher(text)).matches()) {
                return dateTime(matcher, zone);
            }
            Instant word = word(text, clock);
            if (word != null) {
                return word;
            }
            return offsetForm(value.strip());
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date gstats reads (use " + EXAMPLES + ")", e);
        }
    }

    /** RFC 2822 as mail writes it, or ISO 8601 with an offset and a zone id: {@code 2024-07-01T12:00+02:00[Europe/Paris]}. */
    private static Instant offsetForm(String text) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
        }
    }

    /** {@code count} units before now: seconds to weeks as exact lengths, months and years on the calendar. */
    private static Instant ago(long count, String unit, Clock clock) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return switch (unit) {
            case "second" -> now.toInstant().minusSeconds(count);
            case "minute" -> now.toInstant().minus(Duration.ofMinutes(count));
            case "hour" -> now.toInstant().minus(Duration.ofHours(count));
            case "day" -> now.toInstant().minusSeconds(Math.multiplyExact(count, DAY_SECONDS));
            case "week" -> now.toInstant().minusSeconds(Math.multiplyExact(count, 7 * DAY_SECONDS));
            case "month" -> now.minusMonths(count).toInstant();
            case "year" -> now.minusYears(count).toInstant();
            default -> throw new IllegalStateException(unit);
        };
    }

    private static String unit(String letter) {
        return switch (letter) {
            case "h" -> "hour";
            case "d" -> "day";
            case "w" -> "week";
            case "m" -> "month";
            case "y" -> "year";
            default -> throw new IllegalStateException(letter);
        };
    }

    /**
     * git's words: {@code now} and {@code today} are now, {@code yesterday} a day before it;
     * {@code midnight} and {@code noon} the last such hour that has begun.
     */
    private static Instant word(String text, Clock clock) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return switch (text) {
            case "now", "today" -> now.toInstant();
            case "yesterday" -> now.toInstant().minusSeconds(DAY_SECONDS);
            case "midnight" -> lastHour(now, 0);
            case "noon" -> lastHour(now, 12);
            default -> null;
        };
    }

    private static Instant lastHour(ZonedDateTime now, int hour) {
        ZonedDateTime day = now.getHour() < hour ? now.minusDays(1) : now;
        return day.with(LocalTime.of(hour, 0)).toInstant();
    }

    private static LocalDate date(Matcher matcher) {
        return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    private static Instant dateTime(Matcher matcher, ZoneId localZone) {
        String fraction = matcher.group(7) == null ? "0" : (matcher.group(7) + "00000000").substring(0, 9);
        LocalDateTime local = LocalDateTime.of(date(matcher), LocalTime.of(Integer.parseInt(matcher.group(4)),
                Integer.parseInt(matcher.group(5)), matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)),
                Integer.parseInt(fraction)));
        String offset = matcher.group(8);
        if (offset == null) {
            return local.atZone(localZone).toInstant();
        }
        if ("z".equals(offset)) {
            return local.toInstant(ZoneOffset.UTC);
        }
        String digits = offset.replace(":", "");
        return local.toInstant(ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, 3)),
                Integer.parseInt(digits.charAt(0) + digits.substring(3))));
    }
}
