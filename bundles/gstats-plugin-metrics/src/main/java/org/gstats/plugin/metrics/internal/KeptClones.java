package org.gstats.plugin.metrics.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.api.BlobResults;
import org.gstats.plugin.metrics.internal.duplication.CloneDetector;
import org.gstats.plugin.metrics.internal.duplication.CloneGroup;
import org.gstats.plugin.metrics.internal.duplication.Fingerprints;
import org.gstats.plugin.metrics.internal.duplication.Fragment;

/**
 * Clone detection's result over a whole head, kept through {@link BlobResults} under the head
 * commit's id, so that a rescan does not detect its clones again. Which files reach the detection
 * depends on the head's tree, the settings and what the scan delivered; so the result is kept with
 * exactly what it was computed from (each file's path and blob id: a blob's tokens are a function of
 * its bytes and path) and the detection's components ({@link CloneDetector.Result#components()}). A
 * new head takes the result kept under the latest stored scan's head ({@link BlobResults#storedHeadId()})
 * as its starting point: for the same files it is this head's result; for changed files
 * {@link Previous#toDetectAgain} says which files to detect again. The settings that shape the detection
 * itself are in the analyser's name.
 *
 * <p>Encoded by hand and deflated, as {@link StoredFileResult}; {@link #FORMAT} is part of the
 * analyser's name.
 */
final class KeptClones {

    /** The encoding's version, part of the analyser's name. 2: the files and components instead of a digest. */
    static final int FORMAT = 2;

    private final BlobResults results;
    private final String analyser;
    private final String headId;
    private final int minTokens;
    /**
     * What was kept for this head when the analysis began, else for the latest stored scan's head;
     * null for nothing.
     */
    private final byte[] kept;
    /** Whether {@link #kept} was kept under another head, so is to be kept under this one when used as it is. */
    private final boolean carried;

    /**
     * @param fileAnalyser the per-blob results' analyser name, or null when nothing is kept
     * @param headId       the scan's head commit, or null for none (then nothing is kept)
     */
    KeptClones(BlobResults results, String fileAnalyser, String headId, int minTokens, int minLines) {
        this.results = results;
        this.analyser = fileAnalyser == null || headId == null ? null
                : fileAnalyser + " clones/" + FORMAT + " min-tokens=" + minTokens + " min-lines=" + minLines;
        this.headId = headId;
        this.minTokens = minTokens;
        byte[] own = analyser == null ? null : results.get(analyser, headId);
        String storedHead = own != null || analyser == null ? null : results.storedHeadId();
        this.carried = storedHead != null && !storedHead.equals(headId);
        this.kept = carried ? results.get(analyser, storedHead) : own;
    }

    /**
     * Whether a result is kept for this head or the latest stored one: then the files' tokens are
     * likely not needed, or few of them (the inputs are known, and compared, only once every file came).
     */
    boolean likely() {
        return kept != null;
    }

    /** The kept result and what it was computed from; null when there is none or it cannot be read. */
    Previous previous() {
        return kept == null ? null : decode(kept, minTokens);
    }

    /** The kept result is this head's as it is: one kept under another head is kept under this one too. */
    void reuse() {
        if (carried) {
            results.put(analyser, headId, kept);
        }
    }

    /** Keeps the result computed from {@code inputs} for the next scan of this head or a later one. */
    void keep(Map<String, String> inputs, CloneDetector.Result result) {
        if (analyser == null || inputs == null) {
            return;
        }
        byte[] encoded = encode(inputs, result);
        if (encoded != null) {
            results.put(analyser, headId, encoded);
        }
    }

    /**
     * A kept result.
     *
     * @param inputs    each file's blob id by path, in path order
     * @param minTokens the clone size it was found with
     */
    record Previous(Map<String, String> inputs, CloneDetector.Result result, int minTokens) {

        /**
         * The files a detection must see again when they are {@code now}, the others keeping what this result
         * says of them; null when that cannot be told (a clone size under what fingerprints show, or a changed
         * file without them), and then every file is detected again. They are the changed and new files, and
         * every component of this result with a file that changed or went, or with an unchanged file that
         * shares a fingerprint with a changed or new one: whole components of a detection over {@code now},
         * since two files that share a window are both unchanged, and so were in one component here, or one
         * of them changed, and then they share a fingerprint. Two different windows whose hashes collide are
         * taken to share nothing here.
         *
         * @param now          each file's blob id by path
         * @param fingerprints each file's {@link Fingerprints} by path; a file without is taken to share with any
         */
        Set<String> toDetectAgain(Map<String, String> now, Map<String, int[]> fingerprints) {
            if (minTokens < Fingerprints.GUARANTEED) {
                return null;
            }
            Set<String> again = new HashSet<>();
            Set<String> reached = new HashSet<>();
            List<int[]> changedPrints = new ArrayList<>();
            inputs.forEach((path, blobId) -> {
                if (!blobId.equals(now.get(path))) {
                    reached.add(result.components().get(path));
                }
            });
            for (Map.Entry<String, String> file : now.entrySet()) {
                if (!file.getValue().equals(inputs.get(file.getKey()))) {
                    int[] prints = fingerprints.get(file.getKey());
                    if (prints == null) {
                        return null;
                    }
                    again.add(file.getKey());
                    changedPrints.add(prints);
                }
            }
            int[] changed = union(changedPrints);
            now.forEach((path, blobId) -> {
                if (blobId.equals(inputs.get(path))) {
                    int[] prints = fingerprints.get(path);
                    if (prints == null || Fingerprints.shareAny(prints, changed)) {
                        reached.add(result.components().get(path));
                    }
                }
            });
            now.forEach((path, blobId) -> {
                if (blobId.equals(inputs.get(path)) && reached.contains(result.components().get(path))) {
                    again.add(path);
                }
            });
            return again;
        }

