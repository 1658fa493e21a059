package org.gstats.scanner.internal;

import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;
import org.gstats.scanner.internal.NumstatLineCounter.LineCounts;

/**
 * Counts as {@code git diff --histogram}, with JGit's {@link HistogramDiff}, from which git's
 * histogram diff descends. One difference between them changes counts: JGit first takes off
 * the lines both texts begin and end with, git's histogram does not, and those lines take part
 * in its choice of the rare lines it anchors on. So both texts are framed here by a line of
 * their own at each end, which nothing matches: JGit's trimming then finds nothing to take
 * off, and the four framing lines are taken off the counts again.
 */
final class HistogramLineCounter {

    private HistogramLineCounter() {
    }

    static LineCounts count(Blob before, Blob after) {
        EditList edits = new HistogramDiff().diff(FramedLines.COMPARATOR, new FramedLines(before, 0),
                new FramedLines(after, 1));
        int insertions = 0;
        int deletions = 0;
        for (Edit edit : edits) {
            insertions += edit.getLengthB();
            deletions += edit.getLengthA();
        }
        return new LineCounts(insertions - 2, deletions - 2);
    }

    /**
     * A blob's lines between two framing lines, as JGit's diff algorithms take them. Lines
     * compare with their newline, so that a last line without one differs from the same text
     * with one, as in git; JGit's {@code RawText} would call them equal.
     */
    private static final class FramedLines extends Sequence {

        static final SequenceComparator<FramedLines> COMPARATOR = new SequenceComparator<>() {
            @Override
            public boolean equals(FramedLines a, int ai, FramedLines b, int bi) {
                boolean frameA = a.isFrame(ai);
                boolean frameB = b.isFrame(bi);
                if (frameA || frameB) {
                    return a == b && ai == bi;
                }
                return a.blob.sameLine(ai - 1, b.blob, bi - 1);
            }

            @Override
            public int hash(FramedLines seq, int index) {
                return seq.isFrame(index) ? (index == 0 ? -1 - 2 * seq.side : -2 - 2 * seq.side)
                        : seq.blob.lineHashes()[index - 1];
            }
        };

        private final Blob blob;
        private final int side;

        FramedLines(Blob blob, int side) {
            this.blob = blob;
            this.side = side;
        }

        boolean isFrame(int index) {
            return index == 0 || index == blob.lineCount() + 1;
        }

        @Override
        public int size() {
            return blob.lineCount() + 2;
        }
    }
}
