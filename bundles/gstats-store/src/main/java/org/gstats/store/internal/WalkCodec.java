package org.gstats.store.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.gstats.api.CommitInfo;
import org.gstats.api.scan.StoredWalk;

/**
 * A scan's walk as one value of {@code walks}: every commit it told, in order, as the
 * {@link CommitInfo} it told, so that a rescan of the same head tells them again without walking.
 * Every field is kept as it was, so that the decoded commit equals the told one: the strings char
 * by char (not as UTF-8, which could not keep a lone surrogate), the times as seconds and nanos
 * with the zones' minutes (the commit info puts the times at their zones itself).
 *
 * <p>Layout, deflated: a version byte, the number of commits, the parents' part's length, the
 * commits' ids (20 bytes each, so that they are read without the rest), their parents (per commit
 * a count, then per parent how many commits further down the walk it is, or 0 and its 20 bytes when
 * the walk does not hold it, as first-parent walks leave other parents out), then per commit its
 * author and committer (an index into the identities met so far, followed by the name and email
 * when new), their times and zones, and the subject. Decoding is strict: a value that does not end
 * where its commits do is refused.
 */
final class WalkCodec {

    /** The layout's version: a value in another one is not replayed. */
    static final int VERSION = 1;
    private static final int ID_BYTES = 20;
    private static final HexFormat HEX = HexFormat.of();

    private WalkCodec() {
    }

    /** Encodes the commits as they are told; {@link #value} once every one is. */
    static final class Writer {
        private final ByteArrayOutputStream ids = new ByteArrayOutputStream(1 << 16);
        private final ByteArrayOutputStream records = new ByteArrayOutputStream(1 << 16);
        /** Per commit its parents' count and ids, made references into the walk once every commit is in. */
        private final ByteArrayOutputStream parentIds = new ByteArrayOutputStream(1 << 16);
        private final Map<List<String>, Integer> identities = new HashMap<>();
        private int count;

        void add(CommitInfo commit) {
            ids.writeBytes(HEX.parseHex(commit.id()));
            VarInts.write(parentIds, commit.parentIds().size());
            for (String parent : commit.parentIds()) {
                parentIds.writeBytes(HEX.parseHex(parent));
            }
            identity(commit.authorName(), commit.authorEmail());
            time(commit.authorTime(), commit.authorZoneMinutes());
            identity(commit.committerName(), commit.committerEmail());
            time(commit.commitTime(), commit.commitZoneMinutes());
            writeText(records, commit.summary());
            count++;
        }

        int count() {
            return count;
        }

