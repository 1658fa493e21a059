package org.gstats.plugin.commits.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.gstats.api.CommitInfo;

/** What one author (one exact name and email pair, or a group of them) did in the scanned history. */
final class AuthorStats {

    final String name;
    final String email;
    long commits;
    long insertions;
    long deletions;
    OffsetDateTime firstCommit;
    OffsetDateTime lastCommit;
    /** The month of {@link #firstCommit} on its author's calendar. */
    String firstMonth;

    AuthorStats(String name, String email) {
        this.name = name;
        this.email = email;
    }

    /** The identities of one person as one author, named and addressed as the first. */
    static AuthorStats merged(List<AuthorStats> identities) {
        AuthorStats person = new AuthorStats(identities.get(0).name, identities.get(0).email);
        for (AuthorStats identity : identities) {
            person.commits += identity.commits;
            person.insertions += identity.insertions;
            person.deletions += identity.deletions;
            if (identity.firstCommit != null && Times.earlier(person.firstCommit, identity.firstCommit)
                    == identity.firstCommit) {
                person.firstCommit = identity.firstCommit;
                person.firstMonth = identity.firstMonth;
            }
            person.lastCommit = identity.lastCommit == null ? person.lastCommit
                    : Times.later(person.lastCommit, identity.lastCommit);
        }
        return person;
    }

    void addCommit(CommitInfo commit) {
        commits++;
        OffsetDateTime authorTime = commit.authorTime();
        if (Times.earlier(firstCommit, authorTime) == authorTime) {
            firstCommit = authorTime;
            firstMonth = Times.month(commit.authorLocalTime());
        }
        lastCommit = Times.later(lastCommit, authorTime);
    }

    void addLines(int added, int removed) {
        insertions += added;
        deletions += removed;
    }
}
