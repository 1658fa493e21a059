package org.gstats.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The bytes of one file at one commit, read once from the object database and shared by
 * every plugin that asked for content: plugins read it, none can change it. Content may be
 * read only when a plugin first asks for its bytes (a plugin that keeps a result for the blob
 * may never ask); it can be read until the plugin's {@link Analysis#result()} returns.
 */
public final class FileContent {

    /** Reads a file's bytes when a plugin first asks for them. */
    @FunctionalInterface
    public interface Source {
        /** The bytes; called at most once, from whichever thread asks first. */
        byte[] read() throws IOException;
    }

    private final FileInfo file;
    private final String commitId;
    private final String blobId;
    private final int length;
    private Source source;
    private byte[] bytes;

    /** Content whose blob id is not known. */
    public FileContent(FileInfo file, String commitId, byte[] bytes) {
        this(file, commitId, null, bytes);
    }

    /**
     * Takes ownership of {@code bytes}: the caller must not change the array afterwards.
     *
     * @param blobId the blob's full hex id, or {@code null} when not known
     * @since 1.4
     */
    public FileContent(FileInfo file, String commitId, String blobId, byte[] bytes) {
        this.file = Objects.requireNonNull(file, "file");
        this.commitId = Objects.requireNonNull(commitId, "commitId");
        this.blobId = blobId;
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.length = bytes.length;
    }

    /**
     * Content read from {@code source} when a plugin first asks for its bytes.
     *
     * @param blobId the blob's full hex id, or {@code null} when not known
     * @param length the number of bytes {@code source} gives
     * @since 1.5
     */
    public FileContent(FileInfo file, String commitId, String blobId, int length, Source source) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        this.file = Objects.requireNonNull(file, "file");
        this.commitId = Objects.requireNonNull(commitId, "commitId");
        this.blobId = blobId;
        this.length = length;
        this.source = Objects.requireNonNull(source, "source");
    }

    public FileInfo file() {
        return file;
    }

    public String path() {
        return file.path();
    }

    public String commitId() {
        return commitId;
    }

    /**
     * The blob's full hex id, which names these bytes for ever ({@link BlobResults} are kept by
     * it); {@code null} when the content did not come from a blob.
     *
     * @since 1.4
     */
    public String blobId() {
        return blobId;
    }

    /** The number of bytes, known without reading them. */
    public int length() {
        return length;
    }

    /** @throws UncheckedIOException when the bytes cannot be read */
    public InputStream open() {
        return new ByteArrayInputStream(bytes());
    }

    /**
     * A copy of the bytes.
     *
     * @throws UncheckedIOException when the bytes cannot be read
     */
    public byte[] toByteArray() {
        return bytes().clone();
    }

    /**
     * The content decoded with {@code charset}; malformed bytes become U+FFFD.
     *
     * @throws UncheckedIOException when the bytes cannot be read
     */
    public String text(Charset charset) {
        return new String(bytes(), charset);
    }

    /** Reads the bytes once, for whichever plugin asks first; the others wait for them. */
    private synchronized byte[] bytes() {
        if (bytes == null) {
            try {
                bytes = source.read();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path() + " at commit " + commitId + ": "
                        + e.getMessage(), e);
            }
            source = null;
        }
        return bytes;
    }
}
