package org.gstats.store.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.gstats.store.internal.schema.Schema;
import org.gstats.store.internal.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of a scan's report tables ({@code head_functions}, {@code head_hotspots}), derived from the
 * values of {@code pending_head_rows} when something reads them, as {@link CommitRows} derives
 * {@code commits}'. A scan that does not share a table's rows with the repository's previous scan writes
 * them as one value, a row of {@code pending_head_rows}; the first read of those tables or their views
 * ({@code gstats sql}, the fleet) adds the rows, each value's in the transaction that claims (deletes) it,
 * on {@link ChangeRows}' turns. What a rescan needs of them, whether they are the same, it takes from
 * {@code scans}' digests, never from the rows. The head's files stay rows ({@code head_files}): a scan's
 * open reads the latest head's blob ids from them, to find their per-blob results.
 *
 * <p>The encoding follows the table's columns ({@link Tables.Table#reportColumns()}: all but {@code scan_id} and
 * {@code row_no}, which a row's place gives): a version byte, the row count, then each row's values in
 * column order, each a presence byte and the value as its column's type reads it; deflated when kept. Its
 * SHA-256 is the rows' digest ({@code scans.functions_digest}, …), for the head's files too.
 */
public final class HeadRows {

    private static final Logger LOG = LoggerFactory.getLogger("gstats.store");

    /** The encoding's first byte: another tells a value this gstats cannot read. */
    private static final int FORMAT = 1;

    /** Rows inserted per batch when a value's rows are added. */
    private static final int BATCH = 1000;

    /** The kinds of a head's rows kept so: those that copy a report table. */
    static final List<Tables.Shared> KINDS = Tables.SHARED.stream()
            .filter(shared -> Tables.FROM_REPORT.contains(shared.rows())).toList();

    private HeadRows() {
    }

    /**
     * A head table's rows in the encoding, not yet deflated, and their SHA-256, which tells the next scan whether its
     * rows are the same.
     */
    record Encoded(int rows, byte[] bytes, String digest) {
    }

