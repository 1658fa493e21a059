package org.gstats.scanner.internal;

/**
 * Hears what a scan reads, so that tests can prove a metadata-only scan reads no content.
 * Called on any of the scan's threads (its diff workers read blobs).
 */
interface ScanObserver {

    ScanObserver NONE = new ScanObserver() {
    };

    /** A blob was read and inflated from the object database. */
    default void blobRead() {
    }

    /** File content was handed to the listener (head or historical). */
    default void contentDelivered() {
    }
}
