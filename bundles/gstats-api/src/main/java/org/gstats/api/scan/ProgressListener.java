package org.gstats.api.scan;

import org.gstats.api.report.Report;
import org.osgi.annotation.versioning.ConsumerType;

/** Hears how far a scan has got, e.g. to print progress on stderr, and when its report is made. */
@FunctionalInterface
@ConsumerType
public interface ProgressListener {

    ProgressListener NONE = commits -> {
    };

    /** Called now and then with the number of commits scanned so far. */
    void commitsScanned(long commits);

    /**
     * Called once, on the scan's thread, with the finished scan's report, while the store records
     * the scan: a caller that writes the report here has it reach its user while the store's last
     * transaction runs. {@link ScanEngine#scan} returns the same report once both have ended; an
     * exception thrown here ends the scan with it, after the store's write.
     *
     * @since 2.2
     */
    default void reportReady(Report report) {
    }
}
