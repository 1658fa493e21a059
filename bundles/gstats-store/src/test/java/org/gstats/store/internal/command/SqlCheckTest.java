package org.gstats.store.internal.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.sql.Connection;

import org.gstats.api.store.StoreException;
import org.gstats.store.internal.Database;
import org.gstats.store.internal.StoreLocation;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** gstats sql runs queries only, on a real H2 store: writes and DDL never reach the database. */
public class SqlCheckTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void queriesPass() {
        assertNull(SqlCheck.refusal("SELECT * FROM commits"));
        assertNull(SqlCheck.refusal("  with x as (select 1) select * from x;  "));
        assertNull(SqlCheck.refusal("SELECT 'a;b' AS \"odd;name\" FROM commits"));
    }

    @Test
    public void writesDdlAndSecondStatementsAreRefused() {
        assertTrue(SqlCheck.refusal("DELETE FROM commits").startsWith("sql only reads: DELETE"));
        assertTrue(SqlCheck.refusal("drop table commits").startsWith("sql only reads: DROP"));
        assertEquals("one statement at a time", SqlCheck.refusal("SELECT 1; DROP TABLE commits"));
        assertNotNull(SqlCheck.refusal("SELECT CSVWRITE('/tmp/x.csv', 'SELECT 1')"));
        assertNotNull(SqlCheck.refusal(""));
    }

    @Test
    public void aMistypedKeywordIsABadQueryNotARefusedWrite() {
        assertEquals("bad query: 'SELEC' does not start a query (use SELECT, WITH, VALUES or TABLE)",
                SqlCheck.refusal("selec 1"));
    }

    @Test
    public void badQueriesAreOneLineOfBadUsage() throws Exception {
        StoreAdmin admin = new StoreAdmin(database());
        try (Connection connection = database().open()) {
            // creates the schema
        }
        StoreException unknown = assertThrows(StoreAdmin.BadQuery.class, () -> admin.query("SELECT * FROM nope"));
        assertEquals("bad query: Table \"NOPE\" not found", unknown.getMessage());
        StoreException syntax = assertThrows(StoreAdmin.BadQuery.class, () -> admin.query("SELECT FROM WHERE"));
        assertTrue(syntax.getMessage(), syntax.getMessage().startsWith("bad query: Syntax error"));
        assertEquals(0, admin.query("SELECT * FROM commits").rowCount());
    }

    private Database database() throws IOException, StoreException {
        StoreLocation location = new StoreLocation(
                "jdbc:h2:file:" + temp.getRoot().toPath().resolve("store").toAbsolutePath(), null, null);
        return Database.of(location, driver -> new OsgiDataSourceFactory(new org.h2.Driver()));
    }
}
