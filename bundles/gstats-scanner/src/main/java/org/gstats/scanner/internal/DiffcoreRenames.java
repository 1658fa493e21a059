package org.gstats.scanner.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Pairs one commit's deleted and added files into renames as {@code git log -M} does
 * (git 2.39's {@code diffcore-rename.c}), so that which file counts as renamed from which, and
 * with what score, is git's:
 * <ol>
 * <li>exact renames: each added file, in path order, takes an unused deleted file with the same
 * blob (and the same mode, unless both are regular files), preferring one with the same file
 * name, else the first in path order;</li>
 * <li>file names: a deleted file whose name is unique among the deleted files left is compared
 * with the added file of that name, if unique too, and paired when at least halfway from the
 * minimum score to identical (75 % by default);</li>
 * <li>the rest: unless {@code sources × destinations} exceeds the rename limit squared, each
 * added file keeps its four best scoring deleted files (ties to the same file name), and all
 * kept pairs are taken best first, each file once, down to the minimum score.</li>
 * </ol>
 * Scores are git's: only regular files are scored, a size difference above what the minimum
 * score allows scores 0, otherwise the bytes of the larger file found in {@link SpanCounts}
 * of both, out of {@value #MAX_SCORE}.
 */
final class DiffcoreRenames {

    /** Whether git takes a file for binary: by its attributes, else by its content. */
    @FunctionalInterface
    interface BinaryCheck {
        boolean binary(String path, Blob blob);
    }

    /** git's score of identical content. */
    static final int MAX_SCORE = 60000;
    /** git's default minimum score for {@code -M}: 50 %. */
    static final int DEFAULT_MINIMUM_SCORE = MAX_SCORE / 2;
    /** git's default diff.renameLimit. */
    private static final long RENAME_LIMIT = 1000;
    /** Candidates each added file keeps in the last step. */
    private static final int CANDIDATES_PER_DESTINATION = 4;
    /** How many identical deleted files an exact rename looks at before it settles. */
    private static final int IDENTICAL_CANDIDATES = 100;

    /** Best first: higher score, then a shared file name; unused slots last. */
    private static final Comparator<Candidate> BEST_FIRST = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.score != b.score ? Integer.compare(b.score, a.score) : Integer.compare(b.sameName, a.sameName);
    };

    private record Candidate(int source, int destination, int score, int sameName) {
    }

    private final BlobCache blobs;
    private final BinaryCheck binary;
    private final int minimumScore;

    DiffcoreRenames(BlobCache blobs, BinaryCheck binary, int minimumScore) {
        this.blobs = blobs;
        this.binary = binary;
        this.minimumScore = minimumScore;
    }

    /**
     * The changes with renames paired: each pair's deletion and addition replaced by one
     * rename; other changes as they were. {@code changes} are in git's tree order.
     */
    List<TreeChange> detect(List<TreeChange> changes) throws IOException {
        List<TreeChange> sources = new ArrayList<>();
        List<TreeChange> destinations = new ArrayList<>();
        for (TreeChange change : changes) {
            if (change.getChangeType() == DiffEntry.ChangeType.DELETE) {
                sources.add(change);
            } else if (change.getChangeType() == DiffEntry.ChangeType.ADD) {
                destinations.add(change);
            }
        }
        if (sources.isEmpty() || destinations.isEmpty()) {
            return changes;
        }
        Pairing pairing = new Pairing(sources, destinations);
        pairing.run();
        return pairing.apply(changes);
    }

    /** The state of one commit's detection. */
    private final class Pairing {

        private final List<TreeChange> sources;
        private final List<TreeChange> destinations;
        private final boolean[] sourceUsed;
        /** The source each destination is paired with, or -1. */
        private final int[] pairedWith;
        private final int[] scores;
        private final Map<ObjectId, SpanCounts> spans = new HashMap<>();

        Pairing(List<TreeChange> sources, List<TreeChange> destinations) {
            this.sources = sources;
            this.destinations = destinations;
            this.sourceUsed = new boolean[sources.size()];
            this.pairedWith = new int[destinations.size()];
            this.scores = new int[destinations.size()];
            Arrays.fill(pairedWith, -1);
        }

        void run() throws IOException {
            exactRenames();
            sameNameRenames();
            inexactRenames();
        }

        private void exactRenames() {
            Map<ObjectId, List<Integer>> byBlob = new HashMap<>();
            for (int s = 0; s < sources.size(); s++) {
                byBlob.computeIfAbsent(sources.get(s).oldObjectId(), id -> new ArrayList<>()).add(s);
            }
            for (int d = 0; d < destinations.size(); d++) {
                TreeChange destination = destinations.get(d);
                List<Integer> identical = byBlob.get(destination.newObjectId());
                if (identical == null) {
                    continue;
                }
                int best = -1;
                int looked = 0;
                for (int s : identical) {
                    TreeChange source = sources.get(s);
                    boolean regular = isRegular(source.getOldMode()) && isRegular(destination.getNewMode());
                    if (sourceUsed[s] || !regular && !source.getOldMode().equals(destination.getNewMode())) {
                        continue;
                    }
                    if (sameName(source, destination)) {
                        best = s;
                        break;
                    }
                    if (best < 0) {
                        best = s;
                    }
                    if (++looked == IDENTICAL_CANDIDATES) {
                        break;
                    }
                }
                if (best >= 0) {
                    pair(best, d, MAX_SCORE);
                }
            }
        }

        private void sameNameRenames() throws IOException {
            int minimum = minimumScore + (MAX_SCORE - minimumScore) / 2;
            Map<String, Integer> sourceByName = uniqueNames(sources, sourceUsed, DiffEntry::getOldPath);
            boolean[] destinationUsed = new boolean[destinations.size()];
            for (int d = 0; d < destinations.size(); d++) {
                destinationUsed[d] = pairedWith[d] >= 0;
            }
            Map<String, Integer> destinationByName = uniqueNames(destinations, destinationUsed, DiffEntry::getNewPath);
            for (int s = 0; s < sources.size(); s++) {
                if (sourceUsed[s]) {
                    continue;
                }
                String name = fileName(sources.get(s).getOldPath());
                Integer unique = sourceByName.get(name);
                Integer d = destinationByName.get(name);
                if (unique == null || unique != s || d == null || d < 0) {
                    continue;
                }
                int score = similarity(sources.get(s), destinations.get(d), minimum);
                if (score >= minimum) {
                    pair(s, d, score);
                }
            }
        }

        private void inexactRenames() throws IOException {
            List<Integer> left = new ArrayList<>();
            for (int s = 0; s < sources.size(); s++) {
                if (!sourceUsed[s]) {
                    left.add(s);
                }
            }
            List<Integer> open = new ArrayList<>();
            for (int d = 0; d < destinations.size(); d++) {
                if (pairedWith[d] < 0) {
                    open.add(d);
                }
            }
            if (left.isEmpty() || open.isEmpty() || (long) left.size() * open.size() > RENAME_LIMIT * RENAME_LIMIT) {
                return;
            }
            Candidate[] matrix = new Candidate[open.size() * CANDIDATES_PER_DESTINATION];
            for (int row = 0; row < open.size(); row++) {
                int d = open.get(row);
                int base = row * CANDIDATES_PER_DESTINATION;
                for (int s : left) {
                    Candidate candidate = new Candidate(s, d, similarity(sources.get(s), destinations.get(d),
                            minimumScore), sameName(sources.get(s), destinations.get(d)) ? 1 : 0);
                    int worst = base;
                    for (int i = base + 1; i < base + CANDIDATES_PER_DESTINATION; i++) {
                        if (BEST_FIRST.compare(matrix[i], matrix[worst]) > 0) {
                            worst = i;
                        }
                    }
                    if (BEST_FIRST.compare(matrix[worst], candidate) > 0) {
                        matrix[worst] = candidate;
                    }
                }
            }
            Arrays.sort(matrix, BEST_FIRST); // stable, as git's STABLE_QSORT
            for (Candidate candidate : matrix) {
                if (candidate == null || candidate.score < minimumScore) {
                    break;
                }
                if (pairedWith[candidate.destination] < 0 && !sourceUsed[candidate.source]) {
                    pair(candidate.source, candidate.destination, candidate.score);
                }
            }
        }

        private void pair(int source, int destination, int score) {
            sourceUsed[source] = true;
            pairedWith[destination] = source;
            scores[destination] = score;
        }

        /** git's {@code estimate_similarity}. */
        private int similarity(TreeChange source, TreeChange destination, int minimum) throws IOException {
            if (!isRegular(source.getOldMode()) || !isRegular(destination.getNewMode())) {
                return 0;
            }
            Blob before = blobs.load(source.oldObjectId());
            Blob after = blobs.load(destination.newObjectId());
            long maxSize = Math.max(before.size(), after.size());
            long delta = maxSize - Math.min(before.size(), after.size());
            if (maxSize * (MAX_SCORE - minimum) < delta * MAX_SCORE || maxSize == 0) {
                return 0;
            }
            if (before.content() == null || after.content() == null) {
                return 0; // too large to read (see BlobCache.MAX_BLOB_SIZE): not compared
            }
            SpanCounts from = spans(source.oldObjectId(), source.getOldPath(), before);
            SpanCounts to = spans(destination.newObjectId(), destination.getNewPath(), after);
            return (int) (to.copiedFrom(from) * MAX_SCORE / maxSize);
        }

        private SpanCounts spans(ObjectId id, String path, Blob blob) {
            SpanCounts counts = spans.get(id);
            if (counts == null) {
                counts = SpanCounts.of(blob.content(), !binary.binary(path, blob));
                spans.put(id, counts);
            }
            return counts;
        }

        /** The pairs applied: a rename in place of each paired addition, paired deletions gone. */
        List<TreeChange> apply(List<TreeChange> changes) {
            List<TreeChange> result = new ArrayList<>(changes.size());
            int source = 0;
            int destination = 0;
            for (TreeChange change : changes) {
                if (change.getChangeType() == DiffEntry.ChangeType.DELETE) {
                    if (!sourceUsed[source++]) {
                        result.add(change);
                    }
                } else if (change.getChangeType() == DiffEntry.ChangeType.ADD) {
                    int pairedSource = pairedWith[destination];
                    result.add(pairedSource < 0 ? change
                            : TreeChange.rename(sources.get(pairedSource), change, scores[destination]));
                    destination++;
                } else {
                    result.add(change);
                }
            }
            return result;
        }
    }

    private static Map<String, Integer> uniqueNames(List<TreeChange> changes, boolean[] skip,
            Function<DiffEntry, String> path) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!skip[i]) {
                byName.merge(fileName(path.apply(changes.get(i))), i, (first, again) -> -1);
            }
        }
        return byName;
    }

    private static boolean isRegular(FileMode mode) {
        return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    /** git's {@code basename_same}: the last path components are equal. */
    static boolean sameName(DiffEntry source, DiffEntry destination) {
        return fileName(source.getOldPath()).equals(fileName(destination.getNewPath()));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
