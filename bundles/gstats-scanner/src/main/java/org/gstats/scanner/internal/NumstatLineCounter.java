package org.gstats.scanner.internal;

import java.util.Arrays;

/**
 * Counts inserted and deleted lines between two texts exactly as {@code git diff --numstat}
 * does with git's default (myers) algorithm.
 * <p>
 * A minimal diff is not enough: git's xdiff first drops lines that occur often in the other
 * file when they sit inside a run of unmatched lines (a blank line in the middle of a
 * rewritten block counts as deleted and added), and on long, costly diffs it settles for a
 * good split instead of the best one. JGit's {@code MyersDiff} does neither and so reports
 * fewer changes in such cases. This class follows git's procedure step by step: classify
 * lines, trim the common head and tail, discard as git discards, then divide and conquer
 * with git's middle-snake search and its cost heuristics. Only the counts are kept: the
 * position of each change does not matter for them.
 */
final class NumstatLineCounter {

    /** Inserted and deleted lines. */
    record LineCounts(int insertions, int deletions) {
    }

    /** Lines that occur at least this often in the other file (or sqrt(lines), if less) are "frequent". */
    private static final int MAX_EQUAL_LIMIT = 1024;
    /** How far the discard step looks around a frequent line. */
    private static final int SIMILAR_SCAN_WINDOW = 100;
    /** A frequent line is dropped when frequent lines are under a quarter of the run around it. */
    private static final int KEEP_DISCARD_RUN = 4;
    /** Edit cost at which the middle-snake search gives up on finding the best split. */
    private static final int MAX_COST_MIN = 256;
    /** Edit cost above which a long enough snake is taken as the split. */
    private static final int HEURISTIC_MIN_COST = 256;
    /** What counts as a long snake. */
    private static final int SNAKE_COUNT = 20;
    /** How far past the edit cost a diagonal must have advanced to be taken. */
    private static final int HEURISTIC_FACTOR = 4;

    private static final int UNMATCHED = 0;
    private static final int MATCHED = 1;
    private static final int FREQUENT = 2;

    private NumstatLineCounter() {
    }

    /** Counts the changes from {@code before} to {@code after}; both must be text. */
    static LineCounts count(Blob before, Blob after) {
        return count(before, after, false);
    }

    /**
     * Counts as {@code git diff --minimal}: the same procedure, but every split is the best
     * one (no cost cut-off). git still discards frequent lines inside runs of unmatched ones
     * first, so its "minimal" counts can exceed what a longest common subsequence leaves
     * (a blank line between rewritten lines counts as deleted and added); this count follows
     * git there too.
     */
    static LineCounts countMinimal(Blob before, Blob after) {
        return count(before, after, true);
    }

    private static LineCounts count(Blob before, Blob after, boolean minimal) {
        int lines1 = before.lineCount();
        int lines2 = after.lineCount();
        int start = commonHead(before, after);
        int tail = commonTail(before, after, Math.min(lines1, lines2) - start);
        int end1 = lines1 - tail;
        int end2 = lines2 - tail;
        if (start == end1 || start == end2) {
            return new LineCounts(end2 - start, end1 - start);
        }
        return new Comparison(before, after, start, end1, end2, minimal).run();
    }

    /**
     * The number of lines both texts begin with: the run of equal hashes and lengths, its bytes
     * then compared at once (and the run cut at the first differing byte, should two hashes
     * collide).
     */
    private static int commonHead(Blob a, Blob b) {
        int[] hashes1 = a.lineHashes();
        int[] hashes2 = b.lineHashes();
        int limit = Math.min(hashes1.length, hashes2.length);
        int lines = 0;
        while (lines < limit && hashes1[lines] == hashes2[lines] && a.lineEnd(lines) == b.lineEnd(lines)) {
            lines++;
        }
        int end = lines == 0 ? 0 : a.lineEnd(lines - 1);
        int differs = Arrays.mismatch(a.content(), 0, end, b.content(), 0, end);
        if (differs >= 0) {
            lines = 0;
            while (a.lineEnd(lines) <= differs) {
                lines++;
            }
        }
        return lines;
    }

