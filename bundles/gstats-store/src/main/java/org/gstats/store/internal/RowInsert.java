package org.gstats.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;

/**
 * Rows of one table inserted {@value #ROWS} to a statement ({@code INSERT … VALUES (…), (…), …}),
 * where a JDBC batch runs one statement per row: H2 runs each row of a batch as a statement of its
 * own (a savepoint, a snapshot of the table's indexes, the parameters checked), and PostgreSQL's
 * driver sends each as a statement of its own. Rows go in the order they are added; those left
 * when {@link #flush} is called go in one shorter statement. A failure is the statement's, as a
 * batch's was (a key taken by another scan fails it with the key's state).
 */
final class RowInsert implements AutoCloseable {

    static final int ROWS = 64;

    private final Connection connection;
    private final String head;
    private final String oneRow;
    private final int columns;
    private final Object[] values;
    private int rows;
    /** The statement of {@value #ROWS} rows, prepared when first needed. */
    private PreparedStatement full;

    /**
     * @param table       the table's name
     * @param columnNames its columns that are given, in the order {@link #add} takes their values
     */
    RowInsert(Connection connection, String table, String... columnNames) {
        this.connection = connection;
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ";
        this.oneRow = "(" + String.join(", ", Collections.nCopies(columnNames.length, "?")) + ")";
        this.columns = columnNames.length;
        this.values = new Object[ROWS * columns];
    }

    /**
     * Adds a row, one value per column (null for SQL NULL; an {@link OffsetDateTime} goes in as a
     * timestamp with time zone); inserts the rows held once they are {@value #ROWS}.
     */
    void add(Object... row) throws SQLException {
        if (row.length != columns) {
            throw new IllegalArgumentException(row.length + " values for " + columns + " columns");
        }
        System.arraycopy(row, 0, values, rows * columns, columns);
        if (++rows == ROWS) {
            if (full == null) {
                full = connection.prepareStatement(sql(ROWS));
            }
            insert(full);
        }
    }

    /** Inserts the rows held. */
    void flush() throws SQLException {
        if (rows == 0) {
            return;
        }
        try (PreparedStatement rest = connection.prepareStatement(sql(rows))) {
            insert(rest);
        }
    }

    private String sql(int count) {
        return head + String.join(", ", Collections.nCopies(count, oneRow));
    }

    private void insert(PreparedStatement statement) throws SQLException {
        int count = rows * columns;
        for (int i = 0; i < count; i++) {
            if (values[i] instanceof OffsetDateTime time) {
                statement.setObject(i + 1, time, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
        // the rows are gone whether or not the statement took them: a failure fails the caller's step
        Arrays.fill(values, 0, count, null);
        rows = 0;
        statement.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        if (full != null) {
            full.close();
        }
    }
}
