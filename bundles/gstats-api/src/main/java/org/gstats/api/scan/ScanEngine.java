package org.gstats.api.scan;

import org.gstats.api.report.Report;
import org.osgi.annotation.versioning.ProviderType;

/** Runs one scan with every active plugin and assembles their sections into one report. */
@ProviderType
public interface ScanEngine {

    /**
     * Scans and returns the report. A plugin that fails is listed in the report's errors and
     * does not stop the scan.
     */
    Report scan(ScanRequest request, ProgressListener progress) throws ScanException;

    /**
     * Scans with the selected plugins only.
     *
     * @throws ScanException {@link ScanException.Reason#BAD_INPUT} when the selection names a
     *                       plugin that is not active
     * @since 1.1
     */
    Report scan(ScanRequest request, PluginSelection plugins, ProgressListener progress) throws ScanException;
}
