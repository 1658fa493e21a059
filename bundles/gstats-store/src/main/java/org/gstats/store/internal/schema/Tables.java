package org.gstats.store.internal.schema;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every table and view of the store with its columns: the one description that the schema's
 * DDL, the documentation's table (docs/store.md, checked by a test) and {@code gstats sql}
 * users rely on. Types are the ones H2 and PostgreSQL both understand. A column added after
 * the first schema says since which version; {@link Schema} adds it to older stores.
 */
public final class Tables {

    /**
     * One column: its name, SQL type and what it holds.
     *
     * @param since     the schema version that added it to its table (1: it came with the table); a later
     *                  column is nullable, since the rows already stored have no value for it
     * @param nullSince the schema version from which a column typed {@code NOT NULL} takes null (its rows
     *                  written since keep their value elsewhere); 0 when that never changed
     * @param fill      for a column added later: the SQL expression that gives the rows already stored their
     *                  value; null to leave them null
     */
    public record Column(String name, String type, String description, int since, int nullSince, String fill) {

        Column(String name, String type, String description) {
            this(name, type, description, 1, 0, null);
        }

        Column(String name, String type, String description, int since) {
            this(name, type, description, since, 0, null);
        }

        Column(String name, String type, String description, int since, int nullSince) {
            this(name, type, description, since, nullSince, null);
        }

        /** The column's definition in a table created at {@code version}. */
        String ddl(int version) {
            return name + " " + (nullSince != 0 && nullSince <= version ? type.replace(" NOT NULL", "") : type);
        }

        /** The column's type as {@link Types} names it, for the types the store's tables use. */
        public int jdbcType() {
            String upper = type.toUpperCase(Locale.ROOT);
            if (upper.startsWith("BIGINT")) {
                return Types.BIGINT;
            }
            if (upper.startsWith("INTEGER")) {
                return Types.INTEGER;
            }
            if (upper.startsWith("VARCHAR") || upper.startsWith("TEXT")) {
                return Types.VARCHAR;
            }
            if (upper.startsWith("BOOLEAN")) {
                return Types.BOOLEAN;
            }
            if (upper.startsWith("DOUBLE PRECISION")) {
                return Types.DOUBLE;
            }
            if (upper.startsWith("TIMESTAMP WITH TIME ZONE")) {
                return Types.TIMESTAMP_WITH_TIMEZONE;
            }
            if (upper.startsWith("BYTEA")) {
                return Types.VARBINARY;
            }
            throw new IllegalStateException("a column of a type the store does not use: " + type);
        }
    }

