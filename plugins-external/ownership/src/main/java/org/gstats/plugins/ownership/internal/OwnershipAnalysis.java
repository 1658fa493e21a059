package org.gstats.plugins.ownership.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.api.Analysis;
import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.report.ChartSpec;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;

/**
 * Lines added per author to every file that exists at the scanned head, following renames.
 * History arrives newest first, so the first change seen for a path is its latest: a path whose
 * latest change deletes it is gone, and a file's history ends (going back) where it was added.
 * Merge commits are left out, as {@code git log --numstat} leaves them out: their diff against
 * the first parent repeats the merged branch's changes.
 */
final class OwnershipAnalysis implements Analysis {

    private final Map<String, Contributions> files = new HashMap<>();
    /** Older name → name at the head, from the renames seen so far. */
    private final Map<String, String> renamedTo = new HashMap<>();
    /** Names at the head whose history is complete (added) or that are gone (deleted). */
    private final Set<String> closed = new HashSet<>();
    private final Map<String, String> authorNames = new HashMap<>();
    private String author;
    private boolean merge;

    @Override
    public void onCommit(CommitInfo commit) {
        merge = commit.isMerge();
        author = commit.authorEmail() == null ? commit.authorName()
                : commit.authorEmail().toLowerCase(Locale.ROOT);
        authorNames.putIfAbsent(author, commit.authorName());
    }

    @Override
    public void onFileChange(FileChange change) {
        if (merge) {
            return;
        }
        String current = renamedTo.getOrDefault(change.path(), change.path());
        if (closed.contains(current)) {
            return;
        }
        if (change.type() == ChangeType.DELETED) {
            closed.add(current);
            return;
        }
        if (!change.binary()) {
            files.computeIfAbsent(current, path -> new Contributions()).add(author, change.insertions());
        }
        if (change.oldPath() != null && change.type() == ChangeType.RENAMED) {
            renamedTo.put(change.oldPath(), current);
        } else if (change.type() == ChangeType.ADDED || change.type() == ChangeType.COPIED) {
            closed.add(current);
        }
    }

    @Override
    public ReportSection result() {
        Map<String, Contributions> owned = new TreeMap<>();
        files.forEach((path, contributions) -> {
            if (contributions.total() > 0) {
                owned.put(path, contributions);
            }
        });
        Map<String, Contributions> directories = new TreeMap<>();
        owned.forEach((path, contributions) -> {
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                directories.computeIfAbsent(path.substring(0, slash), dir -> new Contributions())
                        .addAll(contributions);
            }
        });
        List<String> busFactorAuthors = busFactor(owned);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", owned.size());
        summary.put("authors", owned.values().stream().flatMap(c -> c.shares().stream()).map(s -> s.author())
                .distinct().count());
        summary.put("bus_factor", busFactorAuthors.size());
        summary.put("bus_factor_authors", String.join(", ", busFactorAuthors.stream().map(this::display).toList()));
        // the HTML report draws these: who holds the knowledge of each file, and where it is spread thin
        return new ReportSection(OwnershipPlugin.NAME, List.of(new Fields("summary", summary),
                table("files", "path", owned), table("directories", "directory", directories)), List.of(
                ChartSpec.treemap("Knowledge map (size: lines added; colour: main author)", "files", "path",
                        "lines_added", "main_author"),
                ChartSpec.bar("Most fragmented directories (1 - sum of squared author shares)", "directories",
                        "directory", "fragmentation")));
    }

    /**
     * The fewest authors who, together, are main author of more than half of the files: authors
     * taken in order of the files they own, most first.
     */
    private static List<String> busFactor(Map<String, Contributions> owned) {
        Map<String, Integer> filesOwned = new HashMap<>();
        owned.values().forEach(c -> filesOwned.merge(c.shares().get(0).author(), 1, Integer::sum));
        List<Map.Entry<String, Integer>> owners = new ArrayList<>(filesOwned.entrySet());
        owners.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> authors = new ArrayList<>();
        int covered = 0;
        for (Map.Entry<String, Integer> owner : owners) {
            if (covered * 2 > owned.size()) {
                break;
            }
            authors.add(owner.getKey());
            covered += owner.getValue();
        }
        return authors;
    }

    private Table table(String name, String keyColumn, Map<String, Contributions> entries) {
        Table.Builder table = Table.builder(name, keyColumn, "main_author", "ownership", "contributors",
                "fragmentation", "lines_added");
        entries.forEach((key, contributions) -> {
            Contributions.Share main = contributions.shares().get(0);
            table.row(key, display(main.author()), round(main.share()), contributions.contributors(),
                    round(contributions.fragmentation()), contributions.total());
        });
        return table.build();
    }

    private String display(String author) {
        return authorNames.getOrDefault(author, author);
    }

    /** Three decimals: enough to compare, few enough to read. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
