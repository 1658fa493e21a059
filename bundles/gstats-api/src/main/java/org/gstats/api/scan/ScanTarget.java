package org.gstats.api.scan;

import java.nio.file.Path;

/**
 * The repository and starting point a scan resolved its request to.
 *
 * @param repository absolute path of the repository (work tree, or git directory when bare)
 * @param branch     the ref as requested, or {@code HEAD}
 * @param headId     the commit the walk starts from; {@code null} when the repository has no commits
 */
public record ScanTarget(Path repository, String branch, String headId) {
}
