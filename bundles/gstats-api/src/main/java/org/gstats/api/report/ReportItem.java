package org.gstats.api.report;

/**
 * A named part of a section: a set of fields or a table. Values in either are
 * {@link String}, {@link Number}, {@link Boolean} or {@code null}; times are ISO-8601 strings.
 */
public sealed interface ReportItem permits Fields, Table {

    String name();
}
