package org.gstats.config.internal;

import static org.gstats.config.internal.ValueType.bool;
import static org.gstats.config.internal.ValueType.choice;
import static org.gstats.config.internal.ValueType.integer;
import static org.gstats.config.internal.ValueType.list;
import static org.gstats.config.internal.ValueType.number;
import static org.gstats.config.internal.ValueType.numbers;
import static org.gstats.config.internal.ValueType.size;
import static org.gstats.config.internal.ValueType.text;
import static org.gstats.config.internal.ValueType.time;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gstats.config.api.EffectiveConfiguration;

/**
 * Every key gstats knows, one row each: adding a key is adding a row (and, for the shipped
 * defaults, running {@code gstats config --defaults > config/gstats.toml}).
 */
final class KeyTable {

    static final String PID_PREFIX = "org.gstats.";
    static final String MODULE_PREFIX = "module.";

    static final List<Key> KEYS = List.of(
            new Key("base", "verbose", bool(), false,
                    "log details (debug level) on stderr, and print stack traces with errors",
                    "-v, --verbose", "GSTATS_VERBOSE"),
            new Key("base", "quiet", bool(), false, "print only results and errors", "--quiet", "GSTATS_QUIET"),
            new Key("base", "log-format", choice("text", "json"), "text",
                    "log lines as text, or as one JSON object per line", "--log-format", "GSTATS_LOG_FORMAT"),
            new Key("base", "log-file", text(), "", "also write log lines to this file (empty: stderr only)",
                    "--log-file", "GSTATS_LOG_FILE"),

            new Key("scanner", "renames", bool(), true,
                    "detect renames as git log -M does; false is git log --no-renames", "--no-renames",
                    "GSTATS_RENAMES"),
            new Key("scanner", "first-parent", bool(), false, "follow only the first parent of merge commits",
                    "--first-parent", null),
            new Key("scanner", "include", list(), List.of(), "only files matching these patterns (empty: all)",
                    "--include", null),
            new Key("scanner", "exclude", list(), List.of(), "leave out files matching these patterns",
                    "--exclude", null),
            new Key("scanner", "max-commits", integer(0, Integer.MAX_VALUE), 0L,
                    "stop after this many commits (0: no limit)", "--max-commits", null),
            new Key("scanner", "mailmap", bool(), true, "map author names and emails through .mailmap",
                    "--no-mailmap", null),
            new Key("scanner", "diff-algorithm", choice("myers", "histogram", "minimal"), "myers",
                    "the diff that counts inserted and deleted lines", "--diff-algorithm", null),
            new Key("scanner", "pack-cache", size(), 10L << 20,
                    "memory JGit keeps for pack data, shared by all scans (JGit's packedGitLimit)", null,
                    "GSTATS_PACK_CACHE"),
            new Key("scanner", "max-memory", size(), 0L,
                    "the memory limit pressure levels are measured against (0: from performance-mode; never above "
                            + "the JVM's maximum heap)", "--max-memory", "GSTATS_MAX_MEMORY"),
            new Key("scanner", "performance-mode", choice("none", "low", "balanced", "high"), "none",
                    "a preset memory limit: low 64 MB, balanced 256 MB, high 1 GB (none: the JVM's maximum heap)",
                    "--performance-mode", null),
            new Key("scanner", "queue-size", integer(1, 1_000_000), 4096L,
                    "events waiting for one plugin before the scanner waits for it", null, null),
            new Key("scanner", "strict", bool(), false, "strict mode of gstats:scan (see gstats help scan)",
                    "--strict", null),
            new Key("scanner", "since", time(), "", "only commits committed at or after this time", "--since",
                    "GSTATS_SINCE"),
            new Key("scanner", "until", time(), "", "only commits committed at or before this time", "--until",
                    "GSTATS_UNTIL"),

            new Key("plugins", "enabled", list(), List.of(), "the plugins that take part in scans (empty: all)",
                    "--plugins", null),

            new Key("store", "enabled", bool(), true,
                    "record scans in the scan store and replay known commits from it", "--no-store", null),
            new Key("store", "url", text(), "",
                    "JDBC URL of the scan store, jdbc:h2:... or jdbc:postgresql://... (empty: an H2 file under "
                            + "$XDG_CACHE_HOME/gstats; GSTATS_STORE overrides it)", "--store", null),
            new Key("store", "user", text(), "", "the store's database user (GSTATS_STORE_USER overrides it)", null,
                    null),
            new Key("store", "password", text(), "",
                    "the store's database password (GSTATS_STORE_PASSWORD overrides it)", null, null),

            new Key("serve", "token", text(), "",
                    "the bearer token gstats serve requires of every request (empty: none; needed to bind an "
                            + "address other than loopback)", "--token", "GSTATS_SERVE_TOKEN"),
            new Key("serve", "roots", list(), List.of(),
                    "directories whose repositories gstats serve may scan and show (empty: the directory it was "
                            + "started in)", "--root", null),

            new Key("module.commits", "changes", bool(), false, "list every file change of every commit",
                    "--changes", null),
            new Key("module.commits", "include-merges", bool(), true,
                    "count merge commits (false: as git log --no-merges; merges still says how many)", null, null),

            new Key("module.export", "format", text(), "",
                    "report format: text, json, csv, xml, yaml, html or a plugin's (empty: text on a terminal, "
                            + "json otherwise)", "--format", "GSTATS_FORMAT"),
            new Key("module.export", "output-path", text(), "",
                    "write the report to this file (empty: standard output)", "--output", null),
            new Key("module.export", "pretty", bool(), false, "indent json, xml and yaml for people", "--pretty",
                    null),

            new Key("module.metrics", "windows", numbers(), List.of("30", "90", "365"),
                    "time windows in days, counted back from the head commit's time", null, null),
            new Key("module.metrics", "top-n", integer(1, Integer.MAX_VALUE), 20L,
                    "how many hotspots the hotspots table lists and coupling counts", null, null),
            new Key("module.metrics", "weight-complexity", number(), 0.30, "weight of complexity in the debt score",
                    null, null),
            new Key("module.metrics", "weight-churn", number(), 0.25, "weight of churn in the debt score", null, null),
            new Key("module.metrics", "weight-size", number(), 0.15, "weight of size (code lines) in the debt score",
                    null, null),
            new Key("module.metrics", "weight-duplication", number(), 0.20,
                    "weight of the duplicated-lines ratio in the debt score", null, null),
            new Key("module.metrics", "weight-coupling", number(), 0.10,
                    "weight of coupling to hotspots in the debt score", null, null),
            new Key("module.metrics", "rating-thresholds", numbers(), List.of("10", "20", "35", "50"),
                    "highest debt score (0..100) for ratings A, B, C and D; above the last is E", null, null),
            new Key("module.metrics", "min-tokens", integer(1, Integer.MAX_VALUE), 50L, "smallest clone in tokens",
                    null, null),
            new Key("module.metrics", "min-lines", integer(1, Integer.MAX_VALUE), 5L, "smallest clone in lines",
                    null, null),
            new Key("module.metrics", "max-files", integer(0, Integer.MAX_VALUE), 100_000L,
                    "most files whose content is analysed; the rest get metadata only", null, null),
            new Key("module.metrics", "max-file-size", size(), 1L << 20,
                    "files larger than this get metadata only", null, null),
            new Key("module.metrics", "complexity-analysis", bool(), true,
                    "compute per-function complexity (functions, hotspots, debt's complexity)", null, null),
            new Key("module.metrics", "include-vendored", bool(), false,
                    "count vendored files in the metrics beyond the files table", null, null),
            new Key("module.metrics", "include-generated", bool(), false,
                    "count generated files in the metrics beyond the files table", null, null));

