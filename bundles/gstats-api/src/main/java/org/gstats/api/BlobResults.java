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
 * reads those of the latest stored scan's head with the blobs' results. A new head finds them
 * under {@link #storedHeadId()}: such a result may be taken over when what it was computed from is
 * what this scan gives (checked by the plugin, for example by a digest of its inputs kept in it).
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

    /**
     * The head commit under which results over a whole head were read for this scan (those the
     * repository's latest stored scan kept), so that {@link #get} finds them under it when this
     * scan's head is another; {@code null} when none were read.
     *
     * @since 1.5
     */
    default String storedHeadId() {
        return null;
    }
}
