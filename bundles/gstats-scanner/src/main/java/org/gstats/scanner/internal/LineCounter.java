package org.gstats.scanner.internal;

import org.gstats.api.scan.DiffAlgorithm;
import org.gstats.scanner.internal.NumstatLineCounter.LineCounts;

/** Counts the lines one text change inserted and deleted, with one of git's diff algorithms. */
@FunctionalInterface
interface LineCounter {

    /** Both blobs must be text. */
    LineCounts count(Blob before, Blob after);

    static LineCounter of(DiffAlgorithm algorithm) {
        return switch (algorithm) {
            case MYERS -> NumstatLineCounter::count;
            case HISTOGRAM -> HistogramLineCounter::count;
            case MINIMAL -> NumstatLineCounter::countMinimal;
        };
    }
}
