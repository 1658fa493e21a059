package org.gstats.api.scan;

import org.osgi.annotation.versioning.ConsumerType;

/** Hears how far a scan has got, e.g. to print progress on stderr. */
@FunctionalInterface
@ConsumerType
public interface ProgressListener {

    ProgressListener NONE = commits -> {
    };

    /** Called now and then with the number of commits scanned so far. */
    void commitsScanned(long commits);
}
