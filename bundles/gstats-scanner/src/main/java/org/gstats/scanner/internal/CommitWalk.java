package org.gstats.scanner.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Set;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
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
 * {@code until} is skipped while the walk goes on through its parents. With
 * {@code firstParent} only each commit's first parent is followed, as
 * {@code git log --first-parent}. A parent the repository lacks ends its line of history:
 * it is marked {@link #isMissing missing} and, unless the walk is strict, left out.
 */
final class CommitWalk {

    private record Pending(RevCommit commit, long order) {
    }

    private static final Comparator<Pending> GIT_LOG_ORDER = Comparator
            .comparingInt((Pending pending) -> pending.commit().getCommitTime()).reversed()
            .thenComparingLong(Pending::order);

    private final RevWalk walk;
    private final RevFlag queued;
    private final RevFlag missing;
    private final Instant since;
    private final Instant until;
    private final boolean firstParent;
    private final MissingObjects missingObjects;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(GIT_LOG_ORDER);
    private long reached;
    private RevCommit firstMissing;
    /** The commits of a stored walk, whose queueing is counted; empty when none is watched. */
    private Set<ObjectId> watched = Set.of();
    private int watchedQueued;

    CommitWalk(RevWalk walk, AnyObjectId start, Instant since, Instant until, boolean firstParent,
            MissingObjects missingObjects) throws IOException {
        this.walk = walk;
        this.queued = walk.newFlag("queued");
        this.missing = walk.newFlag("missing");
        this.since = since;
        this.until = until;
        this.firstParent = firstParent;
        this.missingObjects = missingObjects;
        enqueue(walk.lookupCommit(start), null);
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
            int parents = firstParent ? Math.min(1, commit.getParentCount()) : commit.getParentCount();
            for (int i = 0; i < parents; i++) {
                enqueue(commit.getParent(i), commit);
            }
            if (until != null && committed.isAfter(until)) {
                commit.disposeBody();
                continue;
            }
            return commit;
        }
        return null;
    }

    /** Counts from now on how many of {@code commits} (a stored walk's) the walk queues. */
    void watch(Set<ObjectId> commits) {
        watched = commits;
        for (Pending queuedAlready : pending) {
            if (commits.contains(queuedAlready.commit())) {
                watchedQueued++;
            }
        }
    }

    /**
     * Whether the walk has come down to {@code head} alone: it is the one commit queued, and the one
     * watched commit ever queued. Then what is left of this walk is the walk from {@code head} by
     * itself, in the same order (git's queue holds nothing else, and no commit behind {@code head}
     * was reached before), which a stored walk from {@code head} may stand in for.
     */
    boolean downTo(AnyObjectId head) {
        return pending.size() == 1 && watchedQueued == 1 && pending.peek().commit().equals(head);
    }

    /** The first parent found missing, where a line of history stopped; {@code null} when none. */
    RevCommit firstMissing() {
        return firstMissing;
    }

    /** Whether {@code parent} was found missing when the walk reached it. */
    boolean isMissing(RevCommit parent) {
        return parent.has(missing);
    }

    private void enqueue(RevCommit commit, RevCommit child) throws IOException {
        if (!commit.has(queued)) {
            commit.add(queued);
            if (watched.contains(commit)) {
                watchedQueued++;
            }
            try {
                walk.parseHeaders(commit);
            } catch (MissingObjectException e) {
                commit.add(missing);
                if (firstMissing == null) {
                    firstMissing = commit;
                }
                missingObjects.skip(e, child.name(), "its parent commit and the history behind it are not scanned");
                return;
            }
            pending.add(new Pending(commit, reached++));
        }
    }
}
