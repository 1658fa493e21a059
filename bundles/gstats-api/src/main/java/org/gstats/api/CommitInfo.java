package org.gstats.api;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One commit as the scanner saw it. Times keep the author's and committer's own zone
 * offsets, as {@code git log} prints them.
 * <p>
 * A zone is what the commit records, in minutes: git reads {@code +HHMM} as {@code HH} hours
 * and {@code MM} minutes whatever their size, so {@code +9999} is 100 hours 39 minutes ahead.
 * {@link ZoneOffset} ends at 18 hours; beyond that the time's offset is UTC and only the zone
 * minutes and {@link #authorLocalTime()} keep the author's clock. The zone minutes are the
 * one source of the offset: the canonical constructor sets each time's offset from them.
 * <p>
 * Names and emails are the identities after the repository's {@code .mailmap} when the scan
 * maps them ({@link org.gstats.api.scan.ScanRequest#mailmap()}, the default), as git prints
 * them with {@code %aN <%aE>} and counts them in {@code git shortlog -sne}; as recorded in the
 * commit otherwise ({@code --no-mailmap}).
 *
 * @param id                 full hex object id
 * @param parentIds          parents in order; the first parent is the one changes are diffed against
 * @param authorName         author name (see above for the mailmap)
 * @param authorEmail        author email
 * @param authorTime         author time, with the author's zone offset when {@link ZoneOffset} holds it
 * @param committerName      committer name
 * @param committerEmail     committer email
 * @param commitTime         committer time, with the committer's zone offset when {@link ZoneOffset} holds it
 * @param summary            first line of the message
 * @param authorZoneMinutes  the author's zone as the commit records it, in minutes east of UTC (since 1.4)
 * @param commitZoneMinutes  the committer's zone, in minutes east of UTC (since 1.4)
 */
public record CommitInfo(
        String id,
        List<String> parentIds,
        String authorName,
        String authorEmail,
        OffsetDateTime authorTime,
        String committerName,
        String committerEmail,
        OffsetDateTime commitTime,
        String summary,
        int authorZoneMinutes,
        int commitZoneMinutes) {

    private static final int MAX_OFFSET_MINUTES = 18 * 60;

    public CommitInfo {
        Objects.requireNonNull(id, "id");
        parentIds = List.copyOf(parentIds);
        authorTime = atZone(Objects.requireNonNull(authorTime, "authorTime"), authorZoneMinutes);
        commitTime = atZone(Objects.requireNonNull(commitTime, "commitTime"), commitZoneMinutes);
    }

    /** A commit whose zones are the offsets of its times (all within {@link ZoneOffset}'s range). */
    public CommitInfo(String id, List<String> parentIds, String authorName, String authorEmail,
            OffsetDateTime authorTime, String committerName, String committerEmail, OffsetDateTime commitTime,
            String summary) {
        this(id, parentIds, authorName, authorEmail, authorTime, committerName, committerEmail, commitTime, summary,
                minutes(authorTime), minutes(commitTime));
    }

    public boolean isMerge() {
        return parentIds.size() > 1;
    }

    public boolean isRoot() {
        return parentIds.isEmpty();
    }

    /**
     * The author's wall-clock time in the author's zone, as {@code git log --date=format:...}
     * prints it (month, day, weekday and hour come from here).
     *
     * @since 1.4
     */
    public LocalDateTime authorLocalTime() {
        return local(authorTime, authorZoneMinutes);
    }

    /**
     * The committer's wall-clock time in the committer's zone.
     *
     * @since 1.4
     */
    public LocalDateTime commitLocalTime() {
        return local(commitTime, commitZoneMinutes);
    }

    private static OffsetDateTime atZone(OffsetDateTime time, int zoneMinutes) {
        ZoneOffset offset = Math.abs(zoneMinutes) <= MAX_OFFSET_MINUTES ? ZoneOffset.ofTotalSeconds(zoneMinutes * 60)
                : ZoneOffset.UTC;
        return time.getOffset().equals(offset) ? time : time.withOffsetSameInstant(offset);
    }

    private static int minutes(OffsetDateTime time) {
        return Objects.requireNonNull(time, "time").getOffset().getTotalSeconds() / 60;
    }

    /** git's gm_time_t: the instant moved by the zone, read as UTC. */
    private static LocalDateTime local(OffsetDateTime time, int zoneMinutes) {
        return LocalDateTime.ofEpochSecond(time.toEpochSecond() + zoneMinutes * 60L, time.getNano(), ZoneOffset.UTC);
    }
}
