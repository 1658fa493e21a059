package org.gstats.plugin.metrics.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The deflated values the metrics plugin keeps in the store ({@link StoredFileResult},
 * {@link KeptClones}), written and read whole in memory: a value is written into an array and
 * deflated in one call, and inflated in one call before it is read. Through the JDK's streams
 * (a byte array's, a buffered one), every byte took a lock: a head's clone tokens are millions of
 * bytes, and their locks were some 130 ms of the CPU of a first stored scan of commons-lang.
 */
final class DeflatedValues {

    /** What a value holds, written field by field. */
    @FunctionalInterface
    interface Content {
        void write(DataOutputStream out) throws IOException;
    }

    private DeflatedValues() {
    }

    /** The content, deflated. */
    static byte[] deflated(Content content) throws IOException {
        Sink sink = new Sink();
        content.write(new DataOutputStream(sink));
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(sink.bytes, 0, sink.size);
            deflater.finish();
            byte[] out = new byte[Math.max(64, sink.size / 2)];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    /**
     * The content of a deflated value, to read field by field; inflating it whole checks its
     * checksum, so that a damaged value is refused even where the reader stops early.
     *
     * @throws IOException when the value is not whole deflated data
     */
    static DataInputStream inflated(byte[] value) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(value);
            byte[] out = new byte[Math.max(256, value.length * 4)];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                int inflated = inflater.inflate(out, length, out.length - length);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new EOFException("a stored value cut short");
                }
                length += inflated;
            }
            return new DataInputStream(new Source(out, length));
        } catch (DataFormatException e) {
            throw new IOException("a damaged stored value: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** A growing array, written by one thread: no lock per byte. */
    private static final class Sink extends OutputStream {
        byte[] bytes = new byte[256];
        int size;

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }
    }

    /** An array's first bytes, read by one thread: no lock per byte. */
    private static final class Source extends InputStream {
        private final byte[] bytes;
        private final int size;
        private int at;

        Source(byte[] bytes, int size) {
            this.bytes = bytes;
            this.size = size;
        }

        @Override
        public int read() {
            return at < size ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (at >= size) {
                return -1;
            }
            int n = Math.min(len, size - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return size - at;
        }
    }
}
