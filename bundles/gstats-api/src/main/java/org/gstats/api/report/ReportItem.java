package org.gstats.api.report;

/**
 * A named part of a section: a set of fields or a table. Values in either are
 * {@link String}, {@link Number}, {@link Boolean} or {@code null}; times are ISO-8601 strings in
 * UTC, as {@link java.time.Instant#toString()} prints them ({@code 2024-01-15T11:00:00Z}).
 */
public sealed interface ReportItem permits Fields, Table {

    String name();
}
