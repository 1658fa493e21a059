package org.gstats.api;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The bytes of one file at one commit, read once from the object database and shared by
 * every plugin that asked for content: plugins read it, none can change it.
 */
public final class FileContent {

    private final FileInfo file;
    private final String commitId;
    private final String blobId;
    private final byte[] bytes;

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

    public int length() {
        return bytes.length;
    }

    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The content decoded with {@code charset}; malformed bytes become U+FFFD. */
    public String text(Charset charset) {
        return new String(bytes, charset);
    }
}
