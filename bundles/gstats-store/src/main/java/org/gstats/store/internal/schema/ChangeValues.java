package org.gstats.store.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.gstats.api.ChangeType;
import org.gstats.api.FileChange;
import org.gstats.store.internal.ChangeCodec;

/**
 * Schema 8's data step: a commit whose changes a store of schema 4 recorded only as rows of
 * {@code file_changes} (and {@code changed_commits}), and that no scan has replayed since, gets
 * its value in {@code commit_changes}, encoded from those rows, before {@code changed_commits}
 * becomes the view of {@code commit_changes}: else the view would lose the commit while its rows
 * stayed. A store written since schema 5 has every value already: this finds none missing and
 * encodes nothing.
 */
final class ChangeValues {

    /** Values inserted per batch. */
    private static final int BATCH = 1000;

    private ChangeValues() {
    }

    /** Encodes and inserts the missing values, uncommitted. */
    static void encodeMissing(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT c.settings_id, c.commit_id, f.path, "
                + "f.old_path, f.change_type, f.insertions, f.deletions, f.is_binary, f.old_size, f.new_size, "
                + "f.lines_after FROM changed_commits c LEFT JOIN file_changes f ON f.settings_id = c.settings_id "
                + "AND f.commit_id = c.commit_id WHERE NOT EXISTS (SELECT 1 FROM commit_changes v WHERE "
                + "v.settings_id = c.settings_id AND v.commit_id = c.commit_id) ORDER BY c.settings_id, c.commit_id, "
                + "f.seq");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO commit_changes (settings_id, commit_id, changes) VALUES (?, ?, ?)");
                ResultSet rows = select.executeQuery()) {
            long settingsId = 0;
            String commitId = null;
            List<FileChange> changes = new ArrayList<>();
            int pending = 0;
            while (rows.next()) {
                if (commitId != null && (rows.getLong(1) != settingsId || !rows.getString(2).equals(commitId))) {
                    add(insert, settingsId, commitId, changes);
                    changes.clear();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                settingsId = rows.getLong(1);
                commitId = rows.getString(2);
                if (rows.getString(3) != null) {
                    changes.add(new FileChange(commitId, rows.getString(3), rows.getString(4),
                            ChangeType.valueOf(rows.getString(5)), rows.getInt(6), rows.getInt(7), rows.getBoolean(8),
                            rows.getLong(9), rows.getLong(10), rows.getInt(11)));
                }
            }
            if (commitId != null) {
                add(insert, settingsId, commitId, changes);
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, long settingsId, String commitId, List<FileChange> changes)
            throws SQLException {
        insert.setLong(1, settingsId);
        insert.setString(2, commitId);
        insert.setBytes(3, ChangeCodec.encode(changes));
        insert.addBatch();
    }
}
