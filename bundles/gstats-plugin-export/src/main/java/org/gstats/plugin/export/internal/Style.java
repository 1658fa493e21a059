package org.gstats.plugin.export.internal;

import org.gstats.api.report.WriterOptions;

/**
 * ANSI colours for the text summary, or none: headings, quiet detail, good and bad news, each
 * chosen for a dark or a light background. Without colour every method returns its text as is,
 * so the layout (which counts columns without escapes) is the same either way.
 */
final class Style {

    private static final String RESET = "\u001b[0m";

    private final boolean color;
    private final boolean light;

    private Style(boolean color, boolean light) {
        this.color = color;
        this.light = light;
    }

    static Style of(WriterOptions options) {
        return new Style(options.color(), WriterOptions.LIGHT.equals(options.theme()));
    }

    String heading(String text) {
        return paint(text, light ? "1;34" : "1;36");
    }

    String quiet(String text) {
        return paint(text, light ? "2" : "90");
    }

    String good(String text) {
        return paint(text, light ? "32" : "92");
    }

    String warning(String text) {
        return paint(text, light ? "33" : "93");
    }

    String bad(String text) {
        return paint(text, light ? "31" : "91");
    }

    /** A debt rating in the colour of its news: A and B good, C a warning, D and E bad. */
    String rating(String rating) {
        return switch (rating) {
            case "A", "B" -> good(rating);
            case "C" -> warning(rating);
            default -> bad(rating);
        };
    }

    private String paint(String text, String code) {
        return color && !text.isEmpty() ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
