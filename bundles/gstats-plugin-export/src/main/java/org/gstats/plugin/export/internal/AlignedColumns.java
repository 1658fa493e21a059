package org.gstats.plugin.export.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out rows of cells as padded columns separated by two spaces, each column as wide as
 * its widest cell. Widths are terminal columns: CJK and emoji take two, combining marks none,
 * so that names in any script line up.
 */
final class AlignedColumns {

    private static final String GAP = "  ";

    private AlignedColumns() {
    }

    /**
     * @param rows         cells, every row as long as {@code rightAligned}
     * @param rightAligned per column: pad on the left (numbers) instead of the right
     * @return one line per row, without trailing spaces
     */
    static List<String> layout(List<List<String>> rows, boolean[] rightAligned) {
        int[] widths = new int[rightAligned.length];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], width(row.get(column)));
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                if (column > 0) {
                    line.append(GAP);
                }
                String cell = row.get(column);
                String padding = " ".repeat(widths[column] - width(cell));
                if (rightAligned[column]) {
                    line.append(padding).append(cell);
                } else {
                    line.append(cell).append(padding);
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * The text within {@code maxWidth} columns: when longer, its middle gives way to {@code …}, so
     * that both ends stay, e.g. a path's top folder and its file name.
     */
    static String shorten(String text, int maxWidth) {
        if (width(text) <= maxWidth) {
            return text;
        }
        if (maxWidth <= 1) {
            return "…";
        }
        int[] codePoints = text.codePoints().toArray();
        int tailWidth = (maxWidth - 1) / 2;
        int headWidth = maxWidth - 1 - tailWidth;
        StringBuilder head = new StringBuilder();
        int used = 0;
        int first = 0;
        while (first < codePoints.length && used + width(codePoints[first]) <= headWidth) {
            used += width(codePoints[first]);
            head.appendCodePoint(codePoints[first++]);
        }
        int last = codePoints.length;
        int tailUsed = 0;
        int budget = maxWidth - 1 - used;
        while (last > first && tailUsed + width(codePoints[last - 1]) <= budget) {
            tailUsed += width(codePoints[--last]);
        }
        StringBuilder tail = new StringBuilder();
        for (int i = last; i < codePoints.length; i++) {
            tail.appendCodePoint(codePoints[i]);
        }
        return head.append('…').append(tail).toString();
    }

    /**
     * A path within {@code maxWidth} columns, keeping its file name whole when it can:
     * {@code src/main/…/ImportantService.java}; else shortened in the middle as {@link #shorten}.
     */
    static String shortenPath(String path, int maxWidth) {
        if (width(path) <= maxWidth) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        String name = slash < 0 ? path : path.substring(slash);
        int headWidth = maxWidth - 1 - width(name);
        if (slash < 0 || headWidth < 3) {
            return shorten(path, maxWidth);
        }
        return prefix(path.substring(0, slash), headWidth) + "…" + name;
    }

    /** The longest start of {@code text} that takes at most {@code maxWidth} columns. */
    static String prefix(String text, int maxWidth) {
        StringBuilder prefix = new StringBuilder();
        int used = 0;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            used += width(codePoint);
            if (used > maxWidth) {
                break;
            }
            prefix.appendCodePoint(codePoint);
            offset += Character.charCount(codePoint);
        }
        return prefix.toString();
    }

    /** Columns the text takes on a terminal. */
    static int width(String text) {
        return text.codePoints().map(AlignedColumns::width).sum();
    }

    /** Columns one code point takes on a terminal, after Markus Kuhn's wcwidth. */
    static int width(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F)
                || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x1F300 && c <= 0x1F64F)
                || (c >= 0x1F900 && c <= 0x1F9FF)
                || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
