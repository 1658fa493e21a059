package org.gstats.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gstats.api.BlobResults;

/**
 * The content plugins' per-blob results for one scan. What earlier scans stored is read when
 * the session opens, in the same query pass as the recorded changes, for the blobs at the head
 * of the repository's latest stored scan: those a rescan finds again. What the plugins put is
 * kept in memory and written ({@link #write}) by the history's writer, those put by then, and
 * with the scan, the rest; a result already stored is not written again.
 */
final class StoredBlobResults implements BlobResults {

    private static final int BATCH = 500;

    /** An analyser's result for a blob. */
    private record Key(String analyser, String blobId) {
    }

    private final Map<Key, byte[]> stored;
    /** The head commit whose whole-head results were read; null when none were. */
    private final String storedHeadId;
    private final Map<Key, byte[]> added = new ConcurrentHashMap<>();
    /** Those of {@link #added} that a committed transaction wrote. */
    private final Set<Key> written = ConcurrentHashMap.newKeySet();

    private StoredBlobResults(Map<Key, byte[]> stored, String storedHeadId) {
        this.stored = stored;
        this.storedHeadId = storedHeadId;
    }

    /** None stored yet: a store that is not there (the scan creates it). */
    static StoredBlobResults none() {
        return new StoredBlobResults(new HashMap<>(), null);
    }

    /**
     * Every analyser's results for the blobs at the head of the latest stored scan of the
     * repository at {@code repository} (a path as the store keeps it), and those kept under that
     * scan's head commit (results over the whole head, such as the metrics plugin's clones).
     */
    static StoredBlobResults load(Connection connection, String repository) throws SQLException {
        Map<Key, byte[]> stored = new HashMap<>();
        String latest = "(SELECT MAX(s.scan_id) FROM scans s JOIN repositories r ON r.repository_id = s.repository_id "
                + "WHERE r.path = ?)";
        // two queries: H2 runs the two subqueries' union in one IN (or an OR of both) many times slower
        read(connection, "SELECT b.analyser, b.blob_id, b.result FROM blob_results b WHERE b.blob_id IN "
                + "(SELECT f.blob_id FROM files f WHERE f.scan_id = " + latest + ")", repository, stored);
        // the head's id comes with its results: with none, there is nothing to find under it
        String headId = read(connection, "SELECT b.analyser, b.blob_id, b.result FROM blob_results b WHERE b.blob_id = "
                + "(SELECT h.head_id FROM scans h WHERE h.scan_id = " + latest + ")", repository, stored);
        return new StoredBlobResults(stored, headId);
    }

    /** Reads the query's results into {@code stored}; the blob id of the last, or null when there was none. */
    private static String read(Connection connection, String query, String repository, Map<Key, byte[]> stored)
            throws SQLException {
        String blobId = null;
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, repository);
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    blobId = rows.getString(2);
                    stored.put(new Key(rows.getString(1), blobId), rows.getBytes(3));
                }
            }
        }
        return blobId;
    }

    @Override
    public byte[] get(String analyser, String blobId) {
        Key key = new Key(analyser, blobId);
        byte[] result = stored.get(key);
        return result != null ? result : added.get(key);
    }

    @Override
    public String storedHeadId() {
        return storedHeadId;
    }

    @Override
    public void put(String analyser, String blobId, byte[] result) {
        Key key = new Key(analyser, blobId);
        if (!stored.containsKey(key)) {
            added.putIfAbsent(key, result);
        }
    }

    /**
     * Writes the results put in this scan so far that the store does not hold yet, in the caller's
     * transaction; results put meanwhile are left to the next call.
     *
     * @return to be run once that transaction is committed: the next call writes none of these again
     */
    Runnable write(Connection connection) throws SQLException {
        Set<Key> keys = new HashSet<>(added.keySet());
        keys.removeAll(written);
        if (keys.isEmpty()) {
            return () -> { };
        }
        // another scan may have stored some since this one started
        Set<Key> present = present(connection, keys);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO blob_results (analyser, blob_id, result) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (Key key : keys) {
                if (present.contains(key)) {
                    continue;
                }
                insert.setString(1, key.analyser());
                insert.setString(2, key.blobId());
                insert.setBytes(3, added.get(key));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
        return () -> written.addAll(keys);
    }

    /**
     * Those of the keys the store holds, looked up by blob id, which leads the table's key
     * (reading an analyser's results instead would read the whole table).
     */
    private static Set<Key> present(Connection connection, Set<Key> keys) throws SQLException {
        List<String> blobIds = keys.stream().map(Key::blobId).distinct().toList();
        Set<Key> present = new HashSet<>();
        for (int from = 0; from < blobIds.size(); from += BATCH) {
            List<String> batch = blobIds.subList(from, Math.min(from + BATCH, blobIds.size()));
            try (PreparedStatement select = connection.prepareStatement("SELECT analyser, blob_id FROM blob_results "
                    + "WHERE blob_id IN (" + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")")) {
                for (int i = 0; i < batch.size(); i++) {
                    select.setString(i + 1, batch.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        present.add(new Key(rows.getString(1), rows.getString(2)));
                    }
                }
            }
        }
        return present;
    }
}
