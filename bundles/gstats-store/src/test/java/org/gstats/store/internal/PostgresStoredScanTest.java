package org.gstats.store.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.gstats.api.scan.ScanRequest;
import org.gstats.api.store.StoreException;
import org.gstats.testkit.PostgresServer;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The store suite of {@link StoredScanTest} on a real PostgreSQL server (a throwaway one,
 * {@link PostgresServer}), each test on a database of its own; and what a server that is down
 * or refuses the password does.
 */
public class PostgresStoredScanTest extends StoredScanTest {

    private static PostgresServer server;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private String url;

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

    @Override
    protected String storeUrl() throws IOException {
        if (url == null) {
            try {
                url = server.newDatabase("store" + DATABASES.incrementAndGet());
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        return url;
    }

    @Override
    protected ScanStoreImpl store() throws IOException {
        return Stores.h2AndPostgres(storeUrl(), PostgresServer.USER, PostgresServer.PASSWORD, "scanner 1");
    }

    @Test
    public void aWrongPasswordIsOneLine() throws Exception {
        ScanStoreImpl store = Stores.h2AndPostgres(storeUrl(), PostgresServer.USER, "wrong", "scanner 1");
        StoreException refused = assertThrows(StoreException.class,
                () -> store.open(ScanRequest.builder(history().dir()).build()));
        assertOneLine(refused);
        assertTrue(refused.getMessage(), refused.getMessage().contains("password authentication failed"));
    }

    @Test
    public void aServerThatIsDownIsOneLine() throws Exception {
        ScanStoreImpl store = Stores.h2AndPostgres("jdbc:postgresql://127.0.0.1:" + freePort() + "/gstats",
                PostgresServer.USER, null, "scanner 1");
        StoreException refused = assertThrows(StoreException.class,
                () -> store.open(ScanRequest.builder(history().dir()).build()));
        assertOneLine(refused);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void assertOneLine(StoreException e) {
        assertFalse(e.getMessage(), e.getMessage().contains("\n"));
        assertFalse(e.getMessage(), e.getMessage().contains("org.postgresql"));
    }
}
