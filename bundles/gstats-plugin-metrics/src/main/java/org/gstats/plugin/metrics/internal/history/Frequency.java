package org.gstats.plugin.metrics.internal.history;

import java.time.Instant;

/**
 * Change figures of one file or directory. Index 0 of each array is all time; index i is the
 * i-th configured window.
 *
 * @param revisions   commits that touched it
 * @param churn       lines inserted plus lines deleted
 * @param authors     distinct authors (exact name and email)
 * @param firstChange committer time of its oldest change, or null when never changed in range
 * @param lastChange  committer time of its newest change, or null
 * @param ageDays     whole days from the first change to the head commit's time, or null
 */
public record Frequency(int[] revisions, long[] churn, int[] authors, Instant firstChange, Instant lastChange,
        Long ageDays) {
}
