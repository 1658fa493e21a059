package org.gstats.api.report;

/**
 * A failure that did not stop the scan, e.g. a plugin that threw, or what the scanner could
 * not read.
 *
 * @param plugin        the plugin that failed, or {@link #SCANNER} for what the scanner could not read
 * @param message       one line for the user
 * @param unreadCommits how many commits could not be read at all, 0 for none: a report with
 *                      such an error is incomplete, and the scan's exit status says so (since 1.2)
 */
public record ReportError(String plugin, String message, long unreadCommits) {

    /** An error that loses no commit. */
    public ReportError(String plugin, String message) {
        this(plugin, message, 0);
    }

    /** The source of the scanner's own warnings (objects it could not read), as the report names it (since 1.3). */
    public static final String SCANNER = "scanner";
}
