package org.gstats.plugins.coupling.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.report.ChartSpec;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;

/**
 * Counts, per file, the commits that change it (its revisions) and, per pair of files, the
 * commits that change both. Paths are taken as each commit names them (renames are not
 * followed). Merge commits are left out, as {@code git log --numstat} leaves them out, and so
 * are commits that change more files than the changeset limit.
 */
final class CouplingAnalysis implements Analysis {

    /** A pair of paths, {@code first} before {@code second} in string order. */
    record Pair(String first, String second) {
    }

    /** A coupled pair as the report lists it. */
    record Coupling(Pair pair, int shared, int revisionsFirst, int revisionsSecond, double degree) {
    }

    private final CouplingThresholds thresholds;
    private final Map<String, Integer> revisions = new HashMap<>();
    private final Map<Pair, Integer> shared = new HashMap<>();
    private TreeSet<String> changeset = new TreeSet<>();
    private boolean merge;
    private long commits;
    private long skippedLarge;

    CouplingAnalysis(CouplingThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public void onCommit(CommitInfo commit) {
        closeChangeset();
        merge = commit.isMerge();
    }

    @Override
    public void onFileChange(FileChange change) {
        if (!merge) {
            changeset.add(change.path());
        }
    }

    private void closeChangeset() {
        if (changeset.isEmpty()) {
            return;
        }
        commits++;
        if (changeset.size() > thresholds.maxChangesetSize()) {
            skippedLarge++;
        } else {
            List<String> files = new ArrayList<>(changeset);
            for (int i = 0; i < files.size(); i++) {
                revisions.merge(files.get(i), 1, Integer::sum);
                for (int j = i + 1; j < files.size(); j++) {
                    shared.merge(new Pair(files.get(i), files.get(j)), 1, Integer::sum);
                }
            }
        }
        changeset = new TreeSet<>();
    }

    /** The pairs above every threshold, strongest first. */
    List<Coupling> couplings() {
        closeChangeset();
        List<Coupling> couplings = new ArrayList<>();
        shared.forEach((pair, together) -> {
            int first = revisions.get(pair.first());
            int second = revisions.get(pair.second());
            double degree = 100.0 * together / ((first + second) / 2.0);
            if (first >= thresholds.minRevisions() && second >= thresholds.minRevisions()
                    && together >= thresholds.minShared() && degree >= thresholds.minDegree()) {
                couplings.add(new Coupling(pair, together, first, second, degree));
            }
        });
        couplings.sort(Comparator.comparingDouble(Coupling::degree).reversed()
                .thenComparing(Comparator.comparingInt(Coupling::shared).reversed())
                .thenComparing(c -> c.pair().first()).thenComparing(c -> c.pair().second()));
        return couplings;
    }

    @Override
    public ReportSection result() {
        List<Coupling> couplings = couplings();
        Table.Builder pairs = Table.builder("pairs", "file", "coupled_file", "shared_commits", "revisions",
                "coupled_revisions", "degree");
        for (Coupling coupling : couplings) {
            pairs.row(coupling.pair().first(), coupling.pair().second(), coupling.shared(), coupling.revisionsFirst(),
                    coupling.revisionsSecond(), Math.round(coupling.degree() * 10) / 10.0);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("changesets", commits);
        summary.put("commits_too_large", skippedLarge);
        summary.put("pairs", couplings.size());
        summary.put("min_revisions", thresholds.minRevisions());
        summary.put("min_shared", thresholds.minShared());
        summary.put("min_degree", thresholds.minDegree());
        summary.put("max_changeset_size", thresholds.maxChangesetSize());
        // the HTML report draws the pairs as a graph: clusters of files that change together
        return new ReportSection(CouplingPlugin.NAME, List.of(new Fields("summary", summary), pairs.build()),
                List.of(ChartSpec.graph("Change coupling (files that change together; edge: degree)", "pairs", "file",
                        "coupled_file", "degree")));
    }
}
