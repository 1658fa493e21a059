package org.gstats.api;

/**
 * What file content a plugin needs beyond the metadata every scan delivers. The engine folds
 * the active plugins' requirements into one scan configuration (see {@link #combine}), so a
 * scan reads no blob that no plugin asked for.
 *
 * @param headContent       the content of every file at the scanned head, through
 *                          {@link Analysis#onFileContent}
 * @param historicalContent the content of each changed file after each change, through
 *                          {@link Analysis#onHistoricalContent}
 * @param binaryContent     binary files' content too (otherwise binary files get metadata only)
 * @param maxFileSize       files larger than this many bytes get metadata only
 * @param filesOnDisk       the head's files checked out to a temporary directory, for tools
 *                          that need paths, through {@link Analysis#onCheckout}
 */
public record PluginDataRequirements(boolean headContent, boolean historicalContent, boolean binaryContent,
        long maxFileSize, boolean filesOnDisk) {

    /** Metadata only: commits, file changes and file infos. */
    public static final PluginDataRequirements NONE = new PluginDataRequirements(false, false, false, 0, false);

    /** The default size limit for content, as most source analysers want it. */
    public static final long DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

    public PluginDataRequirements {
        if (maxFileSize < 0) {
            throw new IllegalArgumentException("negative maxFileSize " + maxFileSize);
        }
    }

    /** Text content of the files at the head, up to {@link #DEFAULT_MAX_FILE_SIZE} each. */
    public static PluginDataRequirements headText() {
        return new PluginDataRequirements(true, false, false, DEFAULT_MAX_FILE_SIZE, false);
    }

    /** Whether any content at all must be read. */
    public boolean needsContent() {
        return headContent || historicalContent || filesOnDisk;
    }

    /** The requirements of two plugins served by one scan. */
    public PluginDataRequirements combine(PluginDataRequirements other) {
        return new PluginDataRequirements(headContent || other.headContent,
                historicalContent || other.historicalContent, binaryContent || other.binaryContent,
                Math.max(maxFileSize, other.maxFileSize), filesOnDisk || other.filesOnDisk);
    }
}
