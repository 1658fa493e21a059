package org.gstats.scanner.internal;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jgit.revwalk.RevCommit;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.scan.ChangeCache;

/**
 * Decides which walked commits a scan reports, and with which changes, as {@code git log}
 * would list them with the same options:
 * <ul>
 * <li>{@code --author}: the regular expression must be found in the author's
 * {@code Name <email>} (after the mailmap, when the scan maps identities, as git does with
 * {@code log.mailmap} on, its default);</li>
 * <li>merges: no changes, or with {@code --first-parent} their changes against the first parent
 * ({@code git log --first-parent -m});</li>
 * <li>path globs: only changes to the paths left count, and a commit is listed only when it
 * changed such a path; a merge (walked without {@code --first-parent}) when it differs there
 * from at least one parent, as {@code git log --full-history -- PATHSPEC} lists merges (git's
 * default simplification, which also drops side branches, is not followed).</li>
 * </ul>
 * A commit whose changes the {@link ChangeCache} knows is not diffed: its recorded changes are
 * what the diff would give, since a commit id names its trees for ever.
 */
final class CommitSelection {

    private final CommitDiffer differ;
    private final CommitWalk walk;
    private final Pattern author;
    private final boolean firstParent;
    private final boolean pathLimited;
    private final ChangeCache cache;

    CommitSelection(CommitDiffer differ, CommitWalk walk, String authorRegex, boolean firstParent,
            boolean pathLimited, ChangeCache cache) {
        this.differ = differ;
        this.walk = walk;
        this.author = authorRegex == null ? null : Pattern.compile(authorRegex);
        this.firstParent = firstParent;
        this.pathLimited = pathLimited;
        this.cache = cache;
    }

    /** The commit's changes to report, or {@code null} when the commit is not reported at all. */
    List<FileChange> changes(RevCommit commit, CommitInfo info) throws IOException {
        if (author != null && !author.matcher(info.authorName() + " <" + info.authorEmail() + ">").find()) {
            return null;
        }
        boolean merge = commit.getParentCount() > 1;
        if (merge && !firstParent) {
            return !pathLimited || differsFromAParent(commit) ? List.of() : null;
        }
        RevCommit parent = commit.getParentCount() == 0 ? null : commit.getParent(0);
        if (parent != null && walk.isMissing(parent)) {
            return pathLimited ? null : List.of();
        }
        List<FileChange> recorded = cache.recorded(commit.name());
        if (recorded != null) {
            return recorded;
        }
        List<FileChange> changes = differ.changes(commit, parent);
        return pathLimited && changes.isEmpty() && !differ.differs(commit, parent) ? null : changes;
    }

    private boolean differsFromAParent(RevCommit merge) throws IOException {
        for (RevCommit parent : merge.getParents()) {
            if (!walk.isMissing(parent) && differ.differs(merge, parent)) {
                return true;
            }
        }
        return false;
    }
}
