package org.gstats.plugin.commits.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;

/** One scan's commit statistics. */
final class CommitsAnalysis implements Analysis {

    private record AuthorKey(String name, String email) {
    }

    private final Table.Builder changes;
    private final Map<AuthorKey, AuthorStats> authors = new HashMap<>();
    private final Map<String, Long> commitsByMonth = new TreeMap<>();
    private final Set<String> paths = new HashSet<>();
    private final Lifecycles lifecycles = new Lifecycles();
    private final Activity activity = new Activity();
    private long commits;
    private long merges;
    private long fileChanges;
    private long insertions;
    private long deletions;
    private OffsetDateTime firstCommit;
    private OffsetDateTime lastCommit;
    private final boolean includeMerges;
    private final boolean groupByName;
    private CommitInfo currentCommit;
    private AuthorStats currentAuthor;
    private boolean skippingCommit;

    /**
     * @param listChanges   whether to add the {@code changes} table with every file change
     * @param includeMerges whether merge commits count (false: as {@code git log --no-merges};
     *                      {@code merges} still tells how many there were)
     * @param groupByName   one author row per normalised name ({@code --group-authors name}) instead of
     *                      one per name and email
     */
    CommitsAnalysis(boolean listChanges, boolean includeMerges, boolean groupByName) {
        this.groupByName = groupByName;
        changes = listChanges ? Table.builder("changes", "commit", "author_email", "time", "path", "old_path",
                "change_type", "insertions", "deletions", "binary") : null;
        this.includeMerges = includeMerges;
    }

    @Override
    public void onCommit(CommitInfo commit) {
        currentCommit = commit;
        if (commit.isMerge()) {
            merges++;
        }
        skippingCommit = commit.isMerge() && !includeMerges;
        if (skippingCommit) {
            return;
        }
        commits++;
        OffsetDateTime time = commit.authorTime();
        firstCommit = Times.earlier(firstCommit, time);
        lastCommit = Times.later(lastCommit, time);
        currentAuthor = authors.computeIfAbsent(new AuthorKey(commit.authorName(), commit.authorEmail()),
                key -> new AuthorStats(key.name(), key.email()));
        currentAuthor.addCommit(commit);
        LocalDateTime local = commit.authorLocalTime();
        activity.addCommit(local, currentAuthor);
        commitsByMonth.merge(Times.month(local), 1L, Long::sum);
    }

    @Override
    public void onFileChange(FileChange change) {
        if (currentCommit == null || !currentCommit.id().equals(change.commitId())) {
            throw new IllegalStateException("file change of commit " + change.commitId()
                    + " arrived outside that commit's events");
        }
        if (skippingCommit) {
            return;
        }
        fileChanges++;
        paths.add(change.path());
        // Counted as delivered: whether a merge carries changes is the scan's choice (git log's
        // default gives it none; --first-parent gives it its first-parent diff), not the plugin's.
        insertions += change.insertions();
        deletions += change.deletions();
        currentAuthor.addLines(change.insertions(), change.deletions());
        activity.addLines(change.insertions(), change.deletions());
        lifecycles.add(commits, currentCommit.authorTime(), change);
        if (changes != null) {
            changes.row(change.commitId(), currentCommit.authorEmail(), Times.iso(currentCommit.authorTime()),
                    change.path(), change.oldPath(), change.type().label(), change.insertions(), change.deletions(),
                    change.binary());
        }
    }

    @Override
    public ReportSection result() {
        List<ReportItem> items = new ArrayList<>();
        items.add(totals());
        items.add(authorsTable());
        items.add(byMonthTable());
        items.add(lifecycles.table());
        items.add(activity.byDay());
        items.add(activity.byWeekdayHour());
        items.add(activity.authorsByMonth(authors.values().stream().map(a -> a.firstMonth).toList()));
        items.add(AuthorIdentities.clusters(authors.values()));
        if (changes != null) {
            items.add(changes.build());
        }
        return new ReportSection(CommitsPlugin.NAME, items);
    }

    private Fields totals() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("commits", commits);
        values.put("merges", merges);
        values.put("authors", (long) (groupByName ? AuthorIdentities.byName(authors.values()).size()
                : authors.size()));
        values.put("files_changed", (long) paths.size());
        values.put("file_changes", fileChanges);
        values.put("insertions", insertions);
        values.put("deletions", deletions);
        values.put("first_commit", Times.iso(firstCommit));
        values.put("last_commit", Times.iso(lastCommit));
        return new Fields("totals", values);
    }

    private Table authorsTable() {
        Table.Builder table = Table.builder("authors", "name", "email", "commits", "insertions", "deletions",
                "first_commit", "last_commit");
        List<AuthorStats> rows = groupByName ? AuthorIdentities.byName(authors.values())
                : authors.values().stream().sorted(AuthorIdentities.BY_COMMITS).toList();
        rows.forEach(a -> table.row(a.name, a.email, a.commits, a.insertions, a.deletions, Times.iso(a.firstCommit),
                Times.iso(a.lastCommit)));
        return table.build();
    }

    private Table byMonthTable() {
        Table.Builder table = Table.builder("by_month", "month", "commits");
        commitsByMonth.forEach(table::row);
        return table.build();
    }
}
