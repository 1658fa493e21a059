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
        VarInts.write(out, changes.size());
        for (FileChange change : changes) {
            out.write(change.type().ordinal() | (change.binary() ? BINARY : 0)
                    | (change.oldPath() != null ? OLD_PATH : 0));
            writeText(out, change.path());
            if (change.oldPath() != null) {
                writeText(out, change.oldPath());
            }
            VarInts.write(out, change.insertions());
            VarInts.write(out, change.deletions());
            VarInts.write(out, change.oldSize());
            VarInts.write(out, change.newSize());
            VarInts.write(out, change.linesAfter() + 1L);
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
        VarInts.write(out, utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    /** Reads the layout, refusing to run past the end. */
    private static final class Reader extends VarInts.Reader {

        Reader(byte[] bytes) {
            super(bytes, 0, "recorded changes");
        }

        String text() {
            int length = varInt();
            need(length);
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }
    }
}
