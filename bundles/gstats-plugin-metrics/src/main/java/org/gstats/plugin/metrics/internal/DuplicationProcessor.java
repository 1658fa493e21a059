package org.gstats.plugin.metrics.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.gstats.api.report.Table;
import org.gstats.plugin.metrics.internal.duplication.CloneDetector;
import org.gstats.plugin.metrics.internal.duplication.CloneGroup;
import org.gstats.plugin.metrics.internal.duplication.Fingerprints;
import org.gstats.plugin.metrics.internal.duplication.Fragment;
import org.gstats.plugin.metrics.internal.duplication.TokenSequence;

/**
 * Clones among counted source files at the head: the {@code duplication} table (one row per
 * fragment of each clone group) and {@code duplicated_files} (duplicated-lines ratio per file).
 */
final class DuplicationProcessor {

    private final CloneDetector detector;
    /** Each added file's blob id by path, what a kept result is checked against; null once one came without. */
    private Map<String, String> inputs = new HashMap<>();
    /** Each added file's {@link Fingerprints} by path, where it came with them. */
    private final Map<String, int[]> fingerprints = new HashMap<>();
    /**
     * The files whose tokens were restored but not added, while a kept result is likely to be used:
     * their blob ids by path. Their tokens are restored again only for the files detected again.
     */
    private final Map<String, String> deferred = new HashMap<>();
    private CloneDetector.Result result;

    /**
     * @param filterBytes the most memory the detection's first pass takes
     * @param threads     threads that read files back ahead of detection
     */
    DuplicationProcessor(int minTokens, int minLines, long filterBytes, int threads) {
        detector = new CloneDetector(minTokens, minLines, filterBytes, threads);
    }

    /**
     * Thread-safe.
     *
     * @param blobId the id of the blob the tokens are of; null when not known (then no result is kept)
     * @param prints the tokens' fingerprints, where a kept result is likely; else null
     */
    void add(String path, String blobId, TokenSequence.Tokens tokens, int[] prints) {
        detector.add(path, tokens);
        noteInput(path, blobId, prints);
    }

    /**
     * Notes a file whose tokens a kept result likely makes unnecessary: writing them for detection
     * is the larger part of a rescan's clone work. Thread-safe.
     */
    void defer(String path, String blobId, int[] prints) {
        synchronized (this) {
            deferred.put(path, blobId);
        }
        noteInput(path, blobId, prints);
    }

    private synchronized void noteInput(String path, String blobId, int[] prints) {
        if (inputs != null && blobId != null) {
            inputs.put(path, blobId);
        } else {
            inputs = null;
        }
        if (prints != null) {
            fingerprints.put(path, prints);
        }
    }

    /**
     * The clones: those kept for exactly these files when there are; else detected again among the files a
     * change can reach, the kept result standing for the rest, or among all files (and kept).
     *
     * @param restore a deferred file's tokens by its blob id, restored again
     */
    CloneDetector.Result detect(Map<String, HeadFile> files, KeptClones kept,
            Function<String, TokenSequence.Tokens> restore) {
        Map<String, String> detected;
        Map<String, String> restorable;
        Map<String, int[]> prints;
        synchronized (this) {
            detected = inputs;
            restorable = new HashMap<>(deferred);
            prints = new HashMap<>(fingerprints);
        }
        KeptClones.Previous previous = detected == null ? null : kept.previous();
        if (previous != null && previous.inputs().equals(detected)) {
            result = previous.result();
            kept.reuse();
            detector.discard();
        } else {
            Set<String> again = previous == null ? null : previous.toDetectAgain(detected, prints);
            restorable.forEach((path, blobId) -> {
                if (again == null || again.contains(path)) {
                    detector.add(path, restore.apply(blobId));
                }
            });
            CloneDetector.Result found = detector.detect(again);
            result = again == null ? found : previous.merged(again, found, detected);
            kept.keep(detected, result);
        }
        result.duplicatedLines().forEach((path, lines) -> files.get(path).duplicatedLines = lines);
        return result;
    }

    Table groupsTable() {
        Table.Builder table = Table.builder("duplication", "group", "path", "start_line", "end_line", "lines",
                "tokens");
        for (CloneGroup group : result.groups()) {
            for (Fragment fragment : group.fragments()) {
                table.row(group.id(), fragment.path(), fragment.startLine(), fragment.endLine(), fragment.lines(),
                        fragment.tokens());
            }
        }
        return table.build();
    }

    Table filesTable(Map<String, HeadFile> files) {
        Table.Builder table = Table.builder("duplicated_files", "path", "lines", "duplicated_lines", "ratio");
        result.duplicatedLines().forEach((path, duplicated) -> {
            HeadFile file = files.get(path);
            int lines = file.counts.total();
            table.row(path, lines, duplicated, Numbers.round(Numbers.ratio(duplicated, lines), 4));
        });
        return table.build();
    }
}
