package org.gstats.api;

import java.util.Objects;

/**
 * One file as it is at the scanned head commit.
 *
 * @param path   path in the head's tree
 * @param size   size in bytes
 * @param lines  line count as {@code git show HEAD:path | wc -l} would give it, except that a
 *               last line without newline counts; -1 for a binary file
 * @param binary true when the file has a NUL byte in its first 8000 bytes (git's rule)
 */
public record FileInfo(String path, long size, int lines, boolean binary) {

    public FileInfo {
        Objects.requireNonNull(path, "path");
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + path);
        }
        if (binary != (lines == -1)) {
            throw new IllegalArgumentException("lines must be -1 exactly when " + path + " is binary");
        }
    }
}
