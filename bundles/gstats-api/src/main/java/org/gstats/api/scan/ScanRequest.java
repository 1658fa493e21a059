package org.gstats.api.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 */
public record ScanRequest(Path repository, String branch, Instant since, Instant until, boolean detectRenames,
        Map<String, String> options) {

    public ScanRequest {
        Objects.requireNonNull(repository, "repository");
        options = Map.copyOf(options);
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

        public ScanRequest build() {
            return new ScanRequest(repository, branch, since, until, detectRenames, options);
        }
    }
}
