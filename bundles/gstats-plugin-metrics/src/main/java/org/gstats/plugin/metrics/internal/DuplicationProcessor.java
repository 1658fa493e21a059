package org.gstats.plugin.metrics.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.gstats.api.report.Table;
import org.gstats.plugin.metrics.internal.duplication.CloneDetector;
import org.gstats.plugin.metrics.internal.duplication.CloneGroup;
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
    /**
     * The files whose tokens were restored but not added, while a kept result is likely to be used:
     * their blob ids by path. Their tokens are restored again only if it is not.
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
     */
    void add(String path, String blobId, TokenSequence.Tokens tokens) {
        detector.add(path, tokens);
        synchronized (this) {
            if (inputs != null && blobId != null) {
                inputs.put(path, blobId);
            } else {
                inputs = null;
            }
        }
    }

    /**
     * Notes a file whose tokens a kept result makes unnecessary, as long as it is used: writing them for detection
     * is the larger part of a rescan's clone work. Thread-safe.
     */
    synchronized void defer(String path, String blobId) {
        deferred.put(path, blobId);
        if (inputs != null) {
            inputs.put(path, blobId);
        }
    }

    /**
     * The clones: those kept for exactly these files when there are, else detected (and kept).
     *
     * @param restore a deferred file's tokens by its blob id, restored again
     */
    CloneDetector.Result detect(Map<String, HeadFile> files, KeptClones kept,
            Function<String, TokenSequence.Tokens> restore) {
        Map<String, String> detected;
        Map<String, String> restoreNow;
        synchronized (this) {
            detected = inputs;
            restoreNow = new HashMap<>(deferred);
        }
        result = kept.find(detected);
        if (result != null) {
            detector.discard();
        } else {
            restoreNow.forEach((path, blobId) -> detector.add(path, restore.apply(blobId)));
            result = detector.detect();
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
