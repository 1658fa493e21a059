package org.gstats.store.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.gstats.api.CommitInfo;

/**
 * The commits a scan reported and the changes it computed, kept in a temporary file until the
 * session writes them: on git/git (81,966 commits) they are some 60 MB of objects, more than a
 * scan under {@code -Xmx128m} can hold beside its own work. Each commit is one record, appended
 * as the scan goes (its store columns, then its changes as {@link ChangeCodec} encodes them, or
 * none when the store had them), and read back as often as the write is tried, in commit id order:
 * rows inserted in key order append to the database's B-trees, where the walk's order rewrote
 * pages all over them at each step of 1,000 rows (a cold git/git store under {@code -Xmx128m}: a
 * 537 MB file for 44 MB of live rows). Memory keeps, per commit, its place in the file and the
 * first 60 bits of its id (16 bytes), which order the records, and once read, that order (4 bytes).
 *
 * <p>Layout per record: the id, the parent ids joined by spaces, author name and email, author
 * time (epoch seconds and nanoseconds), committer name and email, commit time, summary, the two
 * zones in minutes, then the length of the encoded changes (-1 for none) and their bytes. A text
 * is its UTF-8 length (-1 for null) and bytes.
 */
final class ScanSpill implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    /** Hex digits of an id that make its sort key: 60 bits, a non-negative long. */
    private static final int KEY_DIGITS = 15;

    private final Path file;
    private DataOutputStream out;
    /** The record being appended, before it goes to the file with its length known. */
    private final ByteArrayOutputStream record = new ByteArrayOutputStream(512);
    private final DataOutputStream recordOut = new DataOutputStream(record);
    private int commits;
    private long written;
    private long[] keys = new long[1024];
    private long[] offsets = new long[1024];
    /** The records' numbers in id order, once sealed. */
    private int[] order;

    private ScanSpill(Path file, DataOutputStream out) {
        this.file = file;
        this.out = out;
    }

    /**
     * A new, empty file in the folder (the store bundle's data area in a framework, else the
     * system's temp folder; never the repository).
     */
    static ScanSpill create(Path folder) throws IOException {
        Path file = Files.createTempFile(folder, "gstats-scan-", ".spill");
        try {
            return new ScanSpill(file, new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                    BUFFER)));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** How many commits were appended. */
    int commits() {
        return commits;
    }

    /** @param changes the commit's encoded changes; null when the scan did not compute them */
    void append(CommitInfo commit, byte[] changes) throws IOException {
        record.reset();
        writeText(commit.id());
        writeText(String.join(" ", commit.parentIds()));
        writeText(commit.authorName());
        writeText(commit.authorEmail());
        writeTime(commit.authorTime());
        writeText(commit.committerName());
        writeText(commit.committerEmail());
        writeTime(commit.commitTime());
        writeText(commit.summary());
        recordOut.writeInt(commit.authorZoneMinutes());
        recordOut.writeInt(commit.commitZoneMinutes());
        if (changes == null) {
            recordOut.writeInt(-1);
        } else {
            recordOut.writeInt(changes.length);
            recordOut.write(changes);
        }
        if (commits == keys.length) {
            keys = Arrays.copyOf(keys, commits * 2);
            offsets = Arrays.copyOf(offsets, commits * 2);
        }
        keys[commits] = key(commit.id());
        offsets[commits] = written;
        record.writeTo(out);
        written += record.size();
        commits++;
    }

    private static long key(String id) {
        long key = 0;
        for (int i = 0; i < KEY_DIGITS; i++) {
            key = key << 4 | (i < id.length() ? Math.max(Character.digit(id.charAt(i), 16), 0) : 0);
        }
        return key;
    }

    /** Ends the appending: what follows only reads. */
    void seal() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** What reading a record does; SQL failures go through, file failures stop the reading. */
    @FunctionalInterface
    interface Visitor {
        /** @param changes the encoded changes the scan computed, or null */
        void visit(CommitInfo commit, byte[] changes) throws SQLException;
    }

    /**
     * Reads every record, in commit id order (by the ids' first bits, then as appended; see
     * {@link #order()}).
     */
    void read(Visitor visitor) throws IOException, SQLException {
        seal();
        int[] order = order();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != written) {
                throw new IOException("the scan's temporary file " + file + " is not the size it was written");
            }
            // one buffer for every record, grown to the largest
            ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
            for (int i : order) {
                long end = i + 1 < commits ? offsets[i + 1] : written;
                int length = Math.toIntExact(end - offsets[i]);
                if (length > bytes.capacity()) {
                    bytes = ByteBuffer.allocate(length);
                }
                bytes.clear().limit(length);
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, offsets[i] + bytes.position()) < 0) {
                        throw new IOException("the scan's temporary file " + file + " ends too early");
                    }
                }
                visit(bytes.flip(), visitor);
            }
        } catch (BufferUnderflowException e) {
            throw new IOException("the scan's temporary file " + file + " holds a damaged record", e);
        }
    }

    /**
     * The records' numbers in id order, sorted once: each id's key with its low bits replaced by
     * the record's number, sorted as plain longs (a sort of boxed numbers through a comparator was
     * a tenth of the history writer's samples, done once per reading). Ids alike in their first
     * 60 bits less the number's (43 bits for 100,000 commits) keep the order they were appended in;
     * the order only keeps the database's B-trees appended to.
     */
    private int[] order() {
        if (order == null) {
            int numberBits = Math.max(1, Integer.SIZE - Integer.numberOfLeadingZeros(commits));
            long number = (1L << numberBits) - 1;
            long[] sorted = new long[commits];
            for (int i = 0; i < commits; i++) {
                sorted[i] = keys[i] & ~number | i;
            }
            Arrays.sort(sorted);
            order = new int[commits];
            for (int i = 0; i < commits; i++) {
                order[i] = (int) (sorted[i] & number);
            }
        }
        return order;
    }

    private static void visit(ByteBuffer in, Visitor visitor) throws IOException, SQLException {
        String id = readText(in);
        String parents = readText(in);
        List<String> parentIds = parents.isEmpty() ? List.of() : Arrays.asList(parents.split(" "));
        String authorName = readText(in);
        String authorEmail = readText(in);
        OffsetDateTime authorTime = readTime(in);
        String committerName = readText(in);
        String committerEmail = readText(in);
        OffsetDateTime commitTime = readTime(in);
        String summary = readText(in);
        int authorZone = in.getInt();
        int commitZone = in.getInt();
        int length = in.getInt();
        byte[] changes = null;
        if (length >= 0) {
            if (length > in.remaining()) {
                throw new BufferUnderflowException();
            }
            changes = new byte[length];
            in.get(changes);
        }
        if (in.hasRemaining()) {
            throw new IOException("a record of the scan's temporary file is longer than it should be");
        }
        visitor.visit(new CommitInfo(id, parentIds, authorName, authorEmail, authorTime, committerName,
                committerEmail, commitTime, summary, authorZone, commitZone), changes);
    }

    /** Deletes the file; again is nothing. */
    @Override
    public void close() throws IOException {
        try {
            seal();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void writeText(String text) throws IOException {
        if (text == null) {
            recordOut.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        recordOut.writeInt(utf8.length);
        recordOut.write(utf8);
    }

    private void writeTime(OffsetDateTime time) throws IOException {
        Instant instant = time.toInstant();
        recordOut.writeLong(instant.getEpochSecond());
        recordOut.writeInt(instant.getNano());
    }

    /** A text from the record's buffer, decoded in place. */
    private static String readText(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /** In UTC: {@link CommitInfo}'s constructor sets the offset from the zone minutes. */
    private static OffsetDateTime readTime(ByteBuffer in) {
        long seconds = in.getLong();
        int nanos = in.getInt();
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC);
    }
}
