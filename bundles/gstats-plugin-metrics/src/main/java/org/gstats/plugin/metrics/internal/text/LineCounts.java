package org.gstats.plugin.metrics.internal.text;

/**
 * Lines of one text by kind, as cloc counts them: a blank line holds only white space; a
 * comment line holds comment text and nothing else; every other line is code (code and a
 * comment on one line count as code). A last line without a newline counts.
 */
public record LineCounts(int code, int comment, int blank) {

    public static final LineCounts NONE = new LineCounts(0, 0, 0);

    public int total() {
        return code + comment + blank;
    }

    public LineCounts plus(LineCounts other) {
        return new LineCounts(code + other.code, comment + other.comment, blank + other.blank);
    }
}
