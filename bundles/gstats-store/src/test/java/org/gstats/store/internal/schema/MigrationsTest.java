package org.gstats.store.internal.schema;

import static org.junit.Assert.assertEquals;

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
 * Two processes that open a fresh shared store at once: each runs Flyway with its own
 * connections (as two processes do), and Flyway's lock on the PostgreSQL server lets one run the
 * steps while the other waits and then finds nothing to do. (An H2 file is one process's at a
 * time: the second is refused, {@code StoreFaultsTest}.)
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

    @Test
    public void twoProcessesMigratingAFreshStoreAtOnceRunEachStepOnce() throws Exception {
        String url = server.newDatabase("fresh");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService processes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                DataSource own = dataSource(url);
                runs.add(processes.submit(() -> {
                    start.await();
                    Migrations.flyway(own, 0).migrate();
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
            try (ResultSet rows = statement.executeQuery("SELECT version FROM " + Migrations.HISTORY_TABLE_SQL
                    + " WHERE success ORDER BY installed_rank")) {
                List<String> versions = new ArrayList<>();
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
                assertEquals(IntStream.rangeClosed(1, Schema.CURRENT).mapToObj(Integer::toString).toList(), versions);
            }
            Schema.verify(connection, url);
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
