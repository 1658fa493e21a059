/**
 * The report model: a {@link org.gstats.api.report.Report} of plugin
 * {@link org.gstats.api.report.ReportSection}s made of named
 * {@link org.gstats.api.report.Fields} and {@link org.gstats.api.report.Table}s, and the
 * {@link org.gstats.api.report.ReportWriter} services that render it in one format each, with the
 * user's {@link org.gstats.api.report.WriterOptions}. A section may declare
 * {@link org.gstats.api.report.ChartSpec}s that the HTML report draws from its tables (since 1.3).
 * A writer may also take the repository's stored scans beside the report (since 1.5).
 */
@Export
@Version("1.5.0")
package org.gstats.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
