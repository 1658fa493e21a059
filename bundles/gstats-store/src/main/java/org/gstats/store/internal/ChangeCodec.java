package org.gstats.store.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gstats.api.ChangeType;
import org.gstats.api.FileChange;

/**
 * A commit's file changes as one value of {@code commit_changes}: what a scan writes and a rescan
 * reads, and what the rows of {@code file_changes} are derived from ({@link ChangeRows}). One row per commit
 * instead of one per file, and no column values to build per row: reading commons-lang's
 * 26,478 changes this way is one row for each of its 9,738 commits.
 *
 * <p>Layout: a version byte, the number of changes, then per change a flag byte (change type,
 * binary, has an old path), the path and old path (length and UTF-8 bytes) and the numbers as
 * unsigned variable-length integers ({@code linesAfter + 1}, since a binary file has -1).
 * Decoding is strict: bytes that do not end where the changes do are refused.
 */
public final class ChangeCodec {

    /** The layout's version: a store holding another one is refused, never misread. */
    static final int VERSION = 1;

    private static final ChangeType[] TYPES = ChangeType.values();
    private static final int BINARY = 0x08;
    private static final int OLD_PATH = 0x10;
    private static final int TYPE_MASK = 0x07;

    private ChangeCodec() {
    }

    public static byte[] encode(List<FileChange> changes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 48 * changes.size());
        out.write(VERSION);
        writeVarLong(out, changes.size());
        for (FileChange change : changes) {
            out.write(change.type().ordinal() | (change.binary() ? BINARY : 0)
                    | (change.oldPath() != null ? OLD_PATH : 0));
            writeText(out, change.path());
            if (change.oldPath() != null) {
                writeText(out, change.oldPath());
            }
            writeVarLong(out, change.insertions());
            writeVarLong(out, change.deletions());
            writeVarLong(out, change.oldSize());
            writeVarLong(out, change.newSize());
            writeVarLong(out, change.linesAfter() + 1L);
        }
        return out.toByteArray();
    }

    /**
     * @param paths the scan's paths so far, so that a path changed by many commits is one String
     * @throws IllegalArgumentException when the bytes are not a commit's changes in this layout
     */
    static List<FileChange> decode(String commitId, byte[] bytes, Map<String, String> paths) {
        Reader in = opened(commitId, bytes);
        int count = in.varInt();
        List<FileChange> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flags = in.next();
            if ((flags & TYPE_MASK) >= TYPES.length) {
                throw new IllegalArgumentException("recorded changes of " + commitId + " are damaged");
            }
            String path = paths.computeIfAbsent(in.text(), p -> p);
            String oldPath = (flags & OLD_PATH) == 0 ? null : paths.computeIfAbsent(in.text(), p -> p);
            changes.add(new FileChange(commitId, path, oldPath, TYPES[flags & TYPE_MASK], in.varInt(), in.varInt(),
                    (flags & BINARY) != 0, in.varLong(), in.varLong(), (int) (in.varLong() - 1)));
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException("recorded changes of " + commitId + " are damaged");
        }
        return List.copyOf(changes);
    }

    /**
     * How many changes the value holds, read from its head alone.
     *
     * @throws IllegalArgumentException when the bytes are not in this layout
     */
    static int count(String commitId, byte[] bytes) {
        return opened(commitId, bytes).varInt();
    }

    /** A reader past the layout's version, which must be this one's. */
    private static Reader opened(String commitId, byte[] bytes) {
        Reader in = new Reader(bytes);
        int version = in.next();
        if (version != VERSION) {
            throw new IllegalArgumentException("recorded changes of " + commitId + " are in layout " + version
                    + ", this gstats reads " + VERSION);
        }
        return in;
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeVarLong(out, utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    /** Reads the layout, refusing to run past the end. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            if (at >= bytes.length) {
                throw new IllegalArgumentException("recorded changes end too early");
            }
            return bytes[at++] & 0xFF;
        }

        long varLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("recorded changes hold a number too long");
        }

        int varInt() {
            long value = varLong();
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("recorded changes hold a count too large");
            }
            return (int) value;
        }

        String text() {
            int length = varInt();
            if (length > bytes.length - at) {
                throw new IllegalArgumentException("recorded changes end too early");
            }
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        boolean atEnd() {
            return at == bytes.length;
        }
    }
}
