package org.gstats.store.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import org.junit.Test;

/** Rows go in as added, whole statements and the rest alike, with nulls, times and bytes as they were. */
public class RowInsertTest {

    @Test
    public void everyRowGoesInAsAddedWhateverItsPlaceInAStatement() throws Exception {
        for (int count : List.of(0, 1, RowInsert.ROWS - 1, RowInsert.ROWS, RowInsert.ROWS + 1, 3 * RowInsert.ROWS + 5)) {
            try (Connection connection = table()) {
                try (RowInsert insert = new RowInsert(connection, "t", "id", "name", "at", "data")) {
                    for (int i = 0; i < count; i++) {
                        insert.add(i, i % 3 == 0 ? null : "row " + i, time(i), new byte[] {(byte) i, 7});
                    }
                    insert.flush();
                    // a second flush has nothing left to insert
                    insert.flush();
                }
                try (Statement select = connection.createStatement();
                        ResultSet rows = select.executeQuery("SELECT id, name, at, data FROM t ORDER BY id")) {
                    int i = 0;
                    for (; rows.next(); i++) {
                        assertEquals(i, rows.getInt(1));
                        if (i % 3 == 0) {
                            assertNull(rows.getString(2));
                        } else {
                            assertEquals("row " + i, rows.getString(2));
                        }
                        assertEquals(time(i), rows.getObject(3, OffsetDateTime.class));
                        assertArrayEquals(new byte[] {(byte) i, 7}, rows.getBytes(4));
                    }
                    assertEquals(count, i);
                }
            }
        }
    }

    @Test
    public void aTakenKeyFailsTheStatementWithTheKeysState() throws Exception {
        try (Connection connection = table(); RowInsert insert = new RowInsert(connection, "t", "id", "name", "at",
                "data")) {
            insert.add(1, "one", time(1), new byte[0]);
            insert.add(1, "again", time(1), new byte[0]);
            SQLException e = assertThrows(SQLException.class, insert::flush);
            assertEquals("23505", e.getSQLState());
            assertThrows(IllegalArgumentException.class, () -> insert.add(1, "too few"));
        }
    }

    private static OffsetDateTime time(int i) {
        return OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)).plusMinutes(i);
    }

    private static Connection table() throws SQLException {
        Connection connection = new org.h2.Driver().connect("jdbc:h2:mem:", new Properties());
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR, at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "data BYTEA NOT NULL)");
        }
        return connection;
    }
}
