package org.gstats.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.gstats.api.BlobResults;
import org.gstats.api.store.StoreException;

/**
 * The content plugins' per-blob results for one scan. What earlier scans stored is read once
 * per analyser, when it first asks, and only for the blobs at the head of the repository's
 * latest stored scan: those a rescan finds again, read in one query, with no connection held
 * while the scan runs. What the plugins put is kept in memory and written with the scan
 * ({@link #write}); a result already stored is not written again.
 */
final class StoredBlobResults implements BlobResults {

    private static final int BATCH = 500;

    /** An analyser's result for a blob. */
    private record Key(String analyser, String blobId) {
    }

    private final Database database;
    private final Supplier<String> repository;
    private final Map<String, Map<String, byte[]>> stored = new HashMap<>();
    private final Map<Key, byte[]> added = new ConcurrentHashMap<>();

    /** @param repository the scanned repository's path as the store keeps it, once the scan has started */
    StoredBlobResults(Database database, Supplier<String> repository) {
        this.database = database;
        this.repository = repository;
    }

    @Override
    public byte[] get(String analyser, String blobId) {
        byte[] result = stored(analyser).get(blobId);
        return result != null ? result : added.get(new Key(analyser, blobId));
    }

    @Override
    public void put(String analyser, String blobId, byte[] result) {
        if (!stored(analyser).containsKey(blobId)) {
            added.putIfAbsent(new Key(analyser, blobId), result);
        }
    }

    /**
     * The analyser's results for the blobs of the latest stored scan's head. A store that cannot
     * be read now (another process holds it) gives none: the plugin computes them, as cold.
     */
    private synchronized Map<String, byte[]> stored(String analyser) {
        Map<String, byte[]> results = stored.get(analyser);
        if (results == null) {
            results = new HashMap<>();
            String path = repository.get();
            if (path != null) {
                try {
                    load(analyser, path, results);
                } catch (StoreException | SQLException e) {
                    results.clear();
                }
            }
            stored.put(analyser, results);
        }
        return results;
    }

    private void load(String analyser, String path, Map<String, byte[]> results)
            throws StoreException, SQLException {
        Connection connection = database.open();
        try (PreparedStatement select = connection.prepareStatement("SELECT b.blob_id, b.result FROM blob_results b "
                + "WHERE b.analyser = ? AND b.blob_id IN (SELECT f.blob_id FROM files f WHERE f.scan_id = "
                + "(SELECT MAX(s.scan_id) FROM scans s JOIN repositories r ON r.repository_id = s.repository_id "
                + "WHERE r.path = ?))")) {
            select.setString(1, analyser);
            select.setString(2, path);
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    results.put(rows.getString(1), rows.getBytes(2));
                }
            }
            connection.rollback();
        } finally {
            Database.closeQuietly(connection);
        }
    }

    /** Writes the results put in this scan that the store does not hold yet, in the caller's transaction. */
    void write(Connection connection) throws SQLException {
        if (added.isEmpty()) {
            return;
        }
        Map<String, Set<String>> presentByAnalyser = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO blob_results (analyser, blob_id, result) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<Key, byte[]> entry : added.entrySet()) {
                Key key = entry.getKey();
                // another scan may have stored it since this one started
                Set<String> present = presentByAnalyser.get(key.analyser());
                if (present == null) {
                    present = blobIds(connection, key.analyser());
                    presentByAnalyser.put(key.analyser(), present);
                }
                if (!present.add(key.blobId())) {
                    continue;
                }
                insert.setString(1, key.analyser());
                insert.setString(2, key.blobId());
                insert.setBytes(3, entry.getValue());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }

    private static Set<String> blobIds(Connection connection, String analyser) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT blob_id FROM blob_results WHERE analyser = ?")) {
            select.setString(1, analyser);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
