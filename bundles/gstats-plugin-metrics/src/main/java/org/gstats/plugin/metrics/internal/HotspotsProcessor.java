package org.gstats.plugin.metrics.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.gstats.api.report.Table;
import org.gstats.plugin.metrics.internal.history.Frequency;

/**
 * Files ranked by change frequency × complexity: revisions divided by the largest revisions
 * among candidates, times cyclomatic complexity divided by the largest among candidates, so
 * that scores run 0..1 within one report. Candidates are counted files whose complexity
 * analysis found functions (cyclomatic complexity above 0) and that have at least one revision.
 */
final class HotspotsProcessor {

    /** One ranked file with its inputs. */
    record Hotspot(String path, int rank, double score, int revisions, int complexity, long churn,
            double revisionsNorm, double complexityNorm) {
    }

    private final int topN;
    private List<Hotspot> ranked = List.of();

    HotspotsProcessor(int topN) {
        this.topN = topN;
    }

    List<Hotspot> rank(Collection<HeadFile> files, Map<String, Frequency> frequencies) {
        List<HeadFile> candidates = new ArrayList<>();
        int maxRevisions = 0;
        int maxComplexity = 0;
        for (HeadFile file : files) {
            Frequency frequency = frequencies.get(file.path);
            if (file.complexity != null && file.complexity.cyclomatic() > 0 && frequency != null
                    && frequency.revisions()[0] > 0) {
                candidates.add(file);
                maxRevisions = Math.max(maxRevisions, frequency.revisions()[0]);
                maxComplexity = Math.max(maxComplexity, file.complexity.cyclomatic());
            }
        }
        List<Hotspot> scored = new ArrayList<>();
        for (HeadFile file : candidates) {
            Frequency frequency = frequencies.get(file.path);
            double revisionsNorm = Numbers.ratio(frequency.revisions()[0], maxRevisions);
            double complexityNorm = Numbers.ratio(file.complexity.cyclomatic(), maxComplexity);
            scored.add(new Hotspot(file.path, 0, revisionsNorm * complexityNorm, frequency.revisions()[0],
                    file.complexity.cyclomatic(), frequency.churn()[0], revisionsNorm, complexityNorm));
        }
        scored.sort(Comparator.comparingDouble(Hotspot::score).reversed().thenComparing(Hotspot::path));
        List<Hotspot> top = new ArrayList<>();
        for (int i = 0; i < Math.min(topN, scored.size()); i++) {
            Hotspot h = scored.get(i);
            top.add(new Hotspot(h.path(), i + 1, h.score(), h.revisions(), h.complexity(), h.churn(),
                    h.revisionsNorm(), h.complexityNorm()));
        }
        ranked = List.copyOf(top);
        return ranked;
    }

    Table table() {
        Table.Builder table = Table.builder("hotspots", "path", "rank", "score", "revisions", "complexity", "churn",
                "revisions_norm", "complexity_norm");
        for (Hotspot h : ranked) {
            table.row(h.path(), h.rank(), Numbers.round(h.score(), 4), h.revisions(), h.complexity(), h.churn(),
                    Numbers.round(h.revisionsNorm(), 4), Numbers.round(h.complexityNorm(), 4));
        }
        return table.build();
    }
}
