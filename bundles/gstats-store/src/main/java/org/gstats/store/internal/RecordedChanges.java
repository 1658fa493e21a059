package org.gstats.store.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a scan's open reads of {@code commit_changes}: the recorded changes under the scan's settings, still
 * encoded (a commit is decoded when the walk meets it), of every commit for a repository the store does not know,
 * else of the repository's commits (its rows of {@code commits} and those still pending, {@link CommitRows}).
 *
 * <p>A repository's values are read in one pass over the settings' values, in the key's order, until the pass has
 * met more values of other commits than the repository has commits (in a store of one repository, or of its clones,
 * it never does): on commons-lang the pass took 90-140 ms in a new JVM where looking each up by its key took
 * 180-260 ms, on a rescan's critical path. Past that point (a small repository beside a large one) the pass stops
 * and the rest are looked up by their key, the ids joined to
 * the values in the key's order, so that H2 reads each page of the key once. Counting the values first, to choose,
 * took 90 ms on git/git's store.
 */
final class RecordedChanges {

    private static final int FETCH = 1000;

    private RecordedChanges() {
    }

    /**
     * What was read.
     *
     * @param changes        the recorded changes by commit id, encoded ({@link ChangeCodec})
     * @param withoutChanges of a repository's commits, those the store has without changes under the settings (a
     *                       scan that warned recorded them, or a scan under other settings); none when every commit's
     *                       changes were read
     */
    record Read(Map<String, byte[]> changes, Set<String> withoutChanges) {

        /** Nothing: a store that does not know the repository, or is new. */
        static Read none() {
            return new Read(new HashMap<>(), Set.of());
        }
    }

    /**
     * @param settingsId   the settings' id; null when the store has none (then nothing is recorded under them)
     * @param repositoryId the repository's id; null for every commit's
     */
    static Read read(Connection connection, Long settingsId, Long repositoryId) throws SQLException {
        Map<String, byte[]> read = new HashMap<>();
        if (repositoryId == null) {
            if (settingsId != null) {
                readAll(connection, settingsId, null, read);
            }
            return new Read(read, Set.of());
        }
        Set<String> ids = CommitRows.ids(connection, repositoryId);
        if (settingsId != null && !ids.isEmpty() && !readAll(connection, settingsId, ids, read)) {
            Set<String> rest = new HashSet<>(ids);
            rest.removeAll(read.keySet());
            lookUp(connection, settingsId, rest, read);
        }
        ids.removeAll(read.keySet());
        return new Read(read, ids);
    }

    /**
     * Every value under the settings, those of {@code ids} only unless it is null; stops, returning false, once
     * more values than {@code ids} holds were others': the repository's commits are not most of them, and what is
     * left is looked up. So a repository beside a larger one reads at most twice its own number of values here.
     */
    private static boolean readAll(Connection connection, long settingsId, Set<String> ids, Map<String, byte[]> read)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT commit_id, changes FROM commit_changes WHERE settings_id = ?")) {
            select.setLong(1, settingsId);
            select.setFetchSize(FETCH);
            try (ResultSet rows = select.executeQuery()) {
                long others = 0;
                while (rows.next()) {
                    String id = rows.getString(1);
                    if (ids == null || ids.contains(id)) {
                        read.put(id, rows.getBytes(2));
                    } else if (++others > ids.size()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static void lookUp(Connection connection, long settingsId, Set<String> ids, Map<String, byte[]> read)
            throws SQLException {
        Array array = connection.createArrayOf("VARCHAR", ids.stream().sorted().toArray(String[]::new));
        try (PreparedStatement select = connection.prepareStatement("SELECT c.commit_id, c.changes FROM "
                + "UNNEST(?) AS t(id) JOIN commit_changes c ON c.commit_id = t.id WHERE c.settings_id = ?")) {
            select.setArray(1, array);
            select.setLong(2, settingsId);
            select.setFetchSize(FETCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read.put(rows.getString(1), rows.getBytes(2));
                }
            }
        }
    }
}
