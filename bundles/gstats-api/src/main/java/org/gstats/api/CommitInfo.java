package org.gstats.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One commit as the scanner saw it. Times keep the author's and committer's own zone
 * offsets, as {@code git log} prints them.
 * <p>
 * Names and emails are the identities after the repository's {@code .mailmap} when the scan
 * maps them ({@link org.gstats.api.scan.ScanRequest#mailmap()}, the default), as git prints
 * them with {@code %aN <%aE>} and counts them in {@code git shortlog -sne}; as recorded in the
 * commit otherwise ({@code --no-mailmap}).
 *
 * @param id             full hex object id
 * @param parentIds      parents in order; the first parent is the one changes are diffed against
 * @param authorName     author name (see above for the mailmap)
 * @param authorEmail    author email
 * @param authorTime     author time with the author's zone offset
 * @param committerName  committer name
 * @param committerEmail committer email
 * @param commitTime     committer time with the committer's zone offset
 * @param summary        first line of the message
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
        String summary) {

    public CommitInfo {
        Objects.requireNonNull(id, "id");
        parentIds = List.copyOf(parentIds);
        Objects.requireNonNull(authorTime, "authorTime");
        Objects.requireNonNull(commitTime, "commitTime");
    }

    public boolean isMerge() {
        return parentIds.size() > 1;
    }

    public boolean isRoot() {
        return parentIds.isEmpty();
    }
}
