package org.gstats.scanner.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.internal.storage.pack.BinaryDelta;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads blobs straight from the repository's packs, keeping every object a read inflates or
 * rebuilds from deltas as a base for the reads after it, as git's delta base cache does. In a
 * pack a file's older version is usually a delta on the next newer one; walking the history
 * newest first, each version read is then the base of the next. JGit keeps only the base just
 * below the object asked for, not the object itself, so there the next older version found its
 * base two steps down and applied two deltas (inflating both) for every version read: on
 * commons-lang two thirds of a scan's allocation were JGit's pack reads.
 * <p>
 * Only objects in a pack JGit lists (asked again after every blob left to it) are read here,
 * with JGit's own index and delta application; anything unexpected (a damaged or unusual entry, a
 * large object, an object in no pack) is left to JGit by returning {@code null}, so that JGit
 * reads, fails and drops damaged packs exactly as before. A {@link Reader} is for one thread; the packs' files are closed with
 * the scan.
 */
final class PackedBlobs implements AutoCloseable {

    /** Deltas followed down before leaving an object to JGit (git's default depth is 50). */
    private static final int MAX_CHAIN = 10_000;
    /** Compressed bytes read from a pack at most at a time. */
    private static final int CHUNK = 64 << 10;
    /** Bytes read at an entry: its header and a small delta whole. */
    private static final int FIRST_READ = 512;
    /** An entry's header: type and size, then an offset or a base's id. */
    private static final int HEADER_MAX = 32;

    private final ObjectDirectory objects;
    private final Bases bases;
    private final List<Reader> readers = new ArrayList<>();

    private PackedBlobs(ObjectDirectory objects, long basesBudget) {
        this.objects = objects;
        this.bases = new Bases(basesBudget);
    }

    /**
     * Reads from {@code database}'s packs, keeping up to {@code basesBudget} bytes of bases for all
     * readers; {@code null} when the database is not JGit's file one (JGit then reads every blob).
     */
    static PackedBlobs of(ObjectDatabase database, long basesBudget) {
        return database instanceof ObjectDirectory directory ? new PackedBlobs(directory, basesBudget) : null;
    }

    /** A reader for one thread. */
    synchronized Reader newReader() {
        Reader reader = new Reader();
        readers.add(reader);
        return reader;
    }

    /** Closes every reader's pack files; a read still under way then leaves its blob to JGit. */
    @Override
    public synchronized void close() {
        readers.forEach(Reader::close);
        readers.clear();
    }

    /**
     * Reads blobs for one thread. The bases are shared: a diff worker's next batch of commits
     * follows the other worker's, so the versions one read are the bases of the other's.
     */
    final class Reader {

        private final Inflater inflater = new Inflater();
        private final Map<Pack, PackIndex> indexes = new HashMap<>();
        private final Map<Pack, FileChannel> channels = new HashMap<>();
        /**
         * JGit's packs as it listed them last. Asking for them checks the pack folder's time (a
         * stat per blob otherwise); they are asked for again after any blob left to JGit.
         */
        private Collection<Pack> packs;
        /** The pack bytes read last: an entry's header and, mostly, all of a small entry. */
        private final byte[] window = new byte[CHUNK];
        private Pack windowPack;
        private long windowStart;
        private int windowLength;
        private final byte[] header = new byte[HEADER_MAX];
        private final byte[] baseId = new byte[Constants.OBJECT_ID_LENGTH];

        private Reader() {
        }

        /**
         * The blob's bytes, or {@code null} when JGit should read it: not in a pack JGit lists,
         * larger than {@code maxSize}, not a blob, or anything in its entries unexpected.
         */
        byte[] read(AnyObjectId id, long maxSize) {
            byte[] blob = null;
            try {
                if (packs == null) {
                    packs = objects.getPacks();
                }
                for (Pack pack : packs) {
                    PackIndex index = index(pack);
                    long position = index.findOffset(id);
                    if (position >= 0) {
                        blob = resolve(pack, index, position, maxSize);
                        break;
                    }
                }
            } catch (IOException | DataFormatException | RuntimeException e) {
                // JGit reads it again and says what is wrong, or drops a damaged pack, as it always did
            } catch (OutOfMemoryError e) {
                // as JGit does for an object the heap cannot hold: its read says so (LargeObjectException)
            }
            if (blob == null) {
                // JGit reads it, and may rescan the pack folder or drop a pack: ask for its list again
                packs = null;
            }
            return blob;
        }

