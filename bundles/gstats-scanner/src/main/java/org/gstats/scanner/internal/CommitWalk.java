package org.gstats.scanner.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The commits reachable from one start, in the order {@code git log} prints them: newest
 * commit time first, ties in the order they were reached.
 * <p>
 * This is git's own walk ({@code get_revision_1} in revision.c) over {@link RevWalk}'s
 * parsing, so that order and limits match git by construction: a commit older than
 * {@code since} is dropped together with the history behind it, a commit newer than
 * {@code until} is skipped while the walk goes on through its parents.
 */
final class CommitWalk {

    private record Pending(RevCommit commit, long order) {
    }

    private static final Comparator<Pending> GIT_LOG_ORDER = Comparator
            .comparingInt((Pending pending) -> pending.commit().getCommitTime()).reversed()
            .thenComparingLong(Pending::order);

    private final RevWalk walk;
    private final RevFlag queued;
    private final Instant since;
    private final Instant until;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(GIT_LOG_ORDER);
    private long reached;

    CommitWalk(RevWalk walk, AnyObjectId start, Instant since, Instant until) throws IOException {
        this.walk = walk;
        this.queued = walk.newFlag("queued");
        this.since = since;
        this.until = until;
        enqueue(walk.lookupCommit(start));
    }

    /** The next commit with its headers parsed, or {@code null} at the end. */
    RevCommit next() throws IOException {
        for (Pending next = pending.poll(); next != null; next = pending.poll()) {
            RevCommit commit = next.commit();
            Instant committed = Instant.ofEpochSecond(commit.getCommitTime());
            if (since != null && committed.isBefore(since)) {
                commit.disposeBody();
                continue;
            }
            for (RevCommit parent : commit.getParents()) {
                enqueue(parent);
            }
            if (until != null && committed.isAfter(until)) {
                commit.disposeBody();
                continue;
            }
            return commit;
        }
        return null;
    }

    private void enqueue(RevCommit commit) throws IOException {
        if (!commit.has(queued)) {
            walk.parseHeaders(commit);
            commit.add(queued);
            pending.add(new Pending(commit, reached++));
        }
    }
}
