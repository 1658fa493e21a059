package org.gstats.plugin.commits.internal;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.api.report.Table;

/**
 * When the work happened, for the dashboard's activity charts: commits and changed lines per
 * day, commits per weekday and hour, distinct and first-time authors per month. Days, weekdays
 * and hours are read on the author's own clock, as {@code git log --date=format:...} prints
 * them; the net of a day's lines (insertions − deletions) summed over the days gives lines of
 * text over time from the change history alone.
 */
final class Activity {

    /** Per day: commits, insertions, deletions. */
    private final Map<String, long[]> days = new TreeMap<>();
    /** Commits per ISO weekday (1 = Monday) and hour. */
    private final long[][] weekdayHour = new long[7][24];
    /** Distinct author keys per month. */
    private final Map<String, Set<Object>> authorsByMonth = new TreeMap<>();
    private long[] currentDay;

    /** @param time the author's wall-clock time */
    void addCommit(LocalDateTime time, Object author) {
        currentDay = days.computeIfAbsent(Times.day(time), day -> new long[3]);
        currentDay[0]++;
        weekdayHour[time.getDayOfWeek().getValue() - 1][time.getHour()]++;
        authorsByMonth.computeIfAbsent(Times.month(time), month -> new HashSet<>()).add(author);
    }

    /** Lines of the commit last added. */
    void addLines(int insertions, int deletions) {
        currentDay[1] += insertions;
        currentDay[2] += deletions;
    }

    Table byDay() {
        Table.Builder table = Table.builder("by_day", "day", "commits", "insertions", "deletions");
        days.forEach((day, counts) -> table.row(day, counts[0], counts[1], counts[2]));
        return table.build();
    }

    /** Every weekday and hour with at least one commit. */
    Table byWeekdayHour() {
        Table.Builder table = Table.builder("by_weekday_hour", "weekday", "hour", "commits");
        for (int weekday = 0; weekday < 7; weekday++) {
            for (int hour = 0; hour < 24; hour++) {
                if (weekdayHour[weekday][hour] > 0) {
                    table.row(weekday + 1, hour, weekdayHour[weekday][hour]);
                }
            }
        }
        return table.build();
    }

    /**
     * @param firstMonths each author's first month with a commit, so that {@code new_authors}
     *                    counts the authors whose first commit falls in the month
     */
    Table authorsByMonth(List<String> firstMonths) {
        Map<String, Long> newcomers = new TreeMap<>();
        firstMonths.forEach(month -> newcomers.merge(month, 1L, Long::sum));
        Table.Builder table = Table.builder("authors_by_month", "month", "authors", "new_authors");
        authorsByMonth.forEach((month, authors) -> table.row(month, (long) authors.size(),
                newcomers.getOrDefault(month, 0L)));
        return table.build();
    }
}
