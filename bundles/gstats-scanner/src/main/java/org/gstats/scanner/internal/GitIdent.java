package org.gstats.scanner.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.eclipse.jgit.util.RawParseUtils;

/**
 * An author or committer header split as git splits it ({@code split_ident_line} in ident.c),
 * within its own line: the name runs from the header's start to the last non-space before
 * {@code <}, the email to the next {@code >}. A line without both brackets has an empty name
 * and email, as {@code git log --format=%an|%ae} shows it; JGit's parser would read on into the
 * next header. A date git cannot read is the epoch, in UTC.
 */
record GitIdent(String name, String email, OffsetDateTime time) {

    private static final OffsetDateTime NO_DATE = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
    private static final GitIdent EMPTY = new GitIdent("", "", NO_DATE);
    /** {@link ZoneOffset} ends at 18 hours; a zone beyond (git takes up to +9999) is kept at UTC. */
    private static final int MAX_OFFSET_MINUTES = 18 * 60;

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
        String name = RawParseUtils.decode(encoding, raw, start, nameEnd);
        String email = RawParseUtils.decode(encoding, raw, mailBegin, mailEnd);
        return new GitIdent(name, email, time(raw, mailEnd + 1, end));
    }

    /** git's date after the email: seconds, then a zone as {@code [+-]HHMM}; anything else is no date. */
    private static OffsetDateTime time(byte[] raw, int from, int end) {
        int at = skipSpaces(raw, from, end);
        int digitsEnd = digits(raw, at, end);
        if (digitsEnd == at || digitsEnd - at > 18) {
            return NO_DATE;
        }
        long seconds = Long.parseLong(new String(raw, at, digitsEnd - at, StandardCharsets.US_ASCII));
        at = skipSpaces(raw, digitsEnd, end);
        ZoneOffset zone = ZoneOffset.UTC;
        if (at < end && (raw[at] == '+' || raw[at] == '-')) {
            int zoneEnd = digits(raw, at + 1, end);
            if (zoneEnd > at + 1 && zoneEnd - at <= 9) {
                int hhmm = Integer.parseInt(new String(raw, at + 1, zoneEnd - at - 1,
                        StandardCharsets.US_ASCII));
                int minutes = hhmm / 100 * 60 + hhmm % 100;
                if (minutes <= MAX_OFFSET_MINUTES) {
                    zone = ZoneOffset.ofTotalSeconds((raw[at] == '-' ? -minutes : minutes) * 60);
                }
            }
        }
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), zone);
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
