package org.gstats.scanner.internal;

import org.eclipse.jgit.diff.DiffAlgorithm.SupportedAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;
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
            case HISTOGRAM -> jgit(org.eclipse.jgit.diff.DiffAlgorithm.getAlgorithm(SupportedAlgorithm.HISTOGRAM));
            // JGit's Myers has none of xdiff's shortcuts: its edits are minimal, and minimal
            // edits have one count whatever their alignment (lines minus the longest common subsequence).
            case MINIMAL -> jgit(org.eclipse.jgit.diff.DiffAlgorithm.getAlgorithm(SupportedAlgorithm.MYERS));
        };
    }

    private static LineCounter jgit(org.eclipse.jgit.diff.DiffAlgorithm algorithm) {
        return (before, after) -> {
            EditList edits = algorithm.diff(Lines.COMPARATOR, new Lines(before), new Lines(after));
            int insertions = 0;
            int deletions = 0;
            for (Edit edit : edits) {
                insertions += edit.getLengthB();
                deletions += edit.getLengthA();
            }
            return new LineCounts(insertions, deletions);
        };
    }

    /**
     * A blob's lines as JGit's diff algorithms take them. Lines compare with their newline, so
     * that a last line without one differs from the same text with one, as in git; JGit's
     * {@code RawText} would call them equal.
     */
    final class Lines extends Sequence {

        static final SequenceComparator<Lines> COMPARATOR = new SequenceComparator<>() {
            @Override
            public boolean equals(Lines a, int ai, Lines b, int bi) {
                return a.blob.sameLine(ai, b.blob, bi);
            }

            @Override
            public int hash(Lines seq, int index) {
                return seq.blob.lineHashes()[index];
            }
        };

        private final Blob blob;

        Lines(Blob blob) {
            this.blob = blob;
        }

        @Override
        public int size() {
            return blob.lineCount();
        }
    }
}
