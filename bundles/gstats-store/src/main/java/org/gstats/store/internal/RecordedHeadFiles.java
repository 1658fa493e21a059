package org.gstats.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.gstats.api.FileInfo;

/**
 * What the repository's latest scan under the same change settings (the scanner's version among
 * them) told of the blobs at its head: each one's size, line count and binary flag, which a blob
 * id keeps for ever. A rescan's head files whose blobs are among them are told without reading
 * the blobs. Read beside the scan, with the per-blob results.
 */
final class RecordedHeadFiles {

    static final RecordedHeadFiles NONE = new RecordedHeadFiles(Map.of());

    /** What was told of each blob, as the info of a file without a path. */
    private final Map<String, FileInfo> byBlob;

    private RecordedHeadFiles(Map<String, FileInfo> byBlob) {
        this.byBlob = byBlob;
    }

    /**
     * The head's blobs of the repository's latest scan under the settings; none when either is not
     * stored yet. A row that breaks {@link FileInfo}'s rule (lines -1 exactly for a binary file, a
     * size of 0 or more), which only a damaged store holds, is left out: its blob is read.
     */
    static RecordedHeadFiles load(Connection connection, Long repositoryId, Long settingsId) throws SQLException {
        if (repositoryId == null || settingsId == null) {
            return NONE;
        }
        Map<String, FileInfo> byBlob = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT f.blob_id, f.size, f.lines, f.is_binary "
                + "FROM files f WHERE f.scan_id = (SELECT MAX(s.scan_id) FROM scans s WHERE s.repository_id = ? "
                + "AND s.settings_id = ?) AND f.blob_id IS NOT NULL")) {
            select.setLong(1, repositoryId);
            select.setLong(2, settingsId);
            select.setFetchSize(500);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    try {
                        byBlob.put(rows.getString(1), new FileInfo("", rows.getLong(2), rows.getInt(3),
                                rows.getBoolean(4)));
                    } catch (IllegalArgumentException e) {
                        // a damaged row: its blob is read
                    }
                }
            }
        }
        return new RecordedHeadFiles(byBlob);
    }

    /** The file's info as told of its blob; null when it was not. */
    FileInfo of(String path, String blobId) {
        FileInfo told = byBlob.get(blobId);
        return told == null ? null : new FileInfo(path, told.size(), told.lines(), told.binary());
    }

    int size() {
        return byBlob.size();
    }
}
