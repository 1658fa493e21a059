package org.gstats.plugins.ownership.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines added per author to one file or directory; an author is a name and email, as the
 * commits plugin counts authors.
 */
final class Contributions {

    /** One author's part. */
    record Share(String author, long linesAdded, double share) {
    }

    private final Map<String, Long> linesByAuthor = new HashMap<>();
    private long total;

    void add(String author, long lines) {
        linesByAuthor.merge(author, lines, Long::sum);
        total += lines;
    }

    void addAll(Contributions other) {
        other.linesByAuthor.forEach(this::add);
    }

    long total() {
        return total;
    }

    int contributors() {
        return linesByAuthor.size();
    }

    /** Authors by lines added, most first; ties by author. */
    List<Share> shares() {
        return linesByAuthor.entrySet().stream()
                .map(e -> new Share(e.getKey(), e.getValue(), total == 0 ? 0 : (double) e.getValue() / total))
                .sorted(Comparator.comparingLong(Share::linesAdded).reversed().thenComparing(Share::author))
                .toList();
    }

    /** 0 when one author added every line, towards 1 the more evenly many authors did. */
    double fragmentation() {
        if (total == 0) {
            return 0;
        }
        double sumOfSquares = 0;
        for (long lines : linesByAuthor.values()) {
            double share = (double) lines / total;
            sumOfSquares += share * share;
        }
        return 1 - sumOfSquares;
    }
}