        /** The walk, deflated. */
        byte[] value() throws IOException {
            byte[] idBytes = ids.toByteArray();
            ByteArrayOutputStream parents = parents(idBytes);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.size() + records.size() / 2);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
                ByteArrayOutputStream head = new ByteArrayOutputStream(16);
                head.write(VERSION);
                VarInts.write(head, count);
                VarInts.write(head, parents.size());
                head.writeTo(out);
                out.write(idBytes);
                parents.writeTo(out);
                records.writeTo(out);
            } finally {
                deflater.end();
            }
            return bytes.toByteArray();
        }

        /** The parents as references down the walk: a parent always comes after its child in git's order. */
        private ByteArrayOutputStream parents(byte[] idBytes) {
            Map<ByteBuffer, Integer> index = new HashMap<>(count * 4 / 3 + 1);
            for (int i = 0; i < count; i++) {
                index.put(ByteBuffer.wrap(idBytes, i * ID_BYTES, ID_BYTES).slice(), i);
            }
            byte[] raw = parentIds.toByteArray();
            Reader in = new Reader(raw, 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream(count * 3);
            for (int i = 0; i < count; i++) {
                int parentCount = in.varInt();
                VarInts.write(out, parentCount);
                for (int p = 0; p < parentCount; p++) {
                    Integer at = index.get(ByteBuffer.wrap(raw, in.at, ID_BYTES).slice());
                    if (at != null && at > i) {
                        VarInts.write(out, at - i);
                    } else {
                        out.write(0);
                        out.write(raw, in.at, ID_BYTES);
                    }
                    in.at += ID_BYTES;
                }
            }
            return out;
        }

        private void identity(String name, String email) {
            List<String> key = Arrays.asList(name, email);
            Integer index = identities.get(key);
            if (index != null) {
                VarInts.write(records, index);
                return;
            }
            VarInts.write(records, identities.size());
            identities.put(key, identities.size());
            writeText(records, name);
            writeText(records, email);
        }

        private void time(OffsetDateTime time, int zoneMinutes) {
            Instant instant = time.toInstant();
            VarInts.write(records, zigZag(instant.getEpochSecond()));
            VarInts.write(records, instant.getNano());
            VarInts.write(records, zigZag(zoneMinutes));
        }
    }

    /**
     * The walk a value holds.
     *
     * @throws IllegalArgumentException when the bytes are not a walk in this layout
     */
    static StoredWalk decode(byte[] deflated) {
        byte[] bytes;
        Inflater inflater = new Inflater();
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), inflater, 1 << 16)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored walk is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        Reader head = new Reader(bytes, 0);
        int version = head.next();
        if (version != VERSION) {
            throw new IllegalArgumentException("the stored walk is in layout " + version + ", this gstats reads "
                    + VERSION);
        }
        int count = head.varInt();
        int parentsLength = head.varInt();
        int idsAt = head.at;
        head.need((long) count * ID_BYTES + parentsLength);
        return new Decoded(bytes, count, idsAt, parentsLength);
    }

    private record Decoded(byte[] bytes, int count, int idsAt, int parentsLength) implements StoredWalk {

        @Override
        public List<String> ids() {
            return new Ids(bytes, idsAt, count);
        }

        @Override
        public Iterator<CommitInfo> iterator() {
            return new Commits(bytes, count, idsAt, parentsLength);
        }
    }

    /** The ids, each made a string when asked for. */
    private static final class Ids extends AbstractList<String> implements RandomAccess {
        private final byte[] bytes;
        private final int at;
        private final int count;

        Ids(byte[] bytes, int at, int count) {
            this.bytes = bytes;
            this.at = at;
            this.count = count;
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException(index);
            }
            return HEX.formatHex(bytes, at + index * ID_BYTES, at + (index + 1) * ID_BYTES);
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** The commits, decoded one by one; the last one checks that the value ends with it. */
    private static final class Commits implements Iterator<CommitInfo> {
        private final Reader parents;
        private final int parentsEnd;
        private final Reader in;
        private final int count;
        private final int idsAt;
        private final List<String[]> identities = new ArrayList<>();
        private int next;

        Commits(byte[] bytes, int count, int idsAt, int parentsLength) {
            this.parents = new Reader(bytes, idsAt + count * ID_BYTES);
            this.parentsEnd = parents.at + parentsLength;
            this.in = new Reader(bytes, parentsEnd);
            this.count = count;
            this.idsAt = idsAt;
        }

        @Override
        public boolean hasNext() {
            return next < count;
        }

        @Override
        public CommitInfo next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String id = id(next);
            int parentCount = this.parents.varInt();
            List<String> parents = new ArrayList<>(parentCount);
            for (int i = 0; i < parentCount; i++) {
                int down = this.parents.varInt();
                if (down == 0) {
                    parents.add(this.parents.id());
                } else if (down < count - next) {
                    parents.add(id(next + down));
                } else {
                    throw new IllegalArgumentException("the stored walk names a parent it does not hold");
                }
            }
            if (this.parents.at > parentsEnd) {
                throw new IllegalArgumentException("the stored walk's parents run into its commits");
            }
            String[] author = identity();
            OffsetDateTime authorTime = in.time();
            int authorZone = in.zigZagInt();
            String[] committer = identity();
            OffsetDateTime commitTime = in.time();
            int commitZone = in.zigZagInt();
            String summary = in.text();
            if (++next == count && (!in.atEnd() || this.parents.at != parentsEnd)) {
                throw new IllegalArgumentException("the stored walk goes on past its commits");
            }
            return new CommitInfo(id, parents, author[0], author[1], authorTime, committer[0], committer[1],
                    commitTime, summary, authorZone, commitZone);
        }

        private String id(int index) {
            return HEX.formatHex(in.bytes, idsAt + index * ID_BYTES, idsAt + (index + 1) * ID_BYTES);
        }

        private String[] identity() {
            int index = in.varInt();
            if (index < identities.size()) {
                return identities.get(index);
            }
            if (index != identities.size()) {
                throw new IllegalArgumentException("the stored walk names an identity it does not hold");
            }
            String[] identity = {in.text(), in.text()};
            identities.add(identity);
            return identity;
        }
    }

    /** Text char by char, each an unsigned variable-length integer; a length of 0 is null, else the length + 1. */
    private static void writeText(ByteArrayOutputStream out, String text) {
        if (text == null) {
            out.write(0);
            return;
        }
        VarInts.write(out, text.length() + 1L);
        for (int i = 0; i < text.length(); i++) {
            VarInts.write(out, text.charAt(i));
        }
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    /** Reads the layout, refusing to run past the end. */
    private static final class Reader extends VarInts.Reader {

        Reader(byte[] bytes, int at) {
            super(bytes, at, "the stored walk");
        }

        long zigZag() {
            long value = varLong();
            return (value >>> 1) ^ -(value & 1);
        }

        int zigZagInt() {
            return Math.toIntExact(zigZag());
        }

        String id() {
            need(ID_BYTES);
            String id = HEX.formatHex(bytes, at, at + ID_BYTES);
            at += ID_BYTES;
            return id;
        }

        OffsetDateTime time() {
            long seconds = zigZag();
            long nanos = varLong();
            if (nanos >= 1_000_000_000L) {
                throw damaged("a time it cannot have");
            }
            return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC);
        }

        String text() {
            int length = varInt();
            if (length == 0) {
                return null;
            }
            need(length - 1);
            char[] chars = new char[length - 1];
            for (int i = 0; i < chars.length; i++) {
                long c = varLong();
                if (c > Character.MAX_VALUE) {
                    throw damaged("a char it cannot have");
                }
                chars[i] = (char) c;
            }
            return new String(chars);
        }
    }
}
