package org.gstats.serve.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.eclipse.jetty.server.HttpOutput;

/**
 * The bytes of an answer made once and sent many times, kept off the heap, with the entity tag
 * made from them. A socket write from a heap array goes through a temporary native buffer, one
 * copy of the whole body per answer (of a 4 MB report, most of the server's own CPU per answer);
 * written from this direct buffer through Jetty's {@link HttpOutput}, the kernel reads it as it is.
 */
final class CachedBody {

    private final ByteBuffer bytes;
    private final String tag;

    private CachedBody(ByteBuffer bytes, String tag) {
        this.bytes = bytes;
        this.tag = tag;
    }

    static CachedBody of(byte[] content) {
        ByteBuffer direct = ByteBuffer.allocateDirect(content.length).put(content).flip();
        return new CachedBody(direct.asReadOnlyBuffer(), tag(content));
    }

    /** A short name of the bytes: the start of their SHA-256, URL-safe Base64. */
    String tag() {
        return tag;
    }

    int length() {
        return bytes.remaining();
    }

    /** A copy of the bytes on the heap (to compress them once). */
    byte[] toArray() {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return copy;
    }

    /** Writes the bytes to a response's stream; each call has a view of its own, so answers may be sent at once. */
    void writeTo(OutputStream out) throws IOException {
        ByteBuffer view = bytes.duplicate();
        if (out instanceof HttpOutput jetty) {
            jetty.write(view);
        } else {
            Channels.newChannel(out).write(view);
        }
    }

    private static String tag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
