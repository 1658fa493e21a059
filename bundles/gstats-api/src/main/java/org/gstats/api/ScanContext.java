package org.gstats.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a plugin knows about the scan it takes part in.
 *
 * @param repository the repository's directory (work tree, or the git directory when bare)
 * @param branch     the scanned ref as the user named it, or {@code HEAD}
 * @param headId     the commit the scan starts from, {@code null} for an empty repository
 * @param options    plugin options, keyed {@code <plugin>.<option>} (e.g. {@code commits.changes})
 */
public record ScanContext(Path repository, String branch, String headId, Map<String, String> options) {

    public ScanContext {
        options = Map.copyOf(options);
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