    /** The number of lines, at most {@code limit}, both texts end with; as {@link #commonHead}. */
    private static int commonTail(Blob a, Blob b, int limit) {
        int[] hashes1 = a.lineHashes();
        int[] hashes2 = b.lineHashes();
        int last1 = hashes1.length - 1;
        int last2 = hashes2.length - 1;
        int lines = 0;
        while (lines < limit && hashes1[last1 - lines] == hashes2[last2 - lines]
                && lineLength(a, last1 - lines) == lineLength(b, last2 - lines)) {
            lines++;
        }
        if (lines == 0) {
            return 0;
        }
        int from1 = a.lineStart(last1 - lines + 1);
        int from2 = b.lineStart(last2 - lines + 1);
        int length = a.content().length - from1;
        int differs = Arrays.mismatch(a.content(), from1, from1 + length, b.content(), from2, from2 + length);
        if (differs >= 0) {
            while (a.lineStart(last1 - lines + 1) <= from1 + differs) {
                lines--;
            }
        }
        return lines;
    }

    private static int lineLength(Blob blob, int line) {
        return blob.lineEnd(line) - blob.lineStart(line);
    }

    /** One comparison of two texts whose lines from {@code start} to {@code end1}/{@code end2} differ. */
    private static final class Comparison {
        private final Blob before;
        private final Blob after;
        private final int start;
        private final int end1;
        private final int end2;
        private final boolean minimal;

        private int[] classes1;
        private int[] classes2;
        private int[] occurrences1;
        private int[] occurrences2;

        private int[] reduced1;
        private int[] reduced2;
        private int changed1;
        private int changed2;

        private int[] forward;
        private int[] backward;
        private int diagonalOffset;
        private int maxCost;

        private int splitAt1;
        private int splitAt2;
        private boolean minimalLow;
        private boolean minimalHigh;

        Comparison(Blob before, Blob after, int start, int end1, int end2, boolean minimal) {
            this.before = before;
            this.after = after;
            this.start = start;
            this.end1 = end1;
            this.end2 = end2;
            this.minimal = minimal;
        }

        LineCounts run() {
            classify();
            reduced1 = discard(classes1, occurrences2, before.lineCount(), true);
            reduced2 = discard(classes2, occurrences1, after.lineCount(), false);
            int diagonals = reduced1.length + reduced2.length + 3;
            forward = new int[diagonals];
            backward = new int[diagonals];
            diagonalOffset = reduced2.length + 1;
            maxCost = Math.max(approximateSqrt(diagonals), MAX_COST_MIN);
            compareAll();
            return new LineCounts(changed2, changed1);
        }

        /**
         * Gives every distinct line between the common head and tail one class number, shared
         * by both texts, and counts how often each class occurs in each text over the whole
         * texts, as git counts. The head and tail are the same in both texts, so their lines
         * are looked up once and count for both; lines found only there have no class.
         */
        private void classify() {
            int changedLines1 = end1 - start;
            int changedLines2 = end2 - start;
            int capacity = Integer.highestOneBit(Math.max(16, (changedLines1 + changedLines2) * 2 - 1)) << 1;
            ClassTable table = new ClassTable(capacity, changedLines1 + changedLines2);
            classes1 = new int[changedLines1];
            classes2 = new int[changedLines2];
            for (int i = 0; i < changedLines1; i++) {
                classes1[i] = table.classOf(before, start + i, true);
            }
            for (int i = 0; i < changedLines2; i++) {
                classes2[i] = table.classOf(after, start + i, true);
            }
            occurrences1 = new int[table.count];
            occurrences2 = new int[table.count];
            for (int c : classes1) {
                occurrences1[c]++;
            }
            for (int c : classes2) {
                occurrences2[c]++;
            }
            countCommon(table, 0, start);
            countCommon(table, end1, before.lineCount());
        }

        private void countCommon(ClassTable table, int from, int to) {
            for (int line = from; line < to; line++) {
                int c = table.classOf(before, line, false);
                if (c >= 0) {
                    occurrences1[c]++;
                    occurrences2[c]++;
                }
            }
        }

