package org.gstats.store.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * none when the store had them), and read back in the same order as often as the write is tried.
 *
 * <p>Layout per record: the id, the parent ids joined by spaces, author name and email, author
 * time (epoch seconds and nanoseconds), committer name and email, commit time, summary, the two
 * zones in minutes, then the length of the encoded changes (-1 for none) and their bytes. A text
 * is its UTF-8 length (-1 for null) and bytes.
 */
final class ScanSpill implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private DataOutputStream out;
    private int commits;

    private ScanSpill(Path file, DataOutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** A new, empty file in the folder (the JVM's temporary folder, never the repository). */
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
        writeText(commit.id());
        writeText(String.join(" ", commit.parentIds()));
        writeText(commit.authorName());
        writeText(commit.authorEmail());
        writeTime(commit.authorTime());
        writeText(commit.committerName());
        writeText(commit.committerEmail());
        writeTime(commit.commitTime());
        writeText(commit.summary());
        out.writeInt(commit.authorZoneMinutes());
        out.writeInt(commit.commitZoneMinutes());
        if (changes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(changes.length);
            out.write(changes);
        }
        commits++;
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

    /** Reads every record, in the order they were appended, from the start of the file. */
    void read(Visitor visitor) throws IOException, SQLException {
        seal();
        try (InputStream stream = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(stream, BUFFER))) {
            for (int i = 0; i < commits; i++) {
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
                int authorZone = in.readInt();
                int commitZone = in.readInt();
                int length = in.readInt();
                byte[] changes = null;
                if (length >= 0) {
                    changes = new byte[length];
                    in.readFully(changes);
                }
                visitor.visit(new CommitInfo(id, parentIds, authorName, authorEmail, authorTime, committerName,
                        committerEmail, commitTime, summary, authorZone, commitZone), changes);
            }
            if (in.read() != -1) {
                throw new IOException("the scan's temporary file " + file + " holds more than it was given");
            }
        } catch (EOFException e) {
            throw new IOException("the scan's temporary file " + file + " ends too early", e);
        }
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
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private void writeTime(OffsetDateTime time) throws IOException {
        Instant instant = time.toInstant();
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** In UTC: {@link CommitInfo}'s constructor sets the offset from the zone minutes. */
    private static OffsetDateTime readTime(DataInputStream in) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC);
    }
}