    /**
     * One table (or view, when {@code query} is not null) and its key.
     *
     * @param primaryKey the key's columns, comma separated; null for none and for views
     * @param source     for a copy of a report table: its {@code SECTION.TABLE}, whose columns of
     *                   the same names fill it; else null
     * @param formerName the table's name before the schema version {@code renamed}; null when never renamed
     * @param viewSince  for a view, the schema version from which it is one: {@code since}, or the version
     *                   that replaced the table of that name (its columns and key) by the view
     * @param keyless    the schema version from which the table keeps no primary key; 0 when it always has it
     * @param formerKey  the table's primary key before the schema version {@code rekeyed}; null when never changed
     */
    public record Table(String name, String description, List<Column> columns, String primaryKey, String query,
            String source, int since, String formerName, int renamed, int viewSince, int keyless, String formerKey,
            int rekeyed) {

        Table(String name, String description, List<Column> columns, String primaryKey, String query) {
            this(name, description, columns, primaryKey, query, null, 1);
        }

        Table(String name, String description, List<Column> columns, String primaryKey, String query,
                String source) {
            this(name, description, columns, primaryKey, query, source, 1);
        }

        Table(String name, String description, List<Column> columns, String primaryKey, String query,
                String source, int since) {
            this(name, description, columns, primaryKey, query, source, since, null, 0, query == null ? 0 : since, 0,
                    null, 0);
        }

        /** This table, called {@code former} before schema version {@code version}. */
        Table renamedFrom(String former, int version) {
            return new Table(name, description, columns, primaryKey, query, source, since, former, version, viewSince,
                    keyless, formerKey, rekeyed);
        }

        /** This table, replaced at schema version {@code version} by a view of the same name and columns. */
        Table viewFrom(int version, String description, String query) {
            return new Table(name, description, columns, primaryKey, query, source, since, formerName, renamed,
                    version, keyless, formerKey, rekeyed);
        }

        /** This table without its primary key from schema version {@code version}. */
        Table keylessFrom(int version) {
            return new Table(name, description, columns, primaryKey, query, source, since, formerName, renamed,
                    viewSince, version, formerKey, rekeyed);
        }

        /** This table, keyed by {@code former} before schema version {@code version} (by its primary key since). */
        Table keyedFrom(String former, int version) {
            return new Table(name, description, columns, primaryKey, query, source, since, formerName, renamed,
                    viewSince, keyless, former, version);
        }

        /** The table's primary key at a schema version; null for none. */
        String keyAt(int version) {
            if (keyless != 0 && version >= keyless) {
                return null;
            }
            return formerKey != null && version < rekeyed ? formerKey : primaryKey;
        }

        /** The table's name at a schema version. */
        String nameAt(int version) {
            return formerName != null && version < renamed ? formerName : name;
        }

        /** Whether it is a table, with these columns and key, at a schema version before it became a view. */
        boolean tableAt(int version) {
            return !view() || version < viewSince;
        }

        /** The columns a report table fills: all but the key columns the store adds. */
        public List<Column> reportColumns() {
            return columns.stream().filter(column -> !KEYS.contains(column.name())).toList();
        }

        public boolean view() {
            return query != null;
        }

        /**
         * The statement that creates this table or view as it is at schema version {@code version}, in one
         * go (its columns of then, its key of then, its name of then); null when it is not there at that
         * version. A new store is created so ({@link Schema}): the same store as the steps up to that
         * version give one by one, which {@code NewStoreTest} holds against the steps on H2 and PostgreSQL.
         */
        String createdAt(int version) {
            if (version < since) {
                return null;
            }
            if (!tableAt(version)) {
                return "CREATE OR REPLACE VIEW " + name + " AS " + query;
            }
            String body = columns.stream().filter(column -> column.since() <= version)
                    .map(column -> column.ddl(version)).collect(Collectors.joining(", "));
            String key = keyAt(version);
            return "CREATE TABLE IF NOT EXISTS " + nameAt(version) + " (" + body
                    + (key != null ? ", PRIMARY KEY (" + key + ")" : "") + ")";
        }

        /**
         * The statements that bring this table from schema version {@code version - 1} to
         * {@code version}: its creation with the columns it had then, or the columns added (a
         * rename, a key dropped or replaced and a table replaced by a view are {@link Step}'s,
         * which knows whether each is still to be done).
         */
        public List<String> ddl(int version) {
            if (version < since) {
                return List.of();
            }
            if (!tableAt(version)) {
                return version == viewSince ? List.of("CREATE OR REPLACE VIEW " + name + " AS " + query) : List.of();
            }
            if (version == since) {
                return List.of(createdAt(version));
            }
            // every statement may run again harmlessly, should a step have run without being recorded
            List<String> ddl = new ArrayList<>();
            String table = nameAt(version);
            for (Column column : columns) {
                if (column.since() == version) {
                    ddl.add("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + column.ddl(version));
                    if (column.fill() != null) {
                        ddl.add("UPDATE " + table + " SET " + column.name() + " = " + column.fill() + " WHERE "
                                + column.name() + " IS NULL");
                    }
                }
                if (column.nullSince() == version && column.since() < version) {
                    ddl.add("ALTER TABLE " + table + " ALTER COLUMN " + column.name() + " DROP NOT NULL");
                }
            }
            return ddl;
        }
    }

    /** The schema version that keeps a head's rows once for the scans that share them. */
    static final int SHARED_ROWS = 5;

    /**
     * The schema version from which each of head_files, head_functions and head_hotspots is
     * shared on its own: a new commit that changes no function writes no function rows.
     */
    static final int SHARED_PER_TABLE = 6;

    /** The schema version that tells a scan of part of the history from one of all of it. */
    static final int SCOPED = 7;

    /**
     * The schema version that keeps one key per recorded commit: {@code changed_commits} becomes
     * a view of {@code commit_changes}, and {@code file_changes} loses its primary key (its rows go
     * in with their commit's value, whose key keeps them once). H2 keeps a table whose key is not
     * one integer column as its rows under a hidden row id plus a second B-tree for the key: each
     * was a second B-tree written for every row, which nothing read.
     */
    static final int ONE_KEY = 8;

    /**
     * The schema version that keys {@code blob_results} by blob id first: opening the store
     * reads the results of the latest head's blobs, for every analyser, and a key led by the
     * analyser could not find them, so each open read the whole table (every analyser version
     * any gstats build wrote). The key is reordered rather than joined by an index: H2 keeps a
     * composite key as one B-tree beside the rows either way.
     */
    static final int BLOB_KEY = 9;

    /**
     * The schema version from which a scan writes a commit's changes as its value only: the rows
     * of {@code file_changes} are derived from the values when something reads that table
     * ({@code ChangeRows}), and {@link #PENDING_CHANGES} lists the values that lack theirs.
     * They were a quarter of a first scan's cost of writing the store, for a table only queries read.
     */
    public static final int DERIVED_ROWS = 10;

    /**
     * The schema version that keeps a scan's walk ({@link #WALKS}): a rescan of the same head tells
     * its commits from it instead of walking and parsing the history again.
     */
    public static final int WALKED = 11;

    /**
     * The schema version whose scans keep the head's complexity, debt and duplication beside
     * their other summary figures, for {@code gstats history} and the dashboard's trend.
     */
    public static final int SUMMARISED = 12;

    /**
     * The schema version from which a scan writes its new commits as one value per step of its write
     * ({@link #PENDING_COMMITS}): the rows of {@code commits} are derived from the values when something
     * reads that table, as {@code file_changes}' are since {@link #DERIVED_ROWS}. Writing the rows (a
     * second B-tree for their key) was some 5-10 % of a first scan with the store.
     */
    public static final int DERIVED_COMMITS = 13;

    /**
     * The schema version from which a scan writes the rows of each of its report tables (functions, hotspots) as
     * one value ({@link #PENDING_HEAD_ROWS}): their rows are derived when something reads them, as those of
     * {@code commits} are since {@link #DERIVED_COMMITS}. Commons-lang's 10,836 functions were most of a first
     * scan's last transaction, which the scan's end waits for. The head's files stay rows: a scan's open reads
     * the latest head's blob ids from them.
     */
    public static final int DERIVED_HEADS = 14;

    private static final String ID = "BIGINT GENERATED BY DEFAULT AS IDENTITY";
    private static final List<String> KEYS = List.of("scan_id", "row_no");
    private static final String TIME = "TIMESTAMP WITH TIME ZONE";

    public static final Table REPOSITORIES = new Table("repositories", "one row per scanned repository", List.of(
            new Column("repository_id", ID, "the store's id of the repository"),
            new Column("path", "VARCHAR(4096) NOT NULL UNIQUE",
                    "absolute path of the work tree (or of the git directory when bare)")),
            "repository_id", null);

    public static final Table SETTINGS = new Table("settings",
            "the settings that change a commit's file changes (renames, diff algorithm, first-parent, path globs, "
                    + "scanner version); changes are recorded per settings",
            List.of(new Column("settings_id", ID, "the store's id of these settings"),
                    new Column("fingerprint", "VARCHAR(64) NOT NULL UNIQUE", "SHA-256 of the description"),
                    new Column("description", "VARCHAR NOT NULL", "the settings in words")),
            "settings_id", null);

    public static final Table SCANS = new Table("scans", "one row per stored scan, with its summary figures", List.of(
            new Column("scan_id", ID, "the store's id of the scan"),
            new Column("repository_id", "BIGINT NOT NULL", "the scanned repository"),
            new Column("settings_id", "BIGINT NOT NULL", "the change settings it ran with"),
            new Column("started", TIME + " NOT NULL", "when the scan started"),
            new Column("branch", "VARCHAR NOT NULL", "the ref as requested (HEAD by default)"),
            new Column("head_id", "VARCHAR(64)", "the commit the scan started from; null for an empty repository"),
            new Column("commits", "BIGINT NOT NULL", "commits reported"),
            new Column("authors", "BIGINT NOT NULL", "distinct author emails among them"),
            new Column("files", "BIGINT NOT NULL", "files at the head"),
            new Column("lines", "BIGINT NOT NULL", "lines of the text files at the head"),
            new Column("duration_ms", "BIGINT NOT NULL", "how long the scan took"),
            new Column("gstats_version", "VARCHAR NOT NULL", "the gstats that ran it"),
            new Column("rows_from", "BIGINT", "the scan whose rows of head_files are this scan's (the files view): "
                    + "itself, or the repository's previous scan when they were the same (before schema 6, also "
                    + "those of head_functions and head_hotspots)", Tables.SHARED_ROWS, 0, "scan_id"),
            new Column("rows_digest", "VARCHAR(64)", "SHA-256 of those rows, which tells the next scan whether "
                    + "they are the same; null for scans stored before schema 5", Tables.SHARED_ROWS),
            new Column("functions_from", "BIGINT", "the scan whose rows of head_functions are this scan's (the "
                    + "functions view), as rows_from", Tables.SHARED_PER_TABLE, 0, "rows_from"),
            new Column("functions_digest", "VARCHAR(64)", "SHA-256 of those rows, as rows_digest; null for scans "
                    + "stored before schema 6", Tables.SHARED_PER_TABLE),
            new Column("hotspots_from", "BIGINT", "the scan whose rows of head_hotspots are this scan's (the "
                    + "hotspots view), as rows_from", Tables.SHARED_PER_TABLE, 0, "rows_from"),
            new Column("hotspots_digest", "VARCHAR(64)", "SHA-256 of those rows, as rows_digest; null for scans "
                    + "stored before schema 6", Tables.SHARED_PER_TABLE),
            new Column("scope", "VARCHAR", "the history options that limited which commits the scan reported "
                    + "(--since, --until, --max-count, --author), as in \"--since 2024-01-01T00:00:00Z --max-count 10\"; "
                    + "null for the branch's whole history (and for scans stored before schema 7)", Tables.SCOPED),
            new Column("complexity", "BIGINT", "the cyclomatic complexity of the head's functions, summed (the "
                    + "metrics plugin's summary); null when that plugin did not run, and for scans stored before "
                    + "schema 12", SUMMARISED),
            new Column("debt_score", "DOUBLE PRECISION", "the head's technical debt, 0 (none) to 100, as the metrics "
                    + "plugin's debt summary scores it; null as complexity", SUMMARISED),
            new Column("debt_rating", "VARCHAR(1)", "that score's rating, A (best) to E; null as complexity",
                    SUMMARISED),
            new Column("duplication", "DOUBLE PRECISION", "the share of the lines of the head's source files that "
                    + "lie in clones, 0 to 1 (the metrics plugin's summary); null as complexity", SUMMARISED)),
            "scan_id", null);

    /**
     * A figure of {@code scans} that a plugin's report gives: its column, the report's fields
     * ({@code section.name}) and the value's key there, and its JDBC type (for a null).
     */
    public record ReportFigure(String column, String fields, String key, int jdbcType) {
    }

    /** The head's figures of {@link #SCANS} that the metrics plugin's summaries give ({@link #SUMMARISED}). */
    public static final List<ReportFigure> HEAD_FIGURES = List.of(
            new ReportFigure("complexity", "metrics.summary", "cyclomatic", Types.BIGINT),
            new ReportFigure("debt_score", "metrics.debt_summary", "score", Types.DOUBLE),
            new ReportFigure("debt_rating", "metrics.debt_summary", "rating", Types.VARCHAR),
            new ReportFigure("duplication", "metrics.summary", "duplication_ratio", Types.DOUBLE));

    public static final Table COMMITS = new Table("commits", "one row per repository and commit ever reported; "
            + "derived from pending_commits when commits (or the authors view) is read (gstats sql, gc, the fleet), "
            + "written by the scan itself before schema 13",
            List.of(new Column("repository_id", "BIGINT NOT NULL", "the repository"),
                    new Column("commit_id", "VARCHAR(64) NOT NULL", "full hex commit id"),
                    new Column("parent_ids", "VARCHAR NOT NULL", "parent ids separated by spaces"),
                    new Column("author_name", "VARCHAR NOT NULL", "author name (after .mailmap when mapped)"),
                    new Column("author_email", "VARCHAR NOT NULL", "author email"),
                    new Column("author_time", TIME + " NOT NULL", "author time"),
                    new Column("committer_name", "VARCHAR NOT NULL", "committer name"),
                    new Column("committer_email", "VARCHAR NOT NULL", "committer email"),
                    new Column("commit_time", TIME + " NOT NULL", "committer time"),
                    new Column("summary", "VARCHAR NOT NULL", "first line of the message"),
                    new Column("author_zone", "INTEGER", "the author's zone in minutes east of UTC as the commit "
                            + "records it (+9999 is 6039: beyond the 18 hours a time zone column holds, where "
                            + "author_time is in UTC); null for commits stored before schema 4", 4),
                    new Column("commit_zone", "INTEGER", "the committer's zone in minutes, as author_zone", 4)),
            "repository_id, commit_id", null);

    public static final Table CHANGED_COMMITS = new Table("changed_commits",
            "the commits whose file changes are recorded under each settings (also those with none)",
            List.of(new Column("settings_id", "BIGINT NOT NULL", "the change settings"),
                    new Column("commit_id", "VARCHAR(64) NOT NULL", "the commit")),
            "settings_id, commit_id", null).viewFrom(ONE_KEY, "a view: the commits whose file changes are recorded "
                    + "under each settings (also those with none), one per row of commit_changes (a table of its "
                    + "own before schema 8)", "SELECT settings_id, commit_id FROM commit_changes");

    public static final Table FILE_CHANGES = new Table("file_changes",
            "one row per file a commit changed, as git log --numstat counts it under the settings; derived from its "
                    + "commit's value in commit_changes when file_changes is read (gstats sql, store info, the fleet), "
                    + "whose key holds them once (written by the scan itself before schema 10; no "
                    + "key of their own since schema 8)",
            List.of(
                    new Column("settings_id", "BIGINT NOT NULL", "the change settings"),
                    new Column("commit_id", "VARCHAR(64) NOT NULL", "the commit"),
                    new Column("seq", "INTEGER NOT NULL", "order within the commit"),
                    new Column("path", "VARCHAR NOT NULL", "path after the change (the deleted path for a deletion)"),
                    new Column("old_path", "VARCHAR", "path before a rename or copy, else null"),
                    new Column("change_type", "VARCHAR(16) NOT NULL", "ADDED, MODIFIED, DELETED, RENAMED or COPIED"),
                    new Column("insertions", "INTEGER NOT NULL", "lines added (0 for binary files)"),
                    new Column("deletions", "INTEGER NOT NULL", "lines removed (0 for binary files)"),
                    new Column("is_binary", "BOOLEAN NOT NULL", "either side is binary"),
                    new Column("old_size", "BIGINT NOT NULL", "bytes before"),
                    new Column("new_size", "BIGINT NOT NULL", "bytes after"),
                    new Column("lines_after", "INTEGER NOT NULL", "lines after the change, -1 for binary")),
            "settings_id, commit_id, seq", null).keylessFrom(ONE_KEY);

    public static final Table COMMIT_CHANGES = new Table("commit_changes",
            "each recorded commit's file changes in one value, the form a rescan reads and the one a scan writes "
                    + "(file_changes gives the same as rows, for queries)",
            List.of(new Column("settings_id", "BIGINT NOT NULL", "the change settings", 5),
                    new Column("commit_id", "VARCHAR(64) NOT NULL", "the commit", 5),
                    new Column("changes", "BYTEA NOT NULL", "its file_changes rows in order, in gstats' own "
                            + "encoding (ChangeCodec)", 5)),
            "settings_id, commit_id", null, null, 5);

    public static final Table PENDING_CHANGES = new Table("pending_changes",
            "the commits whose changes a scan recorded as values only, one row per step of its write: the first read "
                    + "of file_changes adds their rows from commit_changes and deletes this row (values stored before "
                    + "schema 10 have their rows)",
            List.of(new Column("pending_id", ID, "the store's id of the step", DERIVED_ROWS),
                    new Column("settings_id", "BIGINT NOT NULL", "the change settings", DERIVED_ROWS),
                    new Column("commit_ids", "VARCHAR NOT NULL", "the commits, separated by spaces", DERIVED_ROWS)),
            "pending_id", null, null, DERIVED_ROWS);

    public static final Table PENDING_COMMITS = new Table("pending_commits",
            "the commits a scan recorded as values only, one row per step of its write: the repository's rescans read "
            + "them as they read commits, and the first read of commits adds their rows and deletes this row "
            + "(commits stored before schema 13 have their rows)",
            List.of(new Column("pending_id", ID, "the store's id of the step", DERIVED_COMMITS),
                    new Column("repository_id", "BIGINT NOT NULL", "the repository", DERIVED_COMMITS),
                    new Column("commits", "BYTEA NOT NULL", "the step's commits as the scan told them, in gstats' "
                            + "own encoding (WalkCodec), deflated", DERIVED_COMMITS)),
            "pending_id", null, null, DERIVED_COMMITS);

    private static final String DERIVED = "derived from pending_head_rows when read (gstats sql, the fleet), "
            + "written by the scan itself before schema 14";

    public static final Table HEAD_FILES = new Table("head_files", "the files at the head of a scan, kept once "
            + "for the scans whose rows are the same (scans.rows_from): the files view gives them per scan", List.of(
            new Column("scan_id", "BIGINT NOT NULL", "the scan that wrote them"),
            new Column("path", "VARCHAR NOT NULL", "path in the head's tree"),
            new Column("size", "BIGINT NOT NULL", "bytes"),
            new Column("lines", "INTEGER NOT NULL", "lines, -1 for a binary file"),
            new Column("is_binary", "BOOLEAN NOT NULL", "a NUL byte in the first 8000 bytes"),
            new Column("blob_id", "VARCHAR(64)", "the blob's hex id; null when no plugin read the file's content", 3)),
            "scan_id, path", null).renamedFrom("files", Tables.SHARED_ROWS);

    public static final Table BLOB_RESULTS = new Table("blob_results",
            "what a content plugin computed for a blob (lines, complexity, functions, clone tokens), in the "
                    + "plugin's own encoding, kept by blob id and analyser (its name and version); keyed by blob id "
                    + "first since schema 9, as the store's open reads them (by analyser first before)",
            List.of(new Column("analyser", "VARCHAR(200) NOT NULL", "the analyser's name and version", 3),
                    new Column("blob_id", "VARCHAR(64) NOT NULL", "the blob's hex id", 3),
                    new Column("result", "BYTEA NOT NULL", "the result, in the analyser's encoding", 3)),
            "blob_id, analyser", null, null, 3).keyedFrom("analyser, blob_id", BLOB_KEY);

    public static final Table AUTHORS = new Table("authors", "a view: commits per repository and author", List.of(
            new Column("repository_id", "BIGINT", "the repository"),
            new Column("author_name", "VARCHAR", "a name the author used (the smallest)"),
            new Column("author_email", "VARCHAR", "author email"),
            new Column("commits", "BIGINT", "commits"),
            new Column("first_commit", TIME, "earliest author time"),
            new Column("last_commit", TIME, "latest author time")),
            null,
            "SELECT repository_id, MIN(author_name) AS author_name, author_email, COUNT(*) AS commits, "
                    + "MIN(author_time) AS first_commit, MAX(author_time) AS last_commit FROM commits "
                    + "GROUP BY repository_id, author_email");

    public static final Table HEAD_FUNCTIONS = new Table("head_functions",
            "the functions at the head of a scan, as the report's metrics.functions table lists them, kept once for "
                    + "the scans whose rows are the same: the functions view gives them per scan; " + DERIVED, List.of(
                    new Column("scan_id", "BIGINT NOT NULL", "the scan that wrote them"),
                    new Column("row_no", "INTEGER NOT NULL", "the row's place in the report's table"),
                    new Column("path", "VARCHAR", "the file"),
                    new Column("name", "VARCHAR", "the function's name"),
                    new Column("start_line", "INTEGER", "first line"),
                    new Column("end_line", "INTEGER", "last line"),
                    new Column("cyclomatic", "INTEGER", "cyclomatic complexity"),
                    new Column("cognitive", "INTEGER", "cognitive complexity"),
                    new Column("max_nesting", "INTEGER", "deepest nesting"),
                    new Column("parameters", "INTEGER", "parameters"),
                    new Column("lines", "INTEGER", "lines")),
            "scan_id, row_no", null, "metrics.functions").renamedFrom("functions", Tables.SHARED_ROWS);

    public static final Table HEAD_HOTSPOTS = new Table("head_hotspots",
            "the hotspots of a scan, as the report's metrics.hotspots table ranks them, kept once for the scans "
                    + "whose rows are the same: the hotspots view gives them per scan; " + DERIVED, List.of(
                    new Column("scan_id", "BIGINT NOT NULL", "the scan that wrote them"),
                    new Column("row_no", "INTEGER NOT NULL", "the row's place in the report's table"),
                    new Column("path", "VARCHAR", "the file"),
                    new Column("rank", "INTEGER", "1 for the hottest"),
                    new Column("score", "DOUBLE PRECISION", "revisions and complexity combined, 0..1"),
                    new Column("revisions", "INTEGER", "commits that changed the file"),
                    new Column("complexity", "INTEGER", "the file's complexity"),
                    new Column("churn", "INTEGER", "lines added and deleted"),
                    new Column("revisions_norm", "DOUBLE PRECISION", "revisions normalised to 0..1"),
                    new Column("complexity_norm", "DOUBLE PRECISION", "complexity normalised to 0..1")),
            "scan_id, row_no", null, "metrics.hotspots").renamedFrom("hotspots", Tables.SHARED_ROWS);

    public static final Table PENDING_HEAD_ROWS = new Table("pending_head_rows",
            "the rows of a scan's report tables (head_functions, head_hotspots) that it wrote as values only, one row "
                    + "per table: the first read of those tables or of their views adds the rows and deletes this row "
                    + "(scans stored before schema 14 have their rows)",
            List.of(new Column("scan_id", "BIGINT NOT NULL", "the scan whose rows they are", DERIVED_HEADS),
                    new Column("table_name", "VARCHAR(64) NOT NULL", "the table they are rows of", DERIVED_HEADS),
                    new Column("row_count", "INTEGER NOT NULL", "how many rows", DERIVED_HEADS),
                    new Column("encoded", "BYTEA NOT NULL", "the rows in order, in gstats' own encoding (HeadRows), "
                            + "deflated", DERIVED_HEADS)),
            "scan_id, table_name", null, null, DERIVED_HEADS);

    public static final Table REPORTS = new Table("reports",
            "the JSON report (as gstats scan --format json writes it) of each repository's latest scan, so that its "
                    + "dashboard is drawn again without scanning",
            List.of(new Column("scan_id", "BIGINT NOT NULL", "the scan", 2),
                    new Column("json", "TEXT NOT NULL", "the report, for a report kept before schema 5; else null",
                            2, 5),
                    new Column("json_deflated", "BYTEA", "the report, deflated (zlib): a tenth of its size, written "
                            + "and read in a tenth of the time; null for a report kept before schema 5", 5)),
            "scan_id", null, null, 2);

    public static final Table WALKS = new Table("walks",
            "the commits a scan walked from its head, kept for the repository's latest scan that walked its whole "
                    + "history without a warning, so that a rescan of the same head tells them without walking",
            List.of(new Column("scan_id", "BIGINT NOT NULL", "the scan (its head and change settings)", WALKED),
                    new Column("identities", "VARCHAR(64) NOT NULL",
                            "the scanner's fingerprint of the mailmap the identities were mapped by", WALKED),
                    new Column("commits", "BYTEA NOT NULL", "every commit in the order told, as told, in gstats' "
                            + "own encoding (WalkCodec), deflated", WALKED)),
            "scan_id", null, null, WALKED);

    public static final Table FILES = perScan("files", "the files at the head of each scan", HEAD_FILES, "rows_from");

    public static final Table FUNCTIONS = perScan("functions",
            "the functions at the head of each scan, as the report's metrics.functions table lists them",
            HEAD_FUNCTIONS, "functions_from");

    public static final Table HOTSPOTS = perScan("hotspots",
            "the hotspots of each scan, as the report's metrics.hotspots table ranks them", HEAD_HOTSPOTS,
            "hotspots_from");

    /**
     * Rows a scan shares with the repository's previous scan when they are the same.
     *
     * @param from   the {@code scans} column naming the scan that wrote this scan's rows
     * @param digest the {@code scans} column keeping the rows' SHA-256
     */
    public record Shared(Table view, Table rows, String from, String digest) {
    }

    /** Each kind of a head's rows, shared on its own. */
    public static final List<Shared> SHARED = List.of(
            new Shared(FILES, HEAD_FILES, "rows_from", "rows_digest"),
            new Shared(FUNCTIONS, HEAD_FUNCTIONS, "functions_from", "functions_digest"),
            new Shared(HOTSPOTS, HEAD_HOTSPOTS, "hotspots_from", "hotspots_digest"));

    /**
     * Every table in the order they are created: version 2 added {@link #REPORTS}, version 3
     * {@link #BLOB_RESULTS} and {@code files.blob_id}, version 4 the commits' zones, version 5
     * {@link #COMMIT_CHANGES}, {@code reports.json_deflated}, and the head's rows kept once for
     * the scans that share them (tables {@code files}, {@code functions} and {@code hotspots}
     * renamed {@code head_…}, and views of their old names and columns), version 6 shares each
     * of the three on its own ({@code scans.functions_from}, {@code hotspots_from}, and the
     * views of functions and hotspots replaced to read them), version 7 adds {@code scans.scope},
     * version 8 replaces the table {@link #CHANGED_COMMITS} by a view of {@link #COMMIT_CHANGES}
     * and drops the key of {@link #FILE_CHANGES} ({@link #ONE_KEY}), version 9 keys
     * {@link #BLOB_RESULTS} by blob id first ({@link #BLOB_KEY}), version 10 creates
     * {@link #PENDING_CHANGES} ({@link #DERIVED_ROWS}; empty: every value already stored has its rows), version 11
     * {@link #WALKS}, version 12 the scans' complexity, debt and duplication ({@link #SUMMARISED}), version 13
     * {@link #PENDING_COMMITS} ({@link #DERIVED_COMMITS}; empty: every commit already stored has its row), version 14
     * {@link #PENDING_HEAD_ROWS} ({@link #DERIVED_HEADS}; empty as well).
     */
    public static final List<Table> ALL = List.of(REPOSITORIES, SETTINGS, SCANS, COMMITS, PENDING_COMMITS,
            CHANGED_COMMITS, FILE_CHANGES, COMMIT_CHANGES, PENDING_CHANGES, HEAD_FILES, AUTHORS, HEAD_FUNCTIONS,
            HEAD_HOTSPOTS, PENDING_HEAD_ROWS, REPORTS, BLOB_RESULTS, WALKS, FILES, FUNCTIONS, HOTSPOTS);

    /** The views of the rows a scan shares with others, each row once per scan, as the tables were before schema 5. */
    public static final List<Table> PER_SCAN_VIEWS = SHARED.stream().map(Shared::view).toList();

    /** The newest schema version a table or column names. */
    public static final int VERSION = ALL.stream()
            .flatMap(table -> Stream.concat(
                    Stream.of(table.since(), table.viewSince(), table.keyless(), table.rekeyed()),
                    table.columns().stream().flatMap(column -> Stream.of(column.since(), column.nullSince()))))
            .mapToInt(Integer::intValue).max().orElse(1);

    /** The tables whose rows belong to one scan (they go with it). */
    public static final List<String> PER_SCAN = ALL.stream()
            .filter(table -> !table.view() && table != SCANS
                    && table.columns().stream().anyMatch(column -> column.name().equals("scan_id")))
            .map(Table::name).toList();

    /** The tables that copy a report table. */
    public static final List<Table> FROM_REPORT = ALL.stream().filter(table -> table.source() != null).toList();

    private Tables() {
    }

    /** The table that keeps the rows a view of {@link #PER_SCAN_VIEWS} gives per scan. */
    public static Table rowsOf(Table view) {
        return SHARED.stream().filter(shared -> shared.view() == view).map(Shared::rows).findFirst().orElse(null);
    }

    /**
     * A view giving a scan's shared rows of {@code rows} under its own scan id, with the same
     * columns; created (or replaced) at the version that added the {@code scans} column {@code from}.
     */
    private static Table perScan(String name, String description, Table rows, String from) {
        List<Column> columns = rows.columns().stream().map(column -> column.name().equals("scan_id")
                ? new Column("scan_id", "BIGINT", "the scan") : column).toList();
        String query = "SELECT s.scan_id, " + columns.stream().skip(1).map(column -> "r." + column.name())
                .collect(Collectors.joining(", ")) + " FROM scans s JOIN " + rows.name()
                + " r ON r.scan_id = s." + from;
        int since = SCANS.columns().stream().filter(column -> column.name().equals(from)).findFirst().orElseThrow()
                .since();
        return new Table(name, "a view: " + description, columns, null, query, null, since);
    }

    /** The documentation's description of every table and view, in Markdown. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        for (Table table : ALL) {
            out.append("### `").append(table.name()).append("`\n\n").append(table.description()).append(".\n\n");
            out.append("| column | type | what |\n|---|---|---|\n");
            for (Column column : table.columns()) {
                String type = column.type().replace(" GENERATED BY DEFAULT AS IDENTITY", "").replace(" NOT NULL", "")
                        .replace(" UNIQUE", "");
                out.append("| `").append(column.name()).append("` | ").append(type).append(" | ")
                        .append(column.description()).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
