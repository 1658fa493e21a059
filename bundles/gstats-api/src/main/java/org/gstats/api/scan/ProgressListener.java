package org.gstats.api.scan;

/** Hears how far a scan has got, e.g. to print progress on stderr. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = commits -> {
    };

    /** Called now and then with the number of commits scanned so far. */
    void commitsScanned(long commits);
}
