package org.gstats.shell.internal;

import java.util.List;

import org.gstats.api.scan.DiffAlgorithm;
import org.gstats.api.scan.ScanRequest;

/**
 * The checked options that choose which history a scan walks and how it counts: whatever
 * sets them (the command line, a configuration file) ends in {@link #applyTo}, the one place
 * they reach the {@link ScanRequest}.
 *
 * @param detectRenames false for {@code --no-renames}
 * @param firstParent   {@code --first-parent}
 * @param author        {@code --author} regular expression, {@code null} for any author
 * @param includes      {@code --include} globs, in the order given
 * @param excludes      {@code --exclude} globs, in the order given
 * @param maxCommits    {@code --max-commits}, 0 for no limit
 * @param mailmap       false for {@code --no-mailmap}
 * @param strict        {@code --strict}
 * @param diffAlgorithm {@code --diff-algorithm}
 * @param replaceObjects false for {@code --no-replace-objects}
 */
record ScannerOptions(boolean detectRenames, boolean firstParent, String author, List<String> includes,
        List<String> excludes, int maxCommits, boolean mailmap, boolean strict, DiffAlgorithm diffAlgorithm,
        boolean replaceObjects) {

    /** What a scan does when no option says otherwise; the same as git's defaults. */
    static final ScannerOptions DEFAULTS = new ScannerOptions(true, false, null, List.of(), List.of(), 0, true,
            false, DiffAlgorithm.MYERS, true);

    ScannerOptions {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    ScannerOptions withDetectRenames(boolean value) {
        return new ScannerOptions(value, firstParent, author, includes, excludes, maxCommits, mailmap, strict,
                diffAlgorithm, replaceObjects);
    }

    ScanRequest.Builder applyTo(ScanRequest.Builder request) {
        return request.detectRenames(detectRenames)
                .firstParent(firstParent)
                .author(author)
                .includes(includes)
                .excludes(excludes)
                .maxCommits(maxCommits)
                .mailmap(mailmap)
                .strict(strict)
                .diffAlgorithm(diffAlgorithm)
                .replaceObjects(replaceObjects);
    }
}
