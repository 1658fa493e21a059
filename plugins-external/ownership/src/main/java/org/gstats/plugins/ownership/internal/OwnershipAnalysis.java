package org.gstats.plugins.ownership.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.api.Analysis;
import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileInfo;
import org.gstats.api.report.ChartSpec;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;

/**
 * Lines added per author to every file that exists at the scanned head, following renames as
 * {@code git log --follow} follows a path: history arrives newest first, and at a rename the
 * file's older changes are those of its old name, while older changes to its new name belong
 * to another file; a deletion and a new addition of the same path do not end its history.
 * Only files at the head are listed (a file deleted by a merge, whose deletion no commit's
 * changes show, is gone too). Merge commits are left out, as {@code git log --numstat} leaves them out: their diff against
 * the first parent repeats the merged branch's changes. Authors are told apart as the commits
 * plugin and {@code git shortlog -sne} tell them apart: by name and email as the scan reports
 * them (after the mailmap).
 */
final class OwnershipAnalysis implements Analysis {

    private final Map<String, Contributions> files = new HashMap<>();
    /**
     * Name in older history → the name it is followed under, from the renames seen so far; a
     * null value for a name whose older changes belong to no followed file.
     */
    private final Map<String, String> followedAs = new HashMap<>();
    /** Author key (name and email) → name. */
    private final Map<String, String> authorNames = new HashMap<>();
    private final Set<String> headFiles = new HashSet<>();
    private String author;
    private boolean merge;

    @Override
    public void onCommit(CommitInfo commit) {
        merge = commit.isMerge();
        author = commit.authorName() + " <" + commit.authorEmail() + ">";
        authorNames.putIfAbsent(author, commit.authorName());
    }

    @Override
    public void onFileChange(FileChange change) {
        if (merge) {
            return;
        }
        String current = followedAs.containsKey(change.path()) ? followedAs.get(change.path()) : change.path();
        if (change.type() == ChangeType.RENAMED && change.oldPath() != null) {
            followedAs.put(change.oldPath(), current);
            if (!change.oldPath().equals(change.path())) {
                followedAs.put(change.path(), null);
            }
        }
        if (current != null && !change.binary()) {
            files.computeIfAbsent(current, path -> new Contributions()).add(author, change.insertions());
        }
    }

    @Override
    public void onFileInfo(FileInfo file) {
        headFiles.add(file.path());
    }

    @Override
    public ReportSection result() {
        Map<String, Contributions> owned = new TreeMap<>();
        files.forEach((path, contributions) -> {
            if (contributions.total() > 0 && headFiles.contains(path)) {
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
