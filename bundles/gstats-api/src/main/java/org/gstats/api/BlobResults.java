package org.gstats.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a content plugin computed for a blob, kept between scans. A blob id names its bytes for
 * ever, so an analyser's result for a blob stays true as long as the analyser does not change:
 * a plugin asks here before analysing a head file's content and, on a miss, stores what it
 * computed. The result is the plugin's own encoding; the scan store keeps it under the analyser
 * and the blob id. Methods may be called from any thread.
 *
 * <p>A result over a whole head, computed from all its files, may be kept the same way under the
 * head commit's id ({@link ScanContext#headId()}), which names its tree for ever; the scan store
 * reads those of the latest stored scan's head with the blobs' results.
 *
 * <p>{@code analyser} names the analyser and its version together (for example the plugin's
 * name and its bundle's version): an analyser whose numbers could differ must use a new name,
 * and never sees an older one's results.
 *
 * @since 1.4
 */
@ProviderType
public interface BlobResults {

    /** Keeps nothing: every blob is analysed (a scan without the store). */
    BlobResults NONE = new BlobResults() {
        @Override
        public byte[] get(String analyser, String blobId) {
            return null;
        }

        @Override
        public void put(String analyser, String blobId, byte[] result) {
            // nothing is kept
        }
    };

    /** The result stored for the blob by this analyser, or {@code null} when there is none. */
    byte[] get(String analyser, String blobId);

    /**
     * Stores the analyser's result for the blob, to be kept when the scan is stored; the array
     * must not be changed afterwards.
     */
    void put(String analyser, String blobId, byte[] result);
}
