/**
 * The plugin SPI and the events a scan delivers: {@link org.gstats.api.ScannerPlugin},
 * {@link org.gstats.api.Analysis}, {@link org.gstats.api.CommitInfo},
 * {@link org.gstats.api.FileChange}. External plugins compile against this package only
 * (plus {@code org.gstats.api.report} for their results).
 */
@Export
@Version("1.5.0")
package org.gstats.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
