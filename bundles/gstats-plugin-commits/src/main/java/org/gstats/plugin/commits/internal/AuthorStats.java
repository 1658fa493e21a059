package org.gstats.plugin.commits.internal;

import java.time.OffsetDateTime;

/** What one author (one exact name and email pair) did in the scanned history. */
final class AuthorStats {

    final String name;
    final String email;
    long commits;
    long insertions;
    long deletions;
    OffsetDateTime firstCommit;
    OffsetDateTime lastCommit;

    AuthorStats(String name, String email) {
        this.name = name;
        this.email = email;
    }

    void addCommit(OffsetDateTime authorTime) {
        commits++;
        firstCommit = Times.earlier(firstCommit, authorTime);
        lastCommit = Times.later(lastCommit, authorTime);
    }

    void addLines(int added, int removed) {
        insertions += added;
        deletions += removed;
    }
}
