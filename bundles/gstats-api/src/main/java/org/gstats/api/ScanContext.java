package org.gstats.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a plugin knows about the scan it takes part in.
 *
 * @param repository the repository's directory (work tree, or the git directory when bare)
 * @param branch     the scanned ref as the user named it, or {@code HEAD}
 * @param headId     the commit the scan starts from, {@code null} for an empty repository
 * @param options    plugin options, keyed {@code <plugin>.<option>} (e.g. {@code commits.changes})
 * @param settings   this scan's settings of the plugin's configuration section {@code [module.NAME]}
 *                   (the defaults, the user's and the repository's files, the command line), with
 *                   property names as Configuration Admin holds them ({@code top-n} is {@code top.n});
 *                   values {@link Boolean}, {@link Long}, {@link Double}, {@link String} or a
 *                   {@link List} of texts. Read it into the plugin's configuration type with the
 *                   OSGi Converter; empty when the scan sets nothing (since 1.3)
 * @param blobResults where a content plugin finds and keeps its per-blob results between scans;
 *                    {@link BlobResults#NONE} when the scan runs without the store (since 1.4)
 */
public record ScanContext(Path repository, String branch, String headId, Map<String, String> options,
        Map<String, Object> settings, BlobResults blobResults) {

    public ScanContext {
        options = Map.copyOf(options);
        settings = Map.copyOf(settings);
        blobResults = blobResults == null ? BlobResults.NONE : blobResults;
    }

    /** A context without per-blob results, as before 1.4. */
    public ScanContext(Path repository, String branch, String headId, Map<String, String> options,
            Map<String, Object> settings) {
        this(repository, branch, headId, options, settings, BlobResults.NONE);
    }

    /** A context without settings, as before 1.3. */
    public ScanContext(Path repository, String branch, String headId, Map<String, String> options) {
        this(repository, branch, headId, options, Map.of());
    }

    /** A boolean option: true for {@code true}, {@code yes}, {@code on} or {@code 1}. */
    public boolean flag(String key) {
        String value = options.get(key);
        return value != null && switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            default -> false;
        };
    }
}
