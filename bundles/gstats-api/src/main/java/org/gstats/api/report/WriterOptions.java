package org.gstats.api.report;

/**
 * What the user asked of a {@link ReportWriter} beyond the format, and what the console it
 * writes to can show. A writer is handed only the options it declares in
 * {@link ReportWriter#options()}; the others stay at their defaults. The console's facts
 * ({@code width}, {@code color}, {@code theme}) are for writers that lay out text for people;
 * the others ignore them.
 *
 * @param pretty indent the output for people to read ({@code --pretty})
 * @param table  the one item to write, named {@code SECTION.ITEM} as in
 *               {@link Report#item(String)} (e.g. {@code commits.authors}), or {@code null} for
 *               the whole report
 * @param full   every table whole instead of a summary ({@code --full}) (since 1.3)
 * @param width  the columns a line may take, at least {@value #MIN_WIDTH} (since 1.3)
 * @param color  whether ANSI colours may be written ({@code --color}) (since 1.3)
 * @param theme  the colours to choose: {@value #DARK} for light text on a dark background, or
 *               {@value #LIGHT} (since 1.3)
 * @param history the repository's scans as the scan store holds them, oldest first, this scan among
 *               them: the table {@code gstats history} prints, one row a scan; {@code null} when the
 *               store is turned off or cannot be read ({@link ReportWriter.Option#HISTORY}) (since 1.5)
 * @since 1.1
 */
public record WriterOptions(boolean pretty, String table, boolean full, int width, boolean color, String theme,
        Table history) {

    /** The width when nothing tells the console's (no terminal, no {@code COLUMNS}). @since 1.3 */
    public static final int DEFAULT_WIDTH = 100;
    /** The narrowest layout writers make. @since 1.3 */
    public static final int MIN_WIDTH = 40;
    /** @since 1.3 */
    public static final String DARK = "dark";
    /** @since 1.3 */
    public static final String LIGHT = "light";

    /** No option given: compact output of the whole report, summarised for 100 columns without colour. */
    public static final WriterOptions DEFAULT = new WriterOptions(false, null);

    public WriterOptions {
        width = Math.max(MIN_WIDTH, width);
        theme = LIGHT.equals(theme) ? LIGHT : DARK;
    }

    /** The options of the 1.3 and 1.4 API: no history. @since 1.3 */
    public WriterOptions(boolean pretty, String table, boolean full, int width, boolean color, String theme) {
        this(pretty, table, full, width, color, theme, null);
    }

    /** The options of the 1.1 and 1.2 API: a summary, 100 columns, no colour. */
    public WriterOptions(boolean pretty, String table) {
        this(pretty, table, false, DEFAULT_WIDTH, false, DARK);
    }

    /** These options with the repository's stored scans. @since 1.5 */
    public WriterOptions withHistory(Table scans) {
        return new WriterOptions(pretty, table, full, width, color, theme, scans);
    }
}
