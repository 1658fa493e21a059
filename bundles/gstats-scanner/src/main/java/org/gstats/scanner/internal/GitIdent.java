package org.gstats.scanner.internal;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.eclipse.jgit.util.RawParseUtils;

/**
 * An author or committer header split as git splits it ({@code split_ident_line} in ident.c),
 * within its own line: the name runs from the header's start to the last non-space before
 * {@code <}, the email to the next {@code >}. A line without both brackets has an empty name
 * and email, as {@code git log --format=%an|%ae} shows it; JGit's parser would read on into the
 * next header. The date and zone follow the line's last {@code >}; without both the time is
 * the epoch in UTC, as {@code show_ident_date} in pretty.c prints it (also for a date beyond
 * Java's calendar, where git prints years of hundreds of millions).
 *
 * @param time        the instant, with the zone's offset when {@link ZoneOffset} can hold it, else UTC
 * @param zoneMinutes the zone as git reads it ({@code +HHMM} is {@code HH * 60 + MM} minutes, any size)
 */
record GitIdent(String name, String email, OffsetDateTime time, int zoneMinutes) {

    private static final OffsetDateTime NO_DATE = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
    private static final GitIdent EMPTY = new GitIdent("", "", NO_DATE, 0);
    /** {@link ZoneOffset} ends at 18 hours; a zone beyond (git takes up to +9999) keeps UTC as the offset. */
    private static final int MAX_OFFSET_MINUTES = 18 * 60;
    /** More digits than a long holds: git's parse saturates, and the date (or zone) reads as 0. */
    private static final int MAX_DIGITS = 18;
    /** Some 300 million years: beyond it Java's dates end, and git prints years no calendar has. */
    private static final long MAX_SECONDS = 10_000_000_000_000_000L;

    /** @param start where the header's value begins (after {@code "author "}), or -1 when absent */
    static GitIdent parse(byte[] raw, int start, Charset encoding) {
        if (start < 0) {
            return EMPTY;
        }
        int end = RawParseUtils.nextLF(raw, start);
        if (end > start && raw[end - 1] == '\n') {
            end--;
        }
        int mailBegin = indexOf(raw, start, end, '<') + 1;
        if (mailBegin == 0) {
            return EMPTY;
        }
        int mailEnd = indexOf(raw, mailBegin, end, '>');
        if (mailEnd < 0) {
            return EMPTY;
        }
        int nameEnd = mailBegin - 1;
        while (nameEnd > start && isSpace(raw[nameEnd - 1])) {
            nameEnd--;
        }
        String name = RawText.decode(encoding, raw, start, nameEnd);
        String email = RawText.decode(encoding, raw, mailBegin, mailEnd);
        int lastBracket = end - 1;
        while (raw[lastBracket] != '>') {
            lastBracket--;
        }
        return dated(name, email, raw, lastBracket + 1, end);
    }

    /** git's date after the email: seconds, then a zone as {@code [+-]digits}; else no date. */
    private static GitIdent dated(String name, String email, byte[] raw, int from, int end) {
        int at = skipSpaces(raw, from, end);
        int digitsEnd = digits(raw, at, end);
        int zoneAt = skipSpaces(raw, digitsEnd, end);
        int zoneEnd = zoneAt < end ? digits(raw, zoneAt + 1, end) : end;
        long seconds = digitsEnd - at > MAX_DIGITS ? Long.MAX_VALUE : digitsEnd == at ? 0 : number(raw, at, digitsEnd);
        if (digitsEnd == at || zoneAt == end || (raw[zoneAt] != '+' && raw[zoneAt] != '-')
                || zoneEnd == zoneAt + 1 || seconds >= MAX_SECONDS) {
            return new GitIdent(name, email, NO_DATE, 0);
        }
        long hhmm = zoneEnd - zoneAt - 1 > MAX_DIGITS ? Long.MAX_VALUE : number(raw, zoneAt + 1, zoneEnd);
        boolean west = raw[zoneAt] == '-';
        // strtol into an int: a zone at or beyond INT_MAX (or at INT_MIN) reads as 0
        int minutes = hhmm >= (west ? 1L << 31 : Integer.MAX_VALUE) ? 0 : (int) (hhmm / 100 * 60 + hhmm % 100);
        if (west) {
            minutes = -minutes;
        }
        ZoneOffset offset = Math.abs(minutes) <= MAX_OFFSET_MINUTES ? ZoneOffset.ofTotalSeconds(minutes * 60)
                : ZoneOffset.UTC;
        return new GitIdent(name, email, OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), offset), minutes);
    }

    /** The value of at most {@value #MAX_DIGITS} digits, which a long holds. */
    private static long number(byte[] raw, int from, int end) {
        long value = 0;
        for (int i = from; i < end; i++) {
            value = value * 10 + (raw[i] - '0');
        }
        return value;
    }

    private static int indexOf(byte[] raw, int from, int end, char wanted) {
        for (int i = from; i < end; i++) {
            if (raw[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(byte[] raw, int from, int end) {
        while (from < end && isSpace(raw[from])) {
            from++;
        }
        return from;
    }

    private static int digits(byte[] raw, int from, int end) {
        while (from < end && raw[from] >= '0' && raw[from] <= '9') {
            from++;
        }
        return from;
    }

    /** git's isspace. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
