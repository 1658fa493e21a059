package org.gstats.store.internal;

import java.io.ByteArrayOutputStream;

/**
 * The unsigned variable-length integers of gstats' own encodings of stored values
 * ({@link ChangeCodec}, {@link WalkCodec}): seven bits a byte, the lowest first, the high bit set
 * on every byte but the last.
 */
final class VarInts {

    private VarInts() {
    }

    static void write(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    /**
     * Reads an encoding from a position on, refusing to run past its end; a failure names what it
     * reads (a stored value is damaged, not a program error, so its reader says which).
     */
    static class Reader {
        final byte[] bytes;
        int at;
        private final String what;

        Reader(byte[] bytes, int at, String what) {
            this.bytes = bytes;
            this.at = at;
            this.what = what;
        }

        final int next() {
            if (at >= bytes.length) {
                throw damaged("cut short");
            }
            return bytes[at++] & 0xFF;
        }

        final long varLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw damaged("a number too long");
        }

        final int varInt() {
            long value = varLong();
            if (value > Integer.MAX_VALUE) {
                throw damaged("a count too large");
            }
            return (int) value;
        }

        /** Checks that {@code length} more bytes are there. */
        final void need(long length) {
            if (length > bytes.length - at) {
                throw damaged("cut short");
            }
        }

        final boolean atEnd() {
            return at == bytes.length;
        }

        final IllegalArgumentException damaged(String problem) {
            return new IllegalArgumentException(what + ": " + problem);
        }
    }
}