        /**
         * git's {@code xdl_cleanup_records} for one text: lines without a match in the other
         * text, and frequent lines inside runs of such lines, are changed for sure; the rest
         * go on to the diff. Returns the classes of the lines that go on.
         */
        private int[] discard(int[] classes, int[] otherOccurrences, int totalLines, boolean first) {
            int frequentLimit = Math.min(approximateSqrt(totalLines), MAX_EQUAL_LIMIT);
            int lines = classes.length;
            byte[] kinds = new byte[lines];
            for (int i = 0; i < lines; i++) {
                int occurrences = otherOccurrences[classes[i]];
                kinds[i] = (byte) (occurrences == 0 ? UNMATCHED : occurrences >= frequentLimit ? FREQUENT : MATCHED);
            }
            int[] kept = new int[lines];
            int keptCount = 0;
            for (int i = 0; i < lines; i++) {
                if (kinds[i] == MATCHED || kinds[i] == FREQUENT && !discardFrequent(kinds, i)) {
                    kept[keptCount++] = classes[i];
                }
            }
            if (first) {
                changed1 += lines - keptCount;
            } else {
                changed2 += lines - keptCount;
            }
            return Arrays.copyOf(kept, keptCount);
        }

        /** git's {@code xdl_clean_mmatch}: is this frequent line inside a run of mostly unmatched lines? */
        private static boolean discardFrequent(byte[] kinds, int line) {
            int first = Math.max(0, line - SIMILAR_SCAN_WINDOW);
            int lastScanned = Math.min(kinds.length - 1, line + SIMILAR_SCAN_WINDOW);
            int unmatchedBefore = 0;
            int frequentBefore = 1;
            for (int i = line - 1; i >= first; i--) {
                if (kinds[i] == UNMATCHED) {
                    unmatchedBefore++;
                } else if (kinds[i] == FREQUENT) {
                    frequentBefore++;
                } else {
                    break;
                }
            }
            if (unmatchedBefore == 0) {
                return false;
            }
            int unmatchedAfter = 0;
            int frequentAfter = 1;
            for (int i = line + 1; i <= lastScanned; i++) {
                if (kinds[i] == UNMATCHED) {
                    unmatchedAfter++;
                } else if (kinds[i] == FREQUENT) {
                    frequentAfter++;
                } else {
                    break;
                }
            }
            if (unmatchedAfter == 0) {
                return false;
            }
            int unmatched = unmatchedBefore + unmatchedAfter;
            int frequent = frequentBefore + frequentAfter;
            return frequent * KEEP_DISCARD_RUN < frequent + unmatched;
        }

        /**
         * git's {@code xdl_recs_cmp}, with an explicit stack instead of recursion: shrink each
         * box by its common ends, count a box with one empty side as changed, split the others.
         */
        private void compareAll() {
            int[] stack = new int[5 * 64];
            int top = 0;
            stack[top++] = 0;
            stack[top++] = reduced1.length;
            stack[top++] = 0;
            stack[top++] = reduced2.length;
            stack[top++] = minimal ? 1 : 0;
            while (top > 0) {
                boolean needMinimal = stack[--top] != 0;
                int lim2 = stack[--top];
                int off2 = stack[--top];
                int lim1 = stack[--top];
                int off1 = stack[--top];
                while (off1 < lim1 && off2 < lim2 && reduced1[off1] == reduced2[off2]) {
                    off1++;
                    off2++;
                }
                while (off1 < lim1 && off2 < lim2 && reduced1[lim1 - 1] == reduced2[lim2 - 1]) {
                    lim1--;
                    lim2--;
                }
                if (off1 == lim1) {
                    changed2 += lim2 - off2;
                } else if (off2 == lim2) {
                    changed1 += lim1 - off1;
                } else {
                    split(off1, lim1, off2, lim2, needMinimal);
                    if (top + 10 > stack.length) {
                        stack = Arrays.copyOf(stack, stack.length * 2);
                    }
                    int at1 = splitAt1;
                    int at2 = splitAt2;
                    boolean low = minimalLow;
                    boolean high = minimalHigh;
                    stack[top++] = at1;
                    stack[top++] = lim1;
                    stack[top++] = at2;
                    stack[top++] = lim2;
                    stack[top++] = high ? 1 : 0;
                    stack[top++] = off1;
                    stack[top++] = at1;
                    stack[top++] = off2;
                    stack[top++] = at2;
                    stack[top++] = low ? 1 : 0;
                }
            }
        }

