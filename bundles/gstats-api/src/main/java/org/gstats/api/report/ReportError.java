package org.gstats.api.report;

/**
 * A failure that did not stop the scan, e.g. a plugin that threw.
 *
 * @param plugin  the plugin that failed, or {@link #SCANNER} for what the scanner could not read
 * @param message one line for the user
 */
public record ReportError(String plugin, String message) {

    /** The source of the scanner's own warnings (objects it could not read), as the report names it (since 1.3). */
    public static final String SCANNER = "scanner";
}
