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
 * <p>
 * The common head and tail are found on the bytes, many at a time (as git's
 * {@code trim_common_tail} finds a tail): only the lines between them are split and hashed,
 * and those of the head and tail only counted, save the few that may equal a changed line (git counts how often a changed line occurs
 * in the whole text, head and tail included). Most changes touch a few lines of a long file, so
 * this skims most of the text instead of hashing every line of both versions. A text whose
 * changed lines are most of it (edits at both ends) is split whole instead, and its lines kept
 * with it for its other change, which then hashes nothing.
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
    /** Bytes of the common tail compared at once before the last differing block is searched byte by byte. */
    private static final int TAIL_BLOCK = 64;
    /** A text is split whole (and its lines kept) when more than one in this many of its bytes changed. */
    private static final int SPLIT_WHOLE_FRACTION = 2;
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
        byte[] text1 = before.content();
        byte[] text2 = after.content();
        int differs = Arrays.mismatch(text1, text2);
        if (differs < 0) {
            return new LineCounts(0, 0);
        }
        // the common head: the whole lines before the first differing byte
        int start = Lines.lastNewline(text1, 0, differs) + 1;
        int tail = commonTail(text1, text2, start);
        int end1 = text1.length - tail;
        int end2 = text2.length - tail;
        if (start == end1 || start == end2) {
            return new LineCounts(Lines.count(text2, start, end2), Lines.count(text1, start, end1));
        }
        Comparison comparison = new Comparison(before, after, start, end1, end2, minimal);
        LineCounts counts = comparison.run();
        // counted on the way; the scan asks for them next (the lines after a change)
        before.lineCountIs(comparison.totalLines1);
        after.lineCountIs(comparison.totalLines2);
        return counts;
    }

    /**
     * The bytes of the whole lines both texts end with, none of them before {@code start} (the
     * end of the common head): equal bytes compared a block at a time from the ends, as git's
     * {@code trim_common_tail} does, then cut to the first line that starts in both texts.
     */
    private static int commonTail(byte[] text1, byte[] text2, int start) {
        int length1 = text1.length;
        int length2 = text2.length;
        int limit = Math.min(length1, length2) - start;
        int same = 0;
        while (same + TAIL_BLOCK <= limit && Arrays.equals(text1, length1 - same - TAIL_BLOCK, length1 - same,
                text2, length2 - same - TAIL_BLOCK, length2 - same)) {
            same += TAIL_BLOCK;
        }
        while (same < limit && text1[length1 - same - 1] == text2[length2 - same - 1]) {
            same++;
        }
        if (same == 0) {
            return 0;
        }
        int from1 = length1 - same;
        if (startsLine(text1, from1) && startsLine(text2, length2 - same)) {
            return same;
        }
        int newline = Lines.nextNewline(text1, from1, length1);
        return newline < 0 ? 0 : length1 - newline - 1;
    }

    private static boolean startsLine(byte[] text, int at) {
        return at == 0 || text[at - 1] == '\n';
    }

    /**
     * One comparison of two texts whose bytes from {@code start} to {@code end1}/{@code end2}
     * (whole lines) differ; before and after those the texts are the same.
     */
    private static final class Comparison {
        private final Blob before;
        private final Blob after;
        /** The old text, whose common head and tail are the new one's too. */
        private final byte[] text1;
        private final int start;
        private final int end1;
        private final int end2;
        private final boolean minimal;

        private Side side1;
        private Side side2;
        private int totalLines1;
        private int totalLines2;
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
            this.text1 = before.content();
            this.start = start;
            this.end1 = end1;
            this.end2 = end2;
            this.minimal = minimal;
        }

        LineCounts run() {
            side1 = Side.of(before, start, end1);
            side2 = Side.of(after, start, end2);
            classify();
            reduced1 = discard(classes1, occurrences2, totalLines1, true);
            reduced2 = discard(classes2, occurrences1, totalLines2, false);
            int diagonals = reduced1.length + reduced2.length + 3;
            forward = new int[diagonals];
            backward = new int[diagonals];
            diagonalOffset = reduced2.length + 1;
            maxCost = Math.max(approximateSqrt(diagonals), MAX_COST_MIN);
            compareAll();
            return new LineCounts(changed2, changed1);
        }

        /**
         * One text's changed lines: {@code count} lines of {@code lines} from {@code first}.
         * {@code lines} are the whole text's ({@code whole}) when they are split already, or
         * when most of the text changed: then they are split and kept, for the blob's other
         * change (walking newest first, a version is the new side of one change and the old side
         * of the next), which then hashes nothing. Else they are the changed lines alone, split
         * for this change.
         */
        private record Side(byte[] text, Lines lines, boolean whole, int first, int count) {

            static Side of(Blob blob, int start, int end) {
                byte[] text = blob.content();
                Lines split = blob.linesIfSplit();
                if (split == null && end - start > text.length / SPLIT_WHOLE_FRACTION) {
                    split = blob.lines();
                }
                if (split == null) {
                    Lines changed = Lines.of(text, start, end);
                    return new Side(text, changed, false, 0, changed.count());
                }
                int first = split.lineAt(start);
                return new Side(text, split, true, first, split.lineAt(end) - first);
            }
        }

        /**
         * Gives every distinct line between the common head and tail one class number, shared
         * by both texts, and counts how often each class occurs in each text over the whole
         * texts, as git counts. The head and tail are the same in both texts, so their lines
         * are looked up once and count for both: by their hashes when either text's lines are
         * split whole, else only those whose sketch some line of a class has are hashed and
         * looked up, the others are only counted.
         */
        private void classify() {
            int changedLines = side1.count() + side2.count();
            int capacity = Integer.highestOneBit(Math.max(16, changedLines * 2 - 1)) << 1;
            ClassTable table = new ClassTable(capacity, changedLines);
            classes1 = classes(table, side1);
            classes2 = classes(table, side2);
            occurrences1 = new int[table.count];
            occurrences2 = new int[table.count];
            for (int c : classes1) {
                occurrences1[c]++;
            }
            for (int c : classes2) {
                occurrences2[c]++;
            }
            Side whole = side1.whole() ? side1 : side2.whole() ? side2 : null;
            int commonLines = whole == null ? skimCommon(table, 0, start) + skimCommon(table, end1, text1.length)
                    : countCommon(table, whole, 0, whole.first())
                            + countCommon(table, whole, whole.first() + whole.count(), whole.lines().count());
            totalLines1 = commonLines + side1.count();
            totalLines2 = commonLines + side2.count();
        }

        private static int[] classes(ClassTable table, Side side) {
            int[] classes = new int[side.count()];
            Lines lines = side.lines();
            int[] hashes = lines.hashes();
            for (int i = 0; i < classes.length; i++) {
                int line = side.first() + i;
                classes[i] = table.classOf(side.text(), lines.start(line), lines.end(line), hashes[line], true);
            }
            return classes;
        }

        /**
         * Counts the lines {@code from} to {@code to} of a text split whole (of the common
         * head or tail) into the occurrences of their classes; returns how many there are.
         */
        private int countCommon(ClassTable table, Side whole, int from, int to) {
            Lines lines = whole.lines();
            int[] hashes = lines.hashes();
            for (int line = from; line < to; line++) {
                int hash = hashes[line];
                if (table.mayHaveHash(hash)) {
                    countCommonLine(table, whole.text(), lines.start(line), lines.end(line), hash);
                }
            }
            return to - from;
        }

        /**
         * Counts the lines of the common text from {@code from} to {@code to}, not split, into
         * the occurrences of their classes, taking every newline of a word at once; returns how
         * many lines there are.
         */
        private int skimCommon(ClassTable table, int from, int to) {
            byte[] text = text1;
            int lines = 0;
            int lineStart = from;
            int at = from;
            for (; at + 8 <= to; at += 8) {
                for (long newlines = Lines.newlineMask(text, at); newlines != 0; newlines &= newlines - 1) {
                    int lineEnd = at + (Long.numberOfTrailingZeros(newlines) >>> 3) + 1;
                    skimLine(table, lineStart, lineEnd);
                    lines++;
                    lineStart = lineEnd;
                }
            }
            for (; at < to; at++) {
                if (text[at] == '\n') {
                    skimLine(table, lineStart, at + 1);
                    lines++;
                    lineStart = at + 1;
                }
            }
            if (lineStart < to) {
                skimLine(table, lineStart, to);
                lines++;
            }
            return lines;
        }

        private void skimLine(ClassTable table, int lineStart, int lineEnd) {
            if (table.mayHave(text1, lineStart, lineEnd)) {
                countCommonLine(table, text1, lineStart, lineEnd, Lines.hash(text1, lineStart, lineEnd));
            }
        }

        private void countCommonLine(ClassTable table, byte[] text, int lineStart, int lineEnd, int hash) {
            int c = table.classOf(text, lineStart, lineEnd, hash, false);
            if (c >= 0) {
                occurrences1[c]++;
                occurrences2[c]++;
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

    /**
     * Distinct lines by hash, each line compared byte for byte with the one that made its class;
     * and which hashes and {@link Lines#sketch sketches} the classes' lines have, so that most
     * lines of the common head and tail that have no class are neither hashed nor looked up.
     */
    private static final class ClassTable {
        private static final int SKETCH_BITS = 1 << 14;

        private final int[] slots;
        private final int[] classHash;
        private final byte[][] classText;
        private final int[] classStart;
        private final int[] classEnd;
        private final long[] sketches = new long[SKETCH_BITS / 64];
        private final long[] hashBits = new long[SKETCH_BITS / 64];
        private int count;

        ClassTable(int capacity, int maxClasses) {
            slots = new int[capacity];
            classHash = new int[maxClasses];
            classText = new byte[maxClasses][];
            classStart = new int[maxClasses];
            classEnd = new int[maxClasses];
        }

        /** The class of the line from {@code from} to {@code to}; a new one if {@code add}, else -1 when the line has none. */
        int classOf(byte[] text, int from, int to, int hash, boolean add) {
            int mask = slots.length - 1;
            int slot = mix(hash) & mask;
            while (slots[slot] != 0) {
                int candidate = slots[slot] - 1;
                if (classHash[candidate] == hash && Arrays.equals(text, from, to,
                        classText[candidate], classStart[candidate], classEnd[candidate])) {
                    return candidate;
                }
                slot = (slot + 1) & mask;
            }
            if (!add) {
                return -1;
            }
            int created = count++;
            classHash[created] = hash;
            classText[created] = text;
            classStart[created] = from;
            classEnd[created] = to;
            slots[slot] = created + 1;
            int sketch = Lines.sketch(text, from, to) & (SKETCH_BITS - 1);
            sketches[sketch >>> 6] |= 1L << sketch;
            int bit = hash & (SKETCH_BITS - 1);
            hashBits[bit >>> 6] |= 1L << bit;
            return created;
        }

        /** Whether a line of this hash may have a class: false for most lines that have none. */
        boolean mayHaveHash(int hash) {
            int bit = hash & (SKETCH_BITS - 1);
            return (hashBits[bit >>> 6] & 1L << bit) != 0;
        }

        /** Whether the line from {@code from} to {@code to} may have a class: false for most lines that have none. */
        boolean mayHave(byte[] text, int from, int to) {
            int sketch = Lines.sketch(text, from, to) & (SKETCH_BITS - 1);
            return (sketches[sketch >>> 6] & 1L << sketch) != 0;
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
