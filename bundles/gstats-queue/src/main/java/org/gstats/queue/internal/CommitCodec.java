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

import org.gstats.api.CommitInfo;

/**
 * A compact binary form of a commit message. Layout (varints are unsigned LEB128, signed ones
 * zig-zag; a string is varint length + 1 then UTF-8, 0 for null):
 *
 * <pre>
 * header: 'G' 'S' | version (1 byte) | sequence (varint) | timestamp ms (varint) | body length (varint)
 * body v1: id | parent count, parents | author name, email | author time | summary
 * body v2: v1 | committer name, email | committer time
 * time:    epoch second (signed varint) | offset seconds (signed varint)
 * </pre>
 *
 * Fields are only ever added at the end of the body, so a reader of version N reads a body of
 * N−1 (the committer of a v1 message is its author) and skips what N+1 appended, by the length.
 */
final class CommitCodec {

    static final int VERSION = 2;
    private static final byte[] MAGIC = {'G', 'S'};

    /** A decoded message: the header's sequence, timestamp and version with the commit. */
    record Message(long sequence, Instant timestamp, int version, CommitInfo commit) {
    }

    private CommitCodec() {
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
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(MAGIC);
        message.write(VERSION);
        varint(message, sequence);
        varint(message, timestamp.toEpochMilli());
        varint(message, body.size());
        message.writeBytes(body.toByteArray());
        return message.toByteArray();
    }

    /** @throws IllegalArgumentException bytes that are no commit message, or one cut short */
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
            long sequence = varint(in);
            Instant timestamp = Instant.ofEpochMilli(varint(in));
            int length = Math.toIntExact(varint(in));
            ByteBuffer body = in.slice(in.position(), length);
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
            boolean hasCommitter = version >= 2;
            String committerName = hasCommitter ? string(body) : authorName;
            String committerEmail = hasCommitter ? string(body) : authorEmail;
            OffsetDateTime commitTime = hasCommitter ? time(body) : authorTime;
            return new Message(sequence, timestamp, version, new CommitInfo(id, parents, authorName, authorEmail,
                    authorTime, committerName, committerEmail, commitTime, summary));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | ArithmeticException e) {
            throw new IllegalArgumentException("commit message cut short or damaged", e);
        }
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
