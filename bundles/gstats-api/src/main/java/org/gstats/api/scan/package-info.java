/**
 * The services that run a scan: {@link org.gstats.api.scan.RepositoryScanner} walks the
 * history, {@link org.gstats.api.scan.ScanEngine} drives the plugins over it, and
 * {@link org.gstats.api.scan.PluginRegistry} tells which plugins are there.
 */
@Export
@Version("2.5.0")
package org.gstats.api.scan;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
