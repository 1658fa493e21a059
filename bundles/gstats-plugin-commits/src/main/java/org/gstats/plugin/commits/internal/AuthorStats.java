package org.gstats.plugin.commits.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** What one author (one exact name and email pair, or a group of them) did in the scanned history. */
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

    /** The identities of one person as one author, named and addressed as the first. */
    static AuthorStats merged(List<AuthorStats> identities) {
        AuthorStats person = new AuthorStats(identities.get(0).name, identities.get(0).email);
        for (AuthorStats identity : identities) {
            person.commits += identity.commits;
            person.insertions += identity.insertions;
            person.deletions += identity.deletions;
            person.firstCommit = identity.firstCommit == null ? person.firstCommit
                    : Times.earlier(person.firstCommit, identity.firstCommit);
            person.lastCommit = identity.lastCommit == null ? person.lastCommit
                    : Times.later(person.lastCommit, identity.lastCommit);
        }
        return person;
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
