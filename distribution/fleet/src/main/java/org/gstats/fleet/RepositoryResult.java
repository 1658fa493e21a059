package org.gstats.fleet;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;

/**
 * What one task did with one repository. Immutable; rows are Spark rows with the repository's
 * id in front, by table name.
 *
 * @param repository    the repository as listed
 * @param status        what happened
 * @param head          the commit scanned, or found unchanged; null when the repository could not be read
 * @param durationMs    the task's wall time: clone, scan and reading the tables back
 * @param stage         where it failed (clone, open, scan, timeout, tables); null unless FAILED
 * @param error         why it failed, one line; null unless FAILED
 * @param rows          the rows of every table, by name; empty unless SCANNED
 * @param reportColumns the columns of every report table the report had, by table name
 */
record RepositoryResult(FleetRepository repository, Status status, String head, long durationMs, String stage, String error,
        Map<String, List<Row>> rows, Map<String, List<String>> reportColumns) implements Serializable {

    enum Status {
        /** Scanned; its rows replace the repository's earlier ones. */
        SCANNED,
        /** Its head is the one stored by the last run: nothing was scanned or written. */
        UNCHANGED,
        /** It could not be cloned, read or scanned in time: a row of scan_errors. */
        FAILED
    }

    RepositoryResult {
        rows = Map.copyOf(rows);
        reportColumns = Map.copyOf(reportColumns);
    }

    static RepositoryResult unchanged(FleetRepository repository, String head, long durationMs) {
        return new RepositoryResult(repository, Status.UNCHANGED, head, durationMs, null, null, Map.of(), Map.of());
    }

    static RepositoryResult failed(FleetRepository repository, String head, long durationMs, String stage,
            String error) {
        return new RepositoryResult(repository, Status.FAILED, head, durationMs, stage, error, Map.of(), Map.of());
    }

    List<Row> rowsOf(String table) {
        return rows.getOrDefault(table, List.of());
    }
}
