package org.gstats.store.internal.command;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first of {@code gstats sql}'s read-only guards (the others: a read-only, rolled-back
 * connection, and a statement that must describe a result set): one statement, a query.
 */
final class SqlCheck {

    private static final Set<String> QUERIES = Set.of("SELECT", "WITH", "VALUES", "TABLE");
    /** Statements of H2 and PostgreSQL that change data, schema, session or files: named when refused. */
    private static final Set<String> CHANGES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE",
            "DROP", "CREATE", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "COMMENT", "CALL", "SET", "SCRIPT",
            "RUNSCRIPT", "BACKUP", "SHUTDOWN", "COMMIT", "ROLLBACK", "BEGIN", "SAVEPOINT", "CHECKPOINT", "EXECUTE",
            "PREPARE", "DEALLOCATE", "ANALYZE", "COPY", "VACUUM", "LOCK", "DO", "REINDEX", "CLUSTER", "REFRESH");
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"");
    /** H2 functions that write files or reach other databases. */
    private static final Pattern WRITING_FUNCTIONS = Pattern.compile(
            "\\b(CSVWRITE|FILE_WRITE|LINK_SCHEMA)\\s*\\(", Pattern.CASE_INSENSITIVE);

    private SqlCheck() {
    }

    /** @return null when the statement may run, else why not, in one line */
    static String refusal(String sql) {
        String unquoted = QUOTED.matcher(sql).replaceAll("''").strip();
        if (unquoted.endsWith(";")) {
            unquoted = unquoted.substring(0, unquoted.length() - 1).strip();
        }
        if (unquoted.isEmpty()) {
            return "no query given: gstats sql \"SELECT …\"";
        }
        if (unquoted.contains(";")) {
            return "one statement at a time";
        }
        String first = unquoted.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        if (CHANGES.contains(first)) {
            return "sql only reads: " + first + " statements are refused (use SELECT)";
        }
        if (!QUERIES.contains(first)) {
            return "bad query: '" + first + "' does not start a query (use SELECT, WITH, VALUES or TABLE)";
        }
        if (WRITING_FUNCTIONS.matcher(unquoted).find()) {
            return "sql only reads: functions that write files are refused";
        }
        return null;
    }
}
