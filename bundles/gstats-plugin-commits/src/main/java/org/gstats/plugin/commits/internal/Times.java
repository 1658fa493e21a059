package org.gstats.plugin.commits.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Author times as the report shows them, each kept in the author's own offset. */
final class Times {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private Times() {
    }

    /** ISO-8601 with the author's offset, e.g. {@code 2024-01-15T11:00:00+02:00}; null stays null. */
    static String iso(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** The month on the author's calendar, as {@code git log --date=format:%Y-%m} prints it. */
    static String month(OffsetDateTime time) {
        return MONTH.format(time);
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
