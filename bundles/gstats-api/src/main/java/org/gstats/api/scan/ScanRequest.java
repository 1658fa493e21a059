package org.gstats.api.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to scan, and the settings that belong to this scan alone. Built with {@link #builder};
 * a class rather than a record so that a field can be added without another public
 * constructor (since 2.0).
 *
 * <p>Every scan carries its own settings: what the repository's {@code .gstats.toml} and the
 * command line set reaches the scanner as the fields below and each plugin as its
 * {@link #settings(String) section}, never through framework-wide configuration, so two scans
 * running at once cannot see each other's.
 */
public final class ScanRequest {

    private final Path repository;
    private final String branch;
    private final Instant since;
    private final Instant until;
    private final boolean detectRenames;
    private final Map<String, String> options;
    private final boolean firstParent;
    private final String author;
    private final List<String> includes;
    private final List<String> excludes;
    private final int maxCommits;
    private final boolean mailmap;
    private final boolean strict;
    private final DiffAlgorithm diffAlgorithm;
    private final Map<String, Map<String, Object>> settings;
    private final boolean replaceObjects;

    private ScanRequest(Builder builder) {
        repository = Objects.requireNonNull(builder.repository, "repository");
        branch = builder.branch;
        since = builder.since;
        until = builder.until;
        detectRenames = builder.detectRenames;
        options = Map.copyOf(builder.options);
        firstParent = builder.firstParent;
        author = builder.author;
        includes = List.copyOf(builder.includes);
        excludes = List.copyOf(builder.excludes);
        if (builder.maxCommits < 0) {
            throw new IllegalArgumentException("maxCommits must not be negative: " + builder.maxCommits);
        }
        maxCommits = builder.maxCommits;
        mailmap = builder.mailmap;
        strict = builder.strict;
        diffAlgorithm = Objects.requireNonNull(builder.diffAlgorithm, "diffAlgorithm");
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        builder.settings.forEach((section, values) -> sections.put(section, Map.copyOf(values)));
        settings = Map.copyOf(sections);
        replaceObjects = builder.replaceObjects;
    }

    /** The section of {@link #settings(String)} that holds a plugin's {@code [module.NAME]} settings. */
    public static String pluginSection(String pluginName) {
        return "module." + pluginName;
    }

    public static Builder builder(Path repository) {
        return new Builder(repository);
    }

    /** A builder that starts from this request, to change some of it. */
    public Builder toBuilder() {
        Builder builder = new Builder(repository).branch(branch).since(since).until(until).detectRenames(detectRenames)
                .firstParent(firstParent).author(author).includes(includes).excludes(excludes).maxCommits(maxCommits)
                .mailmap(mailmap).strict(strict).diffAlgorithm(diffAlgorithm).replaceObjects(replaceObjects);
        options.forEach(builder::option);
        settings.forEach(builder::settings);
        return builder;
    }

    /** A directory inside a work tree, a work tree, or a bare repository. */
    public Path repository() {
        return repository;
    }

    /** Branch, tag or commit to start from; {@code null} for {@code HEAD}. */
    public String branch() {
        return branch;
    }

    /** Only commits committed at or after this instant; {@code null} for no limit. */
    public Instant since() {
        return since;
    }

    /** Only commits committed at or before this instant; {@code null} for no limit. */
    public Instant until() {
        return until;
    }

    /** Report renames as {@code git log -M} does (git's default); false is {@code --no-renames}. */
    public boolean detectRenames() {
        return detectRenames;
    }

    /** Plugin options, keyed {@code <plugin>.<option>}. */
    public Map<String, String> options() {
        return options;
    }

    /**
     * Walk first parents only and report merges' changes against their first parent, as
     * {@code git log --first-parent -m}; false lists merges without changes, as {@code git log}.
     */
    public boolean firstParent() {
        return firstParent;
    }

    /**
     * A regular expression (Java syntax) that must be found in a commit's {@code Name <email>},
     * as {@code git log --author}; {@code null} for any.
     */
    public String author() {
        return author;
    }

    /** Path globs as git's {@code :(glob)} pathspecs; when not empty, only changes to matching paths count. */
    public List<String> includes() {
        return includes;
    }

    /** Path globs whose changes do not count, as {@code :(glob,exclude)} pathspecs. */
    public List<String> excludes() {
        return excludes;
    }

    /** Report at most this many commits, as {@code git log -n}; 0 for no limit. */
    public int maxCommits() {
        return maxCommits;
    }

    /** Map identities through the repository's {@code .mailmap}, as {@code git shortlog -sne} does. */
    public boolean mailmap() {
        return mailmap;
    }

    /**
     * Stop at the first object that cannot be read instead of reporting it as a {@link ScanWarning}
     * and going on.
     */
    public boolean strict() {
        return strict;
    }

    /** How inserted and deleted lines are counted. */
    public DiffAlgorithm diffAlgorithm() {
        return diffAlgorithm;
    }

    /**
     * This scan's settings of one configuration section, e.g. {@code module.metrics}: property
     * names as Configuration Admin would hold them (dashes in TOML keys are dots), values
     * {@link Boolean}, {@link Long}, {@link Double}, {@link String} or a {@link List} of texts.
     * Empty when the scan sets nothing there; the component then uses its own defaults.
     *
     * @since 2.0
     */
    public Map<String, Object> settings(String section) {
        return settings.getOrDefault(section, Map.of());
    }

    /** Every section of {@link #settings(String)}, by name. @since 2.0 */
    public Map<String, Map<String, Object>> settings() {
        return settings;
    }

    /**
     * Read objects through {@code refs/replace/} as git does by default; false is
     * {@code git --no-replace-objects}. The process's {@code GIT_NO_REPLACE_OBJECTS} turns them
     * off whatever this says, as it does for git. Grafts count either way, as in git.
     *
     * @since 2.1
     */
    public boolean replaceObjects() {
        return replaceObjects;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScanRequest that && repository.equals(that.repository)
                && Objects.equals(branch, that.branch) && Objects.equals(since, that.since)
                && Objects.equals(until, that.until) && detectRenames == that.detectRenames
                && options.equals(that.options) && firstParent == that.firstParent
                && Objects.equals(author, that.author) && includes.equals(that.includes)
                && excludes.equals(that.excludes) && maxCommits == that.maxCommits && mailmap == that.mailmap
                && strict == that.strict && diffAlgorithm == that.diffAlgorithm && settings.equals(that.settings)
                && replaceObjects == that.replaceObjects;
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, branch, since, until, detectRenames, options, firstParent, author, includes,
                excludes, maxCommits, mailmap, strict, diffAlgorithm, settings, replaceObjects);
    }

    @Override
    public String toString() {
        return "ScanRequest[repository=" + repository + ", branch=" + branch + ", since=" + since + ", until=" + until
                + ", detectRenames=" + detectRenames + ", options=" + options + ", firstParent=" + firstParent
                + ", author=" + author + ", includes=" + includes + ", excludes=" + excludes + ", maxCommits="
                + maxCommits + ", mailmap=" + mailmap + ", strict=" + strict + ", diffAlgorithm=" + diffAlgorithm
                + ", settings=" + settings + ", replaceObjects=" + replaceObjects + "]";
    }

    /** Collects a request; every field not set keeps git's default. */
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
        private final Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        private boolean replaceObjects = true;

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

        public Builder firstParent(boolean value) {
            firstParent = value;
            return this;
        }

        public Builder author(String regex) {
            author = regex;
            return this;
        }

        public Builder includes(List<String> globs) {
            includes = List.copyOf(globs);
            return this;
        }

        public Builder excludes(List<String> globs) {
            excludes = List.copyOf(globs);
            return this;
        }

        public Builder maxCommits(int value) {
            maxCommits = value;
            return this;
        }

        public Builder mailmap(boolean value) {
            mailmap = value;
            return this;
        }

        public Builder strict(boolean value) {
            strict = value;
            return this;
        }

        public Builder diffAlgorithm(DiffAlgorithm value) {
            diffAlgorithm = value;
            return this;
        }

        /** This scan's settings of one section, replacing any given before. @since 2.0 */
        public Builder settings(String section, Map<String, Object> values) {
            settings.put(Objects.requireNonNull(section, "section"), Map.copyOf(values));
            return this;
        }

        /** @since 2.1 */
        public Builder replaceObjects(boolean value) {
            replaceObjects = value;
            return this;
        }

        public ScanRequest build() {
            return new ScanRequest(this);
        }
    }
}
