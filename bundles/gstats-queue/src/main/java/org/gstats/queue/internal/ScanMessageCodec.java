package org.gstats.queue.internal;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;

/**
 * A compact binary form of the scanner's commit and file-change messages. Layout (varints are
 * unsigned LEB128, signed ones zig-zag; a string is varint length + 1 then UTF-8, 0 for null):
 *
 * <pre>
 * header:    'G' 'S' | version (1 byte) | kind (1 byte: 1 commit, 2 file change)
 *            | sequence (varint) | timestamp ms (varint) | body length (varint)
 * commit v1: id | parent count, parents | author name, email | author time | summary
 * commit v2: v1 | committer name, email | committer time
 * commit v3: v2 | author zone minutes (signed) | committer zone minutes (signed)
 * change v1: commit id | path | old path | type name | insertions | deletions | binary (1 byte)
 * change v2: v1 | old size | new size | lines after (signed)
 * time:      epoch second (signed varint) | offset seconds (signed varint)
 * </pre>
 *
 * Fields are only ever added at the end of a body, so a reader of version N reads a body of
 * N−1 and skips what N+1 appended, by the length. What version 1 lacks reads as: the author
 * for the committer; sizes 0 and lines after 0 (-1 for a binary file). Before version 3 a
 * zone is its time's offset (a zone beyond 18 hours, such as {@code +9999}, was UTC).
 */
final class ScanMessageCodec {

    static final int VERSION = 3;
    static final int COMMIT = 1;
    static final int FILE_CHANGE = 2;
    private static final byte[] MAGIC = {'G', 'S'};

    /**
     * A decoded message: the header's sequence, timestamp and version with the event, a
     * {@link CommitInfo} or a {@link FileChange}.
     */
    record Message(long sequence, Instant timestamp, int version, Object event) {
    }

    private ScanMessageCodec() {
    }

    static byte[] encode(long sequence, Instant timestamp, CommitInfo commit) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, commit.id());
        varint(body, commit.parentIds().size());
        for (String parent : commit.parentIds()) {
            string(body, parent);
        }
        string(body, commit.authorName());
        string(body, commit.authorEmail());
        time(body, commit.authorTime());
        string(body, commit.summary());
        string(body, commit.committerName());
        string(body, commit.committerEmail());
        time(body, commit.commitTime());
        varint(body, zigzag(commit.authorZoneMinutes()));
        varint(body, zigzag(commit.commitZoneMinutes()));
        return message(COMMIT, sequence, timestamp, body);
    }

    static byte[] encode(long sequence, Instant timestamp, FileChange change) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, change.commitId());
        string(body, change.path());
        string(body, change.oldPath());
        string(body, change.type().name());
        varint(body, change.insertions());
        varint(body, change.deletions());
        body.write(change.binary() ? 1 : 0);
        varint(body, change.oldSize());
        varint(body, change.newSize());
        varint(body, zigzag(change.linesAfter()));
        return message(FILE_CHANGE, sequence, timestamp, body);
    }

    private static byte[] message(int kind, long sequence, Instant timestamp, ByteArrayOutputStream body) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(MAGIC);
        message.write(VERSION);
        message.write(kind);
        varint(message, sequence);
        varint(message, timestamp.toEpochMilli());
        varint(message, body.size());
        message.writeBytes(body.toByteArray());
        return message.toByteArray();
    }

    /** @throws IllegalArgumentException bytes that are no scan message, or one cut short */
    static Message decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != MAGIC[0] || in.get() != MAGIC[1]) {
                throw new IllegalArgumentException("not a gstats message (no 'GS' at the start)");
            }
            int version = Byte.toUnsignedInt(in.get());
            if (version < 1) {
                throw new IllegalArgumentException("message version " + version + " does not exist");
            }
            int kind = Byte.toUnsignedInt(in.get());
            long sequence = varint(in);
            Instant timestamp = Instant.ofEpochMilli(varint(in));
            int length = Math.toIntExact(varint(in));
            ByteBuffer body = in.slice(in.position(), length);
            Object event = switch (kind) {
                case COMMIT -> commit(body, version);
                case FILE_CHANGE -> change(body, version);
                default -> throw new IllegalArgumentException("unknown message kind " + kind);
            };
            return new Message(sequence, timestamp, version, event);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | ArithmeticException e) {
            throw new IllegalArgumentException("scan message cut short or damaged", e);
        }
    }

    private static CommitInfo commit(ByteBuffer body, int version) {
        String id = string(body);
        int parentCount = Math.toIntExact(varint(body));
        List<String> parents = new ArrayList<>(parentCount);
        for (int i = 0; i < parentCount; i++) {
            parents.add(string(body));
        }
        String authorName = string(body);
        String authorEmail = string(body);
        OffsetDateTime authorTime = time(body);
        String summary = string(body);
        boolean v2 = version >= 2;
        String committerName = v2 ? string(body) : authorName;
        String committerEmail = v2 ? string(body) : authorEmail;
        OffsetDateTime commitTime = v2 ? time(body) : authorTime;
        if (version < 3) {
            return new CommitInfo(id, parents, authorName, authorEmail, authorTime, committerName, committerEmail,
                    commitTime, summary);
        }
        int authorZone = Math.toIntExact(unzigzag(varint(body)));
        int commitZone = Math.toIntExact(unzigzag(varint(body)));
        return new CommitInfo(id, parents, authorName, authorEmail, authorTime, committerName, committerEmail,
                commitTime, summary, authorZone, commitZone);
    }

    private static FileChange change(ByteBuffer body, int version) {
        String commitId = string(body);
        String path = string(body);
        String oldPath = string(body);
        ChangeType type = ChangeType.valueOf(string(body));
        int insertions = Math.toIntExact(varint(body));
        int deletions = Math.toIntExact(varint(body));
        boolean binary = body.get() != 0;
        boolean v2 = version >= 2;
        long oldSize = v2 ? varint(body) : 0;
        long newSize = v2 ? varint(body) : 0;
        int linesAfter = v2 ? Math.toIntExact(unzigzag(varint(body))) : binary ? -1 : 0;
        return new FileChange(commitId, path, oldPath, type, insertions, deletions, binary, oldSize, newSize,
                linesAfter);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 64 bits");
    }

    private static void string(ByteArrayOutputStream out, String value) {
        if (value == null) {
            varint(out, 0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(out, utf8.length + 1L);
        out.writeBytes(utf8);
    }

    private static String string(ByteBuffer in) {
        int length = Math.toIntExact(varint(in));
        if (length == 0) {
            return null;
        }
        byte[] utf8 = new byte[length - 1];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void time(ByteArrayOutputStream out, OffsetDateTime time) {
        varint(out, zigzag(time.toEpochSecond()));
        varint(out, zigzag(time.getOffset().getTotalSeconds()));
    }

    private static OffsetDateTime time(ByteBuffer in) {
        long epochSecond = unzigzag(varint(in));
        int offset = Math.toIntExact(unzigzag(varint(in)));
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofTotalSeconds(offset));
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
