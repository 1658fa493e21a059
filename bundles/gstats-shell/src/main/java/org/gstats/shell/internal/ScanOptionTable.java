package org.gstats.shell.internal;

import static org.gstats.shell.internal.CommandOption.filledBy;
import static org.gstats.shell.internal.CommandOption.flag;
import static org.gstats.shell.internal.CommandOption.repeated;
import static org.gstats.shell.internal.CommandOption.value;

import java.util.List;

/**
 * Every option of {@code gstats:scan}, one row each, in the order {@code --help} lists them.
 * Adding an option is adding a row here (and a field for the code that uses its value); the
 * parse, {@code --help}, completion data and the configuration key it sets follow from the row.
 * An option with a key is the command-line rung of that key: its value is checked by the
 * configuration, and a key set in a file fills the option when it is not given.
 */
final class ScanOptionTable {

    static final CommandOption FORMAT = value("--format", "FORMAT", "report format: text, json, csv, xml, yaml, "
            + "markdown, html or a plugin's (default: the --output file's extension, else text on a terminal, "
            + "json otherwise)", "module.export.format")
            .completing("text", "json", "csv", "xml", "yaml", "markdown", "html").completing(ValueCompletion.FORMATS)
            .withShortName("-f");
    static final CommandOption OUTPUT = value("--output", "FILE", "write the report to FILE (csv: to a directory, "
            + "one file per table) instead of the console; replaced whole or not at all", "module.export.output-path")
            .completing(ValueCompletion.FILES).withShortName("-o");
    static final CommandOption TABLE = value("--table", "SECTION.TABLE",
            "the one table to write, e.g. commits.authors (csv)", null).completing(ValueCompletion.TABLES);
    static final CommandOption PRETTY = flag("--pretty", "indent the report for people to read (json, xml, yaml)",
            "module.export.pretty", "true");
    static final CommandOption FULL = flag("--full", "print every table whole instead of the summary "
            + "(text, markdown)", null, null);
    static final CommandOption COLOR = value("--color", "WHEN", "colour the text report: auto (on a terminal, "
            + "unless NO_COLOR is set), always or never", "base.color").completing("auto", "always", "never");
    static final CommandOption GROUP_AUTHORS = value("--group-authors", "BY", "one author per name and email "
            + "(email, as git shortlog -sne; the default) or per normalised name (name, as gitinspector)",
            "module.commits.group-authors").completing("email", "name");
    static final CommandOption BRANCH = value("--branch", "REF", "branch, tag or commit to start from (default HEAD)",
            null).withShortName("-b");
    static final CommandOption SINCE = value("--since", "WHEN",
            "only commits at or after: 2024-01-31, '2024-01-31 12:00', '2 weeks ago', yesterday, @1700000000, "
                    + "or an age 12h, 30d, 2w, 6m, 1y",
            "scanner.since");
    static final CommandOption UNTIL = value("--until", "WHEN",
            "only commits at or before: a date counts through its end, or a date-time, or an age", "scanner.until");
    static final CommandOption AUTHOR = repeated("--author", "REGEX", "only commits whose author's 'Name <email>' "
            + "matches this Java regular expression (repeatable: any may match; git log --author)", null);
    static final CommandOption EXCLUDE_AUTHOR = repeated("--exclude-author", "REGEX", "leave out commits whose "
            + "author's 'Name <email>' matches this Java regular expression (repeatable), e.g. 'bot'", null);
    static final CommandOption INCLUDE = repeated("--include", "GLOB",
            "count only changes to paths matching this glob, e.g. 'src/**'", "scanner.include");
    static final CommandOption EXCLUDE = repeated("--exclude", "GLOB",
            "do not count changes to paths matching this glob, e.g. 'vendor/**'", "scanner.exclude");
    static final CommandOption MAX_COMMITS = filledBy("--max-commits", "N",
            "scan at most this many commits, newest first (git log -n)", "scanner.max-commits").withShortName("-n");
    static final CommandOption FIRST_PARENT = flag("--first-parent", "follow first parents only and count merges "
            + "against their first parent (git log --first-parent -m)", "scanner.first-parent", "true");
    static final CommandOption NO_RENAMES = flag("--no-renames", "do not detect renames (git log --no-renames)",
            "scanner.renames", "false");
    static final CommandOption NO_MAILMAP = flag("--no-mailmap",
            "keep author identities as recorded instead of mapping them through .mailmap", "scanner.mailmap",
            "false");
    static final CommandOption NO_REPLACE_OBJECTS = flag("--no-replace-objects", "read the objects as they are, "
            + "not through refs/replace/ (git --no-replace-objects; grafts still count, as in git)",
            "scanner.replace-objects", "false");
    static final CommandOption DIFF_ALGORITHM = filledBy("--diff-algorithm", "NAME",
            "count lines as git's myers (default), histogram or minimal diff does", "scanner.diff-algorithm")
            .completing("myers", "histogram", "minimal");
    static final CommandOption STRICT = flag("--strict", "stop with an error at the first object the repository "
            + "lacks, instead of listing it in the report's errors", "scanner.strict", "true");
    static final CommandOption CHANGES = flag("--changes", "list every file change of every commit",
            "module.commits.changes", "true");
    static final CommandOption PLUGINS = filledBy("--plugins", "NAMES",
            "only these plugins, by name, separated by commas (default: every active plugin)", "plugins.enabled")
            .completing(ValueCompletion.PLUGINS);
    static final CommandOption MAX_MEMORY = value("--max-memory", "SIZE", "the memory limit pressure is measured "
            + "against, e.g. 256MB (default: the JVM's maximum heap); the scan stops with an error above 95% of it",
            "scanner.max-memory");
    static final CommandOption PERFORMANCE_MODE = value("--performance-mode", "MODE",
            "a preset memory limit: low (64 MB), balanced (256 MB), high (1 GB) or none", "scanner.performance-mode")
            .completing("none", "low", "balanced", "high");
    static final CommandOption STORE = value("--store", "URL", "the scan store's JDBC URL for this scan "
            + "(jdbc:h2:… or jdbc:postgresql://…; default: GSTATS_STORE, [store] url, or an H2 file under "
            + "~/.cache/gstats)", "store.url");
    static final CommandOption NO_STORE = flag("--no-store", "scan without reading or writing the scan store",
            "store.enabled", "false");
    static final CommandOption QUIET = flag("--quiet", "print the report and errors only", "base.quiet", "true")
            .withShortName("-q");
    static final CommandOption VERBOSE = flag("--verbose", "print progress from the start, and stack traces on "
            + "failure", "base.verbose", "true").withShortName("-v");

    static final OptionTable OPTIONS = new OptionTable("scan", "[options] [PATH]", ValueCompletion.DIRECTORIES, List.of(FORMAT, OUTPUT,
            TABLE, PRETTY, FULL, COLOR, BRANCH, SINCE, UNTIL, AUTHOR, EXCLUDE_AUTHOR, GROUP_AUTHORS, INCLUDE, EXCLUDE,
            MAX_COMMITS, FIRST_PARENT, NO_RENAMES, NO_MAILMAP, NO_REPLACE_OBJECTS, DIFF_ALGORITHM, STRICT, CHANGES, PLUGINS,
            MAX_MEMORY, PERFORMANCE_MODE, STORE, NO_STORE, QUIET, VERBOSE));

    private ScanOptionTable() {
    }
}