    /** The rows encoded; each row's values in the order of the table's {@link Tables.Table#reportColumns()}. */
    static Encoded encoded(Tables.Table table, List<List<Object>> rows) {
        List<Tables.Column> columns = table.reportColumns();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(rows.size());
            for (List<Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    write(out, columns.get(i), row.get(i));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("a byte array takes every write", e);
        }
        byte[] encoded = bytes.toByteArray();
        try {
            return new Encoded(rows.size(), encoded,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Writes a scan's rows of a report table as its pending value, in the caller's transaction; nothing for none. */
    static void write(Connection connection, long scanId, Tables.Table table, Encoded rows) throws SQLException {
        if (rows.rows() == 0) {
            return;
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_SPEED),
                1 << 16)) {
            out.write(rows.bytes());
        } catch (IOException e) {
            throw new IllegalStateException("a byte array takes every write", e);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + Tables.PENDING_HEAD_ROWS.name()
                + " (scan_id, table_name, row_count, encoded) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, scanId);
            insert.setString(2, table.name());
            insert.setInt(3, rows.rows());
            insert.setBytes(4, deflated.toByteArray());
            insert.executeUpdate();
        }
    }

    /** A value as its column's type keeps it; a report's number for an integer column is taken as one. */
    private static void write(DataOutputStream out, Tables.Column column, Object value) throws IOException {
        out.writeBoolean(value != null);
        if (value == null) {
            return;
        }
        switch (column.jdbcType()) {
            case Types.VARCHAR -> {
                byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            case Types.INTEGER -> out.writeInt(value instanceof Number number ? number.intValue()
                    : Integer.parseInt(value.toString()));
            case Types.BIGINT -> out.writeLong(value instanceof Number number ? number.longValue()
                    : Long.parseLong(value.toString()));
            case Types.DOUBLE -> out.writeDouble(value instanceof Number number ? number.doubleValue()
                    : Double.parseDouble(value.toString()));
            case Types.BOOLEAN -> out.writeBoolean((Boolean) value);
            default -> throw new IllegalStateException("a report table's column of type " + column.type());
        }
    }

    /** The rows of a value; an IllegalArgumentException for a damaged one. */
    static List<Object[]> decoded(Tables.Table table, byte[] encoded) {
        List<Tables.Column> columns = table.reportColumns();
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(encoded)))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("an unknown encoding of " + table.name() + "' rows");
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IllegalArgumentException("a negative count of " + table.name() + "' rows");
            }
            List<Object[]> rows = new ArrayList<>(Math.min(count, 1 << 16));
            for (int r = 0; r < count; r++) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = in.readBoolean() ? read(in, columns.get(i)) : null;
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged rows of " + table.name() + ": " + e.getMessage(), e);
        }
    }

    private static Object read(DataInputStream in, Tables.Column column) throws IOException {
        return switch (column.jdbcType()) {
            case Types.VARCHAR -> {
                int length = in.readInt();
                if (length < 0) {
                    throw new IOException("a negative length");
                }
                yield new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            case Types.INTEGER -> in.readInt();
            case Types.BIGINT -> in.readLong();
            case Types.DOUBLE -> in.readDouble();
            case Types.BOOLEAN -> in.readBoolean();
            default -> throw new IllegalStateException("a report table's column of type " + column.type());
        };
    }

    /** One row of pending_head_rows, without its value. */
    private record Pending(long scanId, Tables.Table table) {
    }

    /**
     * Adds the rows of every pending value, each value's committed with its claim; the caller holds
     * {@link ChangeRows}' turn. A store older than {@link Tables#DERIVED_HEADS} has every head's rows.
     *
     * @return the rows added
     */
    public static long expand(Connection connection) throws SQLException {
        if (Schema.version(connection) < Tables.DERIVED_HEADS) {
            return 0;
        }
        List<Pending> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT scan_id, table_name FROM "
                        + Tables.PENDING_HEAD_ROWS.name() + " ORDER BY scan_id, table_name")) {
            while (rows.next()) {
                String name = rows.getString(2);
                // the schema's version is this gstats': every name is one of its tables
                Tables.Table table = KINDS.stream().map(Tables.Shared::rows).filter(each -> each.name().equals(name))
                        .findFirst().orElseThrow();
                values.add(new Pending(rows.getLong(1), table));
            }
        }
        connection.commit();
        if (values.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        long added = 0;
        int damaged = 0;
        String key = " WHERE scan_id = ? AND table_name = ?";
        try (PreparedStatement read = connection.prepareStatement(
                        "SELECT encoded FROM " + Tables.PENDING_HEAD_ROWS.name() + key);
                PreparedStatement claim = connection.prepareStatement(
                        "DELETE FROM " + Tables.PENDING_HEAD_ROWS.name() + key)) {
            for (Pending value : values) {
                byte[] encoded = null;
                read.setLong(1, value.scanId());
                read.setString(2, value.table().name());
                try (ResultSet row = read.executeQuery()) {
                    if (row.next()) {
                        encoded = row.getBytes(1);
                    }
                }
                claim.setLong(1, value.scanId());
                claim.setString(2, value.table().name());
                if (encoded == null || claim.executeUpdate() == 0) {
                    connection.rollback();
                    continue; // another read's (it ran first)
                }
                try {
                    added += insert(connection, value.scanId(), value.table(), decoded(value.table(), encoded));
                } catch (IllegalArgumentException e) {
                    damaged++;
                }
                connection.commit();
            }
        }
        if (damaged > 0) {
            LOG.warn("the report tables lack the rows of {} recorded values that cannot be read", damaged);
        }
        LOG.debug("report tables: {} rows derived from the recorded values in {} ms", added,
                (System.nanoTime() - started) / 1_000_000);
        return added;
    }

    /** Inserts a scan's rows of a report table, each with its place; returns how many. */
    private static long insert(Connection connection, long scanId, Tables.Table table, List<Object[]> rows)
            throws SQLException {
        List<Tables.Column> columns = table.reportColumns();
        String names = columns.stream().map(Tables.Column::name).collect(Collectors.joining(", "));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.name()
                + " (scan_id, row_no, " + names + ") VALUES (?, ?" + ", ?".repeat(columns.size()) + ")")) {
            int rowNo = 0;
            int batched = 0;
            for (Object[] row : rows) {
                insert.setLong(1, scanId);
                insert.setInt(2, rowNo++);
                for (int i = 0; i < row.length; i++) {
                    int type = columns.get(i).jdbcType();
                    if (row[i] == null) {
                        insert.setNull(3 + i, type);
                    } else {
                        insert.setObject(3 + i, row[i], type);
                    }
                }
                insert.addBatch();
                if (++batched == BATCH) {
                    insert.executeBatch();
                    batched = 0;
                }
            }
            insert.executeBatch();
        }
        return rows.size();
    }

    /**
     * The rows a report table or its view would gain from the values still pending, counted from
     * the values' row counts without adding them; 0 for any other table.
     */
    static long pendingRows(Connection connection, Tables.Table table) throws SQLException {
        Tables.Shared kind = KINDS.stream().filter(shared -> shared.rows() == table || shared.view() == table)
                .findFirst().orElse(null);
        if (kind == null || Schema.version(connection) < Tables.DERIVED_HEADS) {
            return 0;
        }
        // a view gives a scan's rows once for each scan that shares them
        String sql = table == kind.rows()
                ? "SELECT COALESCE(SUM(row_count), 0) FROM " + Tables.PENDING_HEAD_ROWS.name() + " WHERE table_name = ?"
                : "SELECT COALESCE(SUM(p.row_count), 0) FROM scans s JOIN " + Tables.PENDING_HEAD_ROWS.name()
                        + " p ON p.scan_id = s." + kind.from() + " WHERE p.table_name = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, kind.rows().name());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