        /**
         * git's {@code xdl_split}: searches forward and backward at once for the middle snake
         * of the box; past the cost limits, takes a good split rather than the best one.
         */
        private void split(int off1, int lim1, int off2, int lim2, boolean needMinimal) {
            int[] a = reduced1;
            int[] b = reduced2;
            int[] kf = forward;
            int[] kb = backward;
            int o = diagonalOffset;
            int dmin = off1 - lim2;
            int dmax = lim1 - off2;
            int fmid = off1 - off2;
            int bmid = lim1 - lim2;
            boolean odd = ((fmid - bmid) & 1) != 0;
            int fmin = fmid;
            int fmax = fmid;
            int bmin = bmid;
            int bmax = bmid;

            kf[fmid + o] = off1;
            kb[bmid + o] = lim1;

            for (int cost = 1;; cost++) {
                boolean gotSnake = false;

                if (fmin > dmin) {
                    kf[--fmin - 1 + o] = -1;
                } else {
                    ++fmin;
                }
                if (fmax < dmax) {
                    kf[++fmax + 1 + o] = -1;
                } else {
                    --fmax;
                }
                for (int d = fmax; d >= fmin; d -= 2) {
                    int i1 = kf[d - 1 + o] >= kf[d + 1 + o] ? kf[d - 1 + o] + 1 : kf[d + 1 + o];
                    int prev1 = i1;
                    int i2 = i1 - d;
                    while (i1 < lim1 && i2 < lim2 && a[i1] == b[i2]) {
                        i1++;
                        i2++;
                    }
                    if (i1 - prev1 > SNAKE_COUNT) {
                        gotSnake = true;
                    }
                    kf[d + o] = i1;
                    if (odd && bmin <= d && d <= bmax && kb[d + o] <= i1) {
                        setSplit(i1, i2, true, true);
                        return;
                    }
                }

                if (bmin > dmin) {
                    kb[--bmin - 1 + o] = Integer.MAX_VALUE;
                } else {
                    ++bmin;
                }
                if (bmax < dmax) {
                    kb[++bmax + 1 + o] = Integer.MAX_VALUE;
                } else {
                    --bmax;
                }
                for (int d = bmax; d >= bmin; d -= 2) {
                    int i1 = kb[d - 1 + o] < kb[d + 1 + o] ? kb[d - 1 + o] : kb[d + 1 + o] - 1;
                    int prev1 = i1;
                    int i2 = i1 - d;
                    while (i1 > off1 && i2 > off2 && a[i1 - 1] == b[i2 - 1]) {
                        i1--;
                        i2--;
                    }
                    if (prev1 - i1 > SNAKE_COUNT) {
                        gotSnake = true;
                    }
                    kb[d + o] = i1;
                    if (!odd && fmin <= d && d <= fmax && i1 <= kf[d + o]) {
                        setSplit(i1, i2, true, true);
                        return;
                    }
                }

                if (needMinimal) {
                    continue;
                }

                if (gotSnake && cost > HEURISTIC_MIN_COST) {
                    int best = 0;
                    for (int d = fmax; d >= fmin; d -= 2) {
                        int distance = d > fmid ? d - fmid : fmid - d;
                        int i1 = kf[d + o];
                        int i2 = i1 - d;
                        int value = (i1 - off1) + (i2 - off2) - distance;
                        if (value > HEURISTIC_FACTOR * cost && value > best
                                && off1 + SNAKE_COUNT <= i1 && i1 < lim1
                                && off2 + SNAKE_COUNT <= i2 && i2 < lim2) {
                            for (int k = 1; a[i1 - k] == b[i2 - k]; k++) {
                                if (k == SNAKE_COUNT) {
                                    best = value;
                                    splitAt1 = i1;
                                    splitAt2 = i2;
                                    break;
                                }
                            }
                        }
                    }
                    if (best > 0) {
                        minimalLow = true;
                        minimalHigh = false;
                        return;
                    }
                    for (int d = bmax; d >= bmin; d -= 2) {
                        int distance = d > bmid ? d - bmid : bmid - d;
                        int i1 = kb[d + o];
                        int i2 = i1 - d;
                        int value = (lim1 - i1) + (lim2 - i2) - distance;
                        if (value > HEURISTIC_FACTOR * cost && value > best
                                && off1 < i1 && i1 <= lim1 - SNAKE_COUNT
                                && off2 < i2 && i2 <= lim2 - SNAKE_COUNT) {
                            for (int k = 0; a[i1 + k] == b[i2 + k]; k++) {
                                if (k == SNAKE_COUNT - 1) {
                                    best = value;
                                    splitAt1 = i1;
                                    splitAt2 = i2;
                                    break;
                                }
                            }
                        }
                    }
                    if (best > 0) {
                        minimalLow = false;
                        minimalHigh = true;
                        return;
                    }
                }

                if (cost >= maxCost) {
                    int forwardBest = -1;
                    int forwardBest1 = -1;
                    for (int d = fmax; d >= fmin; d -= 2) {
                        int i1 = Math.min(kf[d + o], lim1);
                        int i2 = i1 - d;
                        if (lim2 < i2) {
                            i1 = lim2 + d;
                            i2 = lim2;
                        }
                        if (forwardBest < i1 + i2) {
                            forwardBest = i1 + i2;
                            forwardBest1 = i1;
                        }
                    }
                    int backwardBest = Integer.MAX_VALUE;
                    int backwardBest1 = Integer.MAX_VALUE;
                    for (int d = bmax; d >= bmin; d -= 2) {
                        int i1 = Math.max(off1, kb[d + o]);
                        int i2 = i1 - d;
                        if (i2 < off2) {
                            i1 = off2 + d;
                            i2 = off2;
                        }
                        if (i1 + i2 < backwardBest) {
                            backwardBest = i1 + i2;
                            backwardBest1 = i1;
                        }
                    }
                    if ((lim1 + lim2) - backwardBest < forwardBest - (off1 + off2)) {
                        setSplit(forwardBest1, forwardBest - forwardBest1, true, false);
                    } else {
                        setSplit(backwardBest1, backwardBest - backwardBest1, false, true);
                    }
                    return;
                }
            }
        }

