package org.gstats.plugin.metrics.internal.duplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.gstats.plugin.metrics.internal.duplication.TokenSequence.Tokens;

/**
 * Clone detection's tokens of every file, kept in a temporary file rather than on the heap:
 * they grow with the size of the tree (twelve bytes a token, about 25 MB for commons-lang's
 * head), while detection needs only the file at hand and the files it matches. Files are
 * appended from any thread and read back by their {@link Entry}. {@link #close()} deletes the
 * file; a store dropped without closing (a failed analysis, a scan stopped) deletes it when
 * collected or, failing that, when the JVM exits.
 */
final class TokenStore implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final int INT_BYTES = 4;
    private static final int ARRAYS = 3;

    /** Where one file's tokens are. */
    record Entry(long offset, int count) {
    }

    /** The open file; deletes it when run, by {@link #close()} or by the cleaner. */
    private static final class Spill implements Runnable {
        private final Path path;
        private final FileChannel channel;

        Spill(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        @Override
        public void run() {
            try {
                channel.close();
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the temporary file " + path, e);
            }
        }
    }

    private Spill spill;
    private Cleaner.Cleanable cleanable;
    private long size;

    /** Writes a file's tokens; thread-safe. */
    synchronized Entry append(Tokens tokens) {
        int count = tokens.values().length;
        ByteBuffer buffer = ByteBuffer.allocate(count * INT_BYTES * ARRAYS).order(ByteOrder.nativeOrder());
        IntBuffer ints = buffer.asIntBuffer();
        ints.put(tokens.values()).put(tokens.startLines()).put(tokens.endLines());
        try {
            FileChannel channel = open().channel;
            long offset = size;
            while (buffer.hasRemaining()) {
                size += channel.write(buffer, size);
            }
            return new Entry(offset, count);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write clone detection's temporary file: " + e.getMessage(), e);
        }
    }

    /** Reads a file's tokens back; thread-safe once the appends are over. */
    Tokens read(Entry entry) {
        int count = entry.count();
        ByteBuffer buffer = ByteBuffer.allocate(count * INT_BYTES * ARRAYS).order(ByteOrder.nativeOrder());
        try {
            FileChannel channel = open().channel;
            long position = entry.offset();
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException("the file ended early");
                }
                position += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read clone detection's temporary file: " + e.getMessage(), e);
        }
        IntBuffer ints = buffer.flip().asIntBuffer();
        int[] values = new int[count];
        int[] startLines = new int[count];
        int[] endLines = new int[count];
        ints.get(values).get(startLines).get(endLines);
        return new Tokens(values, startLines, endLines);
    }

    private synchronized Spill open() throws IOException {
        if (spill == null) {
            Path path = Files.createTempFile("gstats-clone-tokens", ".bin");
            path.toFile().deleteOnExit();
            spill = new Spill(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
            cleanable = CLEANER.register(this, spill);
        }
        return spill;
    }

    @Override
    public synchronized void close() {
        if (cleanable != null) {
            cleanable.clean();
        }
    }
}
