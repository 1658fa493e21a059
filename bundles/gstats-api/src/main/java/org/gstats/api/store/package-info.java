/**
 * The scan store: what scans computed, kept per commit id so that a rescan replays it instead
 * of computing it again, content plugins' results per blob id, each scan's summary for history
 * and SQL, and each repository's latest report.
 * {@link org.gstats.api.store.ScanStore} is the service; the engine works without it.
 */
@Export
@Version("1.7.0")
package org.gstats.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