    /**
     * The keys of components that serve the whole process (logging, memory, JGit's cache, queues),
     * by the Configuration Admin PID of the one component that reads them; a command line that
     * sets one changes the process's setting. Every other key belongs to one scan and travels in
     * its request; a module's keys are also published, as the installation's values, under
     * {@code org.gstats.module.NAME}.
     */
    private static final Map<String, String> PROCESS_PIDS = Map.of(
            "scanner.pack-cache", "org.gstats.scanner",
            "scanner.max-memory", "org.gstats.memory",
            "scanner.performance-mode", "org.gstats.memory",
            "scanner.queue-size", "org.gstats.queue");
    private static final String BASE = "base";

    /** Keys that moved, by their old id: still read, with a warning that names the new one. */
    static final Map<String, String> MOVED = Map.of(
            "module.commits.since", "scanner.since",
            "module.commits.until", "scanner.until");

    private static final Map<String, Key> BY_ID = byId();

    private KeyTable() {
    }

    private static Map<String, Key> byId() {
        Map<String, Key> keys = new LinkedHashMap<>();
        KEYS.forEach(key -> keys.put(key.id(), key));
        return Map.copyOf(keys);
    }

    static Optional<Key> key(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** Section names in table order. */
    static Set<String> sections() {
        Set<String> sections = new LinkedHashSet<>();
        KEYS.forEach(key -> sections.add(key.section()));
        return sections;
    }

    /** The {@code module.NAME} sections the table knows. */
    static Set<String> moduleSections() {
        Set<String> modules = new LinkedHashSet<>(sections());
        modules.removeIf(section -> !section.startsWith(MODULE_PREFIX));
        return modules;
    }

    static String section(String id) {
        return EffectiveConfiguration.section(id);
    }

    static String name(String id) {
        return EffectiveConfiguration.name(id);
    }

    /**
     * The Configuration Admin PID a key is published under, or {@code null} for a key that only
     * travels in scan requests.
     */
    static String pid(String id) {
        String section = section(id);
        if (section.equals(BASE) || section.startsWith(MODULE_PREFIX)) {
            return PID_PREFIX + section;
        }
        return PROCESS_PIDS.get(id);
    }

    /** Whether the key configures the process rather than one scan, so that a command line's value is published. */
    static boolean process(String id) {
        return section(id).equals(BASE) || PROCESS_PIDS.containsKey(id);
    }

    static String property(String name) {
        return EffectiveConfiguration.property(name);
    }

    static List<String> ids() {
        return KEYS.stream().map(Key::id).toList();
    }
}