        /**
         * This result for the files not detected again, with what the detection over {@code again} found:
         * groups in order of their first fragment's path (a file's groups all come from one of the two, in
         * their order), numbered anew.
         */
        CloneDetector.Result merged(Set<String> again, CloneDetector.Result found, Map<String, String> now) {
            List<CloneGroup> ordered = new ArrayList<>();
            List<CloneGroup> keptGroups = result.groups().stream()
                    .filter(group -> kept(group.fragments().get(0).path(), again, now)).toList();
            int k = 0;
            int f = 0;
            while (k < keptGroups.size() || f < found.groups().size()) {
                boolean takeKept = f == found.groups().size() || k < keptGroups.size()
                        && firstPath(keptGroups.get(k)).compareTo(firstPath(found.groups().get(f))) < 0;
                CloneGroup group = takeKept ? keptGroups.get(k++) : found.groups().get(f++);
                ordered.add(new CloneGroup(ordered.size() + 1, group.fragments()));
            }
            Map<String, Integer> lines = new TreeMap<>(found.duplicatedLines());
            result.duplicatedLines().forEach((path, count) -> {
                if (kept(path, again, now)) {
                    lines.put(path, count);
                }
            });
            Map<String, String> components = new TreeMap<>(found.components());
            now.keySet().forEach(path -> {
                if (!again.contains(path)) {
                    components.put(path, result.components().get(path));
                }
            });
            return new CloneDetector.Result(ordered, lines, components);
        }

        /** Whether what this result says of the file holds now: it is unchanged and not detected again. */
        private boolean kept(String path, Set<String> again, Map<String, String> now) {
            return !again.contains(path) && inputs.get(path).equals(now.get(path));
        }

        private static String firstPath(CloneGroup group) {
            return group.fragments().get(0).path();
        }

        private static int[] union(List<int[]> prints) {
            return prints.stream().flatMapToInt(Arrays::stream).sorted().distinct().toArray();
        }
    }

    /** Null when it cannot be encoded (a path over 64 KB), so is not kept. */
    static byte[] encode(Map<String, String> inputs, CloneDetector.Result result) {
        Map<String, Integer> index = new HashMap<>();
        List<String> paths = new ArrayList<>(new TreeMap<>(inputs).keySet());
        for (int i = 0; i < paths.size(); i++) {
            index.put(paths.get(i), i);
        }
        try {
            return DeflatedValues.deflated(out -> {
                StoredFileResult.writeVarint(out, paths.size());
                for (String path : paths) {
                    out.writeUTF(path);
                    out.writeUTF(inputs.get(path));
                    StoredFileResult.writeVarint(out, index.get(result.components().get(path)));
                }
                StoredFileResult.writeVarint(out, result.groups().size());
                for (CloneGroup group : result.groups()) {
                    StoredFileResult.writeVarint(out, group.fragments().size());
                    for (Fragment fragment : group.fragments()) {
                        StoredFileResult.writeVarint(out, index.get(fragment.path()));
                        StoredFileResult.writeVarint(out, fragment.startLine());
                        StoredFileResult.writeVarint(out, fragment.endLine());
                        StoredFileResult.writeVarint(out, fragment.tokens());
                    }
                }
                StoredFileResult.writeVarint(out, result.duplicatedLines().size());
                for (Map.Entry<String, Integer> file : result.duplicatedLines().entrySet()) {
                    StoredFileResult.writeVarint(out, index.get(file.getKey()));
                    StoredFileResult.writeVarint(out, file.getValue());
                }
            });
        } catch (IOException e) {
            return null;
        }
    }

    /** What {@link #encode} wrote; null when the bytes are not such a result. */
    static Previous decode(byte[] encoded, int minTokens) {
        try (DataInputStream in = DeflatedValues.inflated(encoded)) {
            int fileCount = StoredFileResult.readVarint(in);
            String[] paths = new String[fileCount];
            Map<String, String> inputs = new TreeMap<>();
            Map<String, String> components = new TreeMap<>();
            int[] firsts = new int[fileCount];
            for (int i = 0; i < fileCount; i++) {
                paths[i] = in.readUTF();
                inputs.put(paths[i], in.readUTF());
                firsts[i] = StoredFileResult.readVarint(in);
            }
            for (int i = 0; i < fileCount; i++) {
                components.put(paths[i], paths[firsts[i]]);
            }
            int groupCount = StoredFileResult.readVarint(in);
            List<CloneGroup> groups = new ArrayList<>(groupCount);
            for (int g = 0; g < groupCount; g++) {
                int fragmentCount = StoredFileResult.readVarint(in);
                List<Fragment> fragments = new ArrayList<>(fragmentCount);
                for (int f = 0; f < fragmentCount; f++) {
                    fragments.add(new Fragment(paths[StoredFileResult.readVarint(in)], StoredFileResult.readVarint(in),
                            StoredFileResult.readVarint(in), StoredFileResult.readVarint(in)));
                }
                groups.add(new CloneGroup(g + 1, fragments));
            }
            int linesCount = StoredFileResult.readVarint(in);
            Map<String, Integer> lines = new TreeMap<>();
            for (int f = 0; f < linesCount; f++) {
                lines.put(paths[StoredFileResult.readVarint(in)], StoredFileResult.readVarint(in));
            }
            if (in.read() != -1) {
                return null;
            }
            return new Previous(inputs, new CloneDetector.Result(groups, lines, components), minTokens);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