        private PackIndex index(Pack pack) throws IOException {
            PackIndex index = indexes.get(pack);
            if (index == null) {
                index = pack.getIndex();
                indexes.put(pack, index);
            }
            return index;
        }

        /** The object at {@code position}: down its deltas to a whole object or a kept base, then up. */
        private byte[] resolve(Pack pack, PackIndex index, long position, long maxSize)
                throws IOException, DataFormatException {
            FileChannel channel = channel(pack);
            Entry[] deltas = new Entry[8];
            int depth = 0;
            long at = position;
            byte[] data;
            int type;
            for (;;) {
                Bases.Entry kept = bases.get(pack, at);
                if (kept != null) {
                    data = kept.data();
                    type = kept.type();
                    break;
                }
                Entry entry = entry(pack, channel, at, index);
                if (entry == null || entry.size() > maxSize) {
                    return null;
                }
                if (entry.base() < 0) {
                    data = inflate(pack, channel, entry.dataStart(), (int) entry.size());
                    type = entry.type();
                    bases.put(pack, at, data, type);
                    break;
                }
                if (depth == MAX_CHAIN) {
                    return null;
                }
                if (depth == deltas.length) {
                    deltas = Arrays.copyOf(deltas, depth * 2);
                }
                deltas[depth++] = entry;
                at = entry.base();
            }
            while (depth > 0) {
                Entry delta = deltas[--depth];
                byte[] commands = inflate(pack, channel, delta.dataStart(), (int) delta.size());
                long resultSize = BinaryDelta.getResultSize(commands);
                if (resultSize > maxSize || BinaryDelta.getBaseSize(commands) != data.length) {
                    return null;
                }
                byte[] result = new byte[(int) resultSize];
                BinaryDelta.apply(data, commands, result);
                data = result;
                bases.put(pack, delta.position(), data, type);
            }
            return type == Constants.OBJ_BLOB ? data : null;
        }

        /**
         * The entry's header at {@code position}: its type, size (of the object, or of the delta's
         * commands), where its compressed data starts, and its base's position for a delta
         * ({@code -1} for a whole object); {@code null} for a type JGit should judge.
         */
        private Entry entry(Pack pack, FileChannel channel, long position, PackIndex index) throws IOException {
            fill(pack, channel, position, FIRST_READ);
            int offset = (int) (position - windowStart);
            int length = Math.min(HEADER_MAX, windowLength - offset);
            System.arraycopy(window, offset, header, 0, length);
            int c = header[0] & 0xff;
            int type = (c >> 4) & 7;
            long size = c & 15;
            int shift = 4;
            int p = 1;
            while ((c & 0x80) != 0) {
                if (p >= length || shift > 56) {
                    return null;
                }
                c = header[p++] & 0xff;
                size += (long) (c & 0x7f) << shift;
                shift += 7;
            }
            switch (type) {
                case Constants.OBJ_COMMIT, Constants.OBJ_TREE, Constants.OBJ_BLOB, Constants.OBJ_TAG -> {
                    return new Entry(position, type, size, position + p, -1);
                }
                case Constants.OBJ_OFS_DELTA -> {
                    if (p >= length) {
                        return null;
                    }
                    c = header[p++] & 0xff;
                    long back = c & 127;
                    while ((c & 128) != 0) {
                        if (p >= length || back > (Long.MAX_VALUE >>> 8)) {
                            return null;
                        }
                        back += 1;
                        c = header[p++] & 0xff;
                        back <<= 7;
                        back += c & 127;
                    }
                    long base = position - back;
                    return base < 0 || base >= position ? null : new Entry(position, type, size, position + p, base);
                }
                case Constants.OBJ_REF_DELTA -> {
                    if (p + baseId.length > length) {
                        return null;
                    }
                    System.arraycopy(header, p, baseId, 0, baseId.length);
                    long base = index.findOffset(ObjectId.fromRaw(baseId));
                    return base < 0 ? null : new Entry(position, type, size, position + p + baseId.length, base);
                }
                default -> {
                    return null;
                }
            }
        }

