package org.gstats.api.report;

/** A failure that did not stop the scan, e.g. a plugin that threw. */
public record ReportError(String plugin, String message) {
}
