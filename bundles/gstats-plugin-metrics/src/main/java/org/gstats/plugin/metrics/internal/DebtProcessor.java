package org.gstats.plugin.metrics.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Table;
import org.gstats.plugin.metrics.internal.history.ChangeHistory;
import org.gstats.plugin.metrics.internal.history.Frequency;

/**
 * A technical-debt score per counted source file whose content was read: five inputs, each
 * normalised to 0..1, weighted, and scaled so that the score runs 0..100:
 * {@code score = 100 × Σ weight·input / Σ weight}. Complexity, churn and size are divided by
 * their largest value among the scored files; duplication is the file's duplicated-lines
 * ratio; coupling is the share of the file's commits that also touched a hotspot (other than
 * the file itself). Each input's share of the score is shown beside it as points.
 */
final class DebtProcessor {

    record Debt(String path, double score, String rating, double complexityPoints, double churnPoints,
            double sizePoints, double duplicationPoints, double couplingPoints, int cyclomatic, long churn,
            int codeLines, double duplicationRatio, double couplingRatio) {
    }

    private final MetricsSettings settings;
    private List<Debt> scored = List.of();

    DebtProcessor(MetricsSettings settings) {
        this.settings = settings;
    }

    List<Debt> score(Collection<HeadFile> files, Map<String, Frequency> frequencies, ChangeHistory history,
            Set<String> hotspots) {
        List<HeadFile> candidates = files.stream().filter(f -> f.analysedSource(settings)).toList();
        int maxComplexity = 0;
        long maxChurn = 0;
        int maxCode = 0;
        for (HeadFile file : candidates) {
            maxComplexity = Math.max(maxComplexity, cyclomatic(file));
            maxChurn = Math.max(maxChurn, churn(frequencies, file));
            maxCode = Math.max(maxCode, file.counts.code());
        }
        Map<String, BitSet> hotspotCommits = new LinkedHashMap<>();
        for (String hotspot : hotspots) {
            hotspotCommits.put(hotspot, history.commitsOf(hotspot));
        }
        BitSet anyHotspot = new BitSet();
        hotspotCommits.values().forEach(anyHotspot::or);
        MetricsSettings.Weights w = settings.weights();
        double scale = 100 / w.sum();
        List<Debt> result = new ArrayList<>();
        for (HeadFile file : candidates) {
            double complexity = Numbers.ratio(cyclomatic(file), maxComplexity);
            double churn = Numbers.ratio(churn(frequencies, file), maxChurn);
            double size = Numbers.ratio(file.counts.code(), maxCode);
            double duplication = Numbers.ratio(file.duplicatedLines, file.counts.total());
            double coupling = coupling(history.commitsOf(file.path), file.path, hotspotCommits, anyHotspot);
            double complexityPoints = scale * w.complexity() * complexity;
            double churnPoints = scale * w.churn() * churn;
            double sizePoints = scale * w.size() * size;
            double duplicationPoints = scale * w.duplication() * duplication;
            double couplingPoints = scale * w.coupling() * coupling;
            double score = complexityPoints + churnPoints + sizePoints + duplicationPoints + couplingPoints;
            result.add(new Debt(file.path, score, settings.rating(Numbers.round(score, 1)), complexityPoints,
                    churnPoints, sizePoints, duplicationPoints, couplingPoints, cyclomatic(file),
                    churn(frequencies, file), file.counts.code(), duplication, coupling));
        }
        result.sort(Comparator.comparingDouble(Debt::score).reversed().thenComparing(Debt::path));
        scored = List.copyOf(result);
        return scored;
    }

    private static int cyclomatic(HeadFile file) {
        return file.complexity == null ? 0 : file.complexity.cyclomatic();
    }

    private static long churn(Map<String, Frequency> frequencies, HeadFile file) {
        Frequency frequency = frequencies.get(file.path);
        return frequency == null ? 0 : frequency.churn()[0];
    }

    /**
     * The share of the file's commits that changed another hotspot too. The commits shared with
     * any of the others are the file's commits within their union: for a file that is no hotspot,
     * the union of all, made once ({@code anyHotspot}), rather than one intersection per hotspot.
     */
    private static double coupling(BitSet own, String path, Map<String, BitSet> hotspotCommits,
            BitSet anyHotspot) {
        int revisions = own.cardinality();
        if (revisions == 0) {
            return 0;
        }
        BitSet others = anyHotspot;
        if (hotspotCommits.containsKey(path)) {
            others = new BitSet();
            for (Map.Entry<String, BitSet> hotspot : hotspotCommits.entrySet()) {
                if (!hotspot.getKey().equals(path)) {
                    others.or(hotspot.getValue());
                }
            }
        }
        BitSet shared = (BitSet) own.clone();
        shared.and(others);
        return (double) shared.cardinality() / revisions;
    }

    Table table() {
        Table.Builder table = Table.builder("debt", "path", "score", "rating", "complexity_points", "churn_points",
                "size_points", "duplication_points", "coupling_points", "cyclomatic", "churn", "code_lines",
                "duplication_ratio", "coupling_ratio");
        for (Debt d : scored) {
            table.row(d.path(), Numbers.round(d.score(), 1), d.rating(), Numbers.round(d.complexityPoints(), 2),
                    Numbers.round(d.churnPoints(), 2), Numbers.round(d.sizePoints(), 2),
                    Numbers.round(d.duplicationPoints(), 2), Numbers.round(d.couplingPoints(), 2), d.cyclomatic(),
                    d.churn(), d.codeLines(), Numbers.round(d.duplicationRatio(), 4),
                    Numbers.round(d.couplingRatio(), 4));
        }
        return table.build();
    }

    /** Files per rating, the mean score (weighted by code lines) and its rating. */
    Fields summary() {
        Map<String, Object> values = new LinkedHashMap<>();
        long[] perRating = new long[5];
        double weighted = 0;
        long lines = 0;
        for (Debt d : scored) {
            perRating[d.rating().charAt(0) - 'A']++;
            weighted += d.score() * d.codeLines();
            lines += d.codeLines();
        }
        double mean = Numbers.round(Numbers.ratio(weighted, lines), 1);
        values.put("files", (long) scored.size());
        for (int r = 0; r < 5; r++) {
            values.put("rated_" + (char) ('a' + r), perRating[r]);
        }
        values.put("score", mean);
        values.put("rating", scored.isEmpty() ? null : settings.rating(mean));
        return new Fields("debt_summary", values);
    }
}