        /** Inflates exactly {@code size} bytes whose zlib stream starts at {@code position}, as JGit requires. */
        private byte[] inflate(Pack pack, FileChannel channel, long position, int size)
                throws IOException, DataFormatException {
            byte[] out = new byte[size];
            inflater.reset();
            // zlib's stream is at most a little longer than what it holds (stored blocks, header, checksum)
            long end = position + size + (size >> 8) + 64;
            int done = 0;
            long next = position;
            for (;;) {
                int n = inflater.inflate(out, done, size - done);
                done += n;
                if (inflater.finished()) {
                    if (done != size) {
                        throw new DataFormatException("inflated " + done + " bytes of " + size);
                    }
                    return out;
                }
                if (inflater.needsInput()) {
                    if (next >= end) {
                        throw new DataFormatException("the object is longer than its header says");
                    }
                    fill(pack, channel, next, (int) Math.min(CHUNK, end - next));
                    int offset = (int) (next - windowStart);
                    inflater.setInput(window, offset, windowLength - offset);
                    next = windowStart + windowLength;
                } else if (n == 0) {
                    // room for no more output, yet the stream goes on (or wants a dictionary)
                    throw new DataFormatException("the object is longer than its header says");
                }
            }
        }

        /**
         * Makes the window hold at least {@code want} bytes (fewer at the pack's end) from
         * {@code position}: what it holds already, else one read there.
         */
        private void fill(Pack pack, FileChannel channel, long position, int want) throws IOException {
            if (windowPack == pack && position >= windowStart
                    && position + want <= windowStart + windowLength) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.wrap(window, 0, Math.max(want, FIRST_READ));
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
                // a read may return fewer bytes than asked for
            }
            if (buffer.position() == 0) {
                throw new IOException("nothing to read at " + position);
            }
            windowPack = pack;
            windowStart = position;
            windowLength = buffer.position();
        }

        private FileChannel channel(Pack pack) throws IOException {
            FileChannel channel = channels.get(pack);
            if (channel == null) {
                channel = FileChannel.open(pack.getPackFile().toPath(), StandardOpenOption.READ);
                channels.put(pack, channel);
            }
            return channel;
        }

        private void close() {
            for (FileChannel channel : channels.values()) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // read only: nothing was left unwritten
                }
            }
            inflater.end();
        }
    }

    /** A pack entry's header. */
    private record Entry(long position, int type, long size, long dataStart, long base) {
    }

    /** Objects by their pack and position, up to a budget of bytes, least recently used first out. */
    private static final class Bases {

        record Key(Pack pack, long position) {
        }

        record Entry(byte[] data, int type) {
        }

        private final Map<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
        private final long budget;
        private long bytes;

        Bases(long budget) {
            this.budget = budget;
        }

        synchronized Entry get(Pack pack, long position) {
            return entries.get(new Key(pack, position));
        }

        /** Keeps the object unless it alone would take a quarter of the budget. */
        synchronized void put(Pack pack, long position, byte[] data, int type) {
            if (data.length > budget / 4) {
                return;
            }
            Entry previous = entries.put(new Key(pack, position), new Entry(data, type));
            bytes += data.length - (previous == null ? 0 : previous.data().length);
            Iterator<Entry> oldestFirst = entries.values().iterator();
            while (bytes > budget && oldestFirst.hasNext()) {
                bytes -= oldestFirst.next().data().length;
                oldestFirst.remove();
            }
        }
    }
}