        private void setSplit(int at1, int at2, boolean low, boolean high) {
            splitAt1 = at1;
            splitAt2 = at2;
            minimalLow = low;
            minimalHigh = high;
        }
    }

    /** Distinct lines by hash, each line compared byte for byte with the one that made its class. */
    private static final class ClassTable {
        private final int[] slots;
        private final int[] classHash;
        private final Blob[] classBlob;
        private final int[] classLine;
        private int count;

        ClassTable(int capacity, int maxClasses) {
            slots = new int[capacity];
            classHash = new int[maxClasses];
            classBlob = new Blob[maxClasses];
            classLine = new int[maxClasses];
        }

        /** The line's class; a new one if {@code add}, else -1 when the line has none. */
        int classOf(Blob blob, int line, boolean add) {
            int hash = blob.lineHashes()[line];
            int mask = slots.length - 1;
            int slot = mix(hash) & mask;
            while (slots[slot] != 0) {
                int candidate = slots[slot] - 1;
                if (classHash[candidate] == hash && equalLines(blob, line, classBlob[candidate], classLine[candidate])) {
                    return candidate;
                }
                slot = (slot + 1) & mask;
            }
            if (!add) {
                return -1;
            }
            int created = count++;
            classHash[created] = hash;
            classBlob[created] = blob;
            classLine[created] = line;
            slots[slot] = created + 1;
            return created;
        }

        private static boolean equalLines(Blob blob, int line, Blob other, int otherLine) {
            return Arrays.equals(blob.content(), blob.lineStart(line), blob.lineEnd(line),
                    other.content(), other.lineStart(otherLine), other.lineEnd(otherLine));
        }
    }

    /** git's {@code xdl_bogosqrt}: a power of two near the square root. */
    private static int approximateSqrt(int n) {
        int root = 1;
        for (int rest = n; rest > 0; rest >>= 2) {
            root <<= 1;
        }
        return root;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
