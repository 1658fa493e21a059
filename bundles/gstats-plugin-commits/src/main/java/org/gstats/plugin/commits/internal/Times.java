package org.gstats.plugin.commits.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Author times as the report shows them: instants in UTC, so that every time in a report reads
 * and sorts the same way; months and days are taken on the author's own calendar
 * ({@link org.gstats.api.CommitInfo#authorLocalTime()}, which also holds zones such as
 * {@code +9999} that an offset cannot).
 */
final class Times {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    private Times() {
    }

    /** ISO-8601 in UTC, e.g. {@code 2024-01-15T09:00:00Z} for 11:00 at +02:00; null stays null. */
    static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    /** The month on the author's calendar, as {@code git log --date=format:%Y-%m} prints it. */
    static String month(LocalDateTime time) {
        return MONTH.format(time);
    }

    /** The day on the author's calendar, as {@code git log --date=format:%Y-%m-%d} prints it. */
    static String day(LocalDateTime time) {
        return DAY.format(time);
    }

    /** The earlier instant of the two; {@code current} may be null. */
    static OffsetDateTime earlier(OffsetDateTime current, OffsetDateTime candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    /** The later instant of the two; {@code current} may be null. */
    static OffsetDateTime later(OffsetDateTime current, OffsetDateTime candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
