package org.gstats.api.report;

/**
 * What the user asked of a {@link ReportWriter} beyond the format. A writer is handed only
 * the options it declares in {@link ReportWriter#options()}; the others stay at their defaults.
 *
 * @param pretty indent the output for people to read ({@code --pretty})
 * @param table  the one item to write, named {@code SECTION.ITEM} as in
 *               {@link Report#item(String)} (e.g. {@code commits.authors}), or {@code null} for
 *               the whole report
 * @since 1.1
 */
public record WriterOptions(boolean pretty, String table) {

    /** No option given: compact output of the whole report. */
    public static final WriterOptions DEFAULT = new WriterOptions(false, null);
}
