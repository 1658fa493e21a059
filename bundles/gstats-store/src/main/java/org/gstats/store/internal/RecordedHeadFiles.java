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

    private record Told(long size, int lines, boolean binary) {
    }

    private final Map<String, Told> byBlob;

    private RecordedHeadFiles(Map<String, Told> byBlob) {
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
        Map<String, Told> byBlob = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT f.blob_id, f.size, f.lines, f.is_binary "
                + "FROM files f WHERE f.scan_id = (SELECT MAX(s.scan_id) FROM scans s WHERE s.repository_id = ? "
                + "AND s.settings_id = ?) AND f.blob_id IS NOT NULL")) {
            select.setLong(1, repositoryId);
            select.setLong(2, settingsId);
            select.setFetchSize(500);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long size = rows.getLong(2);
                    int lines = rows.getInt(3);
                    boolean binary = rows.getBoolean(4);
                    if (size >= 0 && binary == (lines == -1)) {
                        byBlob.put(rows.getString(1), new Told(size, lines, binary));
                    }
                }
            }
        }
        return new RecordedHeadFiles(byBlob);
    }

    /** The file's info as told of its blob; null when it was not. */
    FileInfo of(String path, String blobId) {
        Told told = byBlob.get(blobId);
        return told == null ? null : new FileInfo(path, told.size(), told.lines(), told.binary());
    }

    int size() {
        return byBlob.size();
    }
}
