package org.gstats.api.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to scan.
 *
 * @param repository    a directory inside a work tree, a work tree, or a bare repository
 * @param branch        branch, tag or commit to start from; {@code null} for {@code HEAD}
 * @param since         only commits committed at or after this instant; {@code null} for no limit
 * @param until         only commits committed at or before this instant; {@code null} for no limit
 * @param detectRenames report renames as {@code git log -M} does (git's default); false is
 *                      {@code --no-renames}
 * @param options       plugin options, keyed {@code <plugin>.<option>}
 * @param firstParent   walk first parents only and report merges' changes against their first
 *                      parent, as {@code git log --first-parent -m}; false lists merges without
 *                      changes, as {@code git log} (since 1.1)
 * @param author        a regular expression (Java syntax) that must be found in a commit's
 *                      {@code Name <email>}, as {@code git log --author}; {@code null} for any (since 1.1)
 * @param includes      path globs as git's {@code :(glob)} pathspecs; when not empty, only
 *                      changes to matching paths count (since 1.1)
 * @param excludes      path globs whose changes do not count, as {@code :(glob,exclude)} pathspecs (since 1.1)
 * @param maxCommits    report at most this many commits, as {@code git log -n}; 0 for no limit (since 1.1)
 * @param mailmap       map author and committer identities through the repository's
 *                      {@code .mailmap}, as {@code git shortlog -sne} does (since 1.1)
 * @param strict        stop at the first object that cannot be read instead of reporting it as
 *                      a {@link ScanWarning} and going on (since 1.1)
 * @param diffAlgorithm how inserted and deleted lines are counted (since 1.1)
 */
public record ScanRequest(Path repository, String branch, Instant since, Instant until, boolean detectRenames,
        Map<String, String> options, boolean firstParent, String author, List<String> includes,
        List<String> excludes, int maxCommits, boolean mailmap, boolean strict, DiffAlgorithm diffAlgorithm) {

    public ScanRequest {
        Objects.requireNonNull(repository, "repository");
        options = Map.copyOf(options);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        if (maxCommits < 0) {
            throw new IllegalArgumentException("maxCommits must not be negative: " + maxCommits);
        }
        Objects.requireNonNull(diffAlgorithm, "diffAlgorithm");
    }

    /** A request with the 1.0 fields; the others take their defaults, as the builder's. */
    public ScanRequest(Path repository, String branch, Instant since, Instant until, boolean detectRenames,
            Map<String, String> options) {
        this(repository, branch, since, until, detectRenames, options, false, null, List.of(), List.of(), 0, true,
                false, DiffAlgorithm.MYERS);
    }

    public static Builder builder(Path repository) {
        return new Builder(repository);
    }

    public static final class Builder {
        private final Path repository;
        private String branch;
        private Instant since;
        private Instant until;
        private boolean detectRenames = true;
        private final Map<String, String> options = new LinkedHashMap<>();
        private boolean firstParent;
        private String author;
        private List<String> includes = List.of();
        private List<String> excludes = List.of();
        private int maxCommits;
        private boolean mailmap = true;
        private boolean strict;
        private DiffAlgorithm diffAlgorithm = DiffAlgorithm.MYERS;

        private Builder(Path repository) {
            this.repository = repository;
        }

        public Builder branch(String value) {
            branch = value;
            return this;
        }

        public Builder since(Instant value) {
            since = value;
            return this;
        }

        public Builder until(Instant value) {
            until = value;
            return this;
        }

        public Builder detectRenames(boolean value) {
            detectRenames = value;
            return this;
        }

        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        /** @since 1.1 */
        public Builder firstParent(boolean value) {
            firstParent = value;
            return this;
        }

        /** @since 1.1 */
        public Builder author(String regex) {
            author = regex;
            return this;
        }

        /** @since 1.1 */
        public Builder includes(List<String> globs) {
            includes = List.copyOf(globs);
            return this;
        }

        /** @since 1.1 */
        public Builder excludes(List<String> globs) {
            excludes = List.copyOf(globs);
            return this;
        }

        /** @since 1.1 */
        public Builder maxCommits(int value) {
            maxCommits = value;
            return this;
        }

        /** @since 1.1 */
        public Builder mailmap(boolean value) {
            mailmap = value;
            return this;
        }

        /** @since 1.1 */
        public Builder strict(boolean value) {
            strict = value;
            return this;
        }

        /** @since 1.1 */
        public Builder diffAlgorithm(DiffAlgorithm value) {
            diffAlgorithm = value;
            return this;
        }

        public ScanRequest build() {
            return new ScanRequest(repository, branch, since, until, detectRenames, options, firstParent, author,
                    includes, excludes, maxCommits, mailmap, strict, diffAlgorithm);
        }
    }
}
