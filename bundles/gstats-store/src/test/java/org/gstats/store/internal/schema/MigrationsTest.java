package org.gstats.store.internal.schema;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.gstats.testkit.PostgresServer;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Migrations of a shared store on a real PostgreSQL server. Processes that open a fresh store at
 * once each migrate with connections of their own (threads here, each with its own data source,
 * as processes do): the server's lock lets one run the steps while the others wait and then find
 * nothing to do. (An H2 file is
 * one process's at a time: the second is refused, {@code StoreFaultsTest}.)
 */
public class MigrationsTest {

    private static PostgresServer server;

    @BeforeClass
    public static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Raced a few times by four: without the server's lock (Flyway's alone), one of them failed
     * here with Flyway's "Unable to baseline schema history table "public"."store_migrations" as it
     * already exists, and is empty"; a fresh store is now created without Flyway, under the same lock.
     */
    @Test
    public void processesMigratingAFreshStoreAtOnceRunEachStepOnce() throws Exception {
        for (int round = 1; round <= RACES; round++) {
            race(server.newDatabase("fresh" + round));
        }
    }

    private static final int RACES = 5;
    private static final int PROCESSES = 4;

    private static void race(String url) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService processes = Executors.newFixedThreadPool(PROCESSES);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                DataSource own = dataSource(url);
                runs.add(processes.submit(() -> {
                    try (Connection connection = own.getConnection()) {
                        start.await();
                        Schema.migrate(own, connection, url);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            processes.shutdownNow();
        }

        try (Connection connection = dataSource(url).getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(Schema.CURRENT, Schema.version(connection));
            assertFalse("a fresh store is created without Flyway", Schema.isTable(connection, Migrations.HISTORY_TABLE));
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + Schema.VERSION_TABLE)) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
            Schema.verify(connection, url);
        }
    }

    /**
     * A shared database that holds tables of others but no store: Flyway takes it as a store of
     * version 0 (its baseline, since the schema is not empty), runs every step, and leaves the
     * other tables alone.
     */
    @Test
    public void aDatabaseWithOtherTablesGainsTheStoreBesideThem() throws Exception {
        String url = server.newDatabase("shared");
        try (Connection connection = dataSource(url).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
            statement.execute("INSERT INTO invoices VALUES (42)");
        }

        Migrations.flyway(dataSource(url), 0).migrate();

        try (Connection connection = dataSource(url).getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(Schema.CURRENT, Schema.version(connection));
            Schema.verify(connection, url);
            try (ResultSet rows = statement.executeQuery("SELECT id FROM invoices")) {
                rows.next();
                assertEquals(42, rows.getInt(1));
            }
            assertEquals(IntStream.rangeClosed(0, Schema.CURRENT).mapToObj(Integer::toString).toList(),
                    versions(statement));
        }
    }

    /** The versions in Flyway's history, oldest first, with the baseline when there is one. */
    private static List<String> versions(Statement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery("SELECT version FROM " + Migrations.HISTORY_TABLE_SQL
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }

    private static DataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        return dataSource;
    }
}
