package org.gstats.plugin.export.internal;

/**
 * Text as XML 1.0 can carry it, for a writer that does its own escaping. XML 1.0 has no way to
 * write most C0 control characters (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) nor U+FFFE
 * and U+FFFF, not even as character references, and its parsers turn a raw CR into LF. So CR
 * is written {@code &#13;}, and text holding a character XML cannot carry is marked
 * {@code escaped="true"}: in it, that character and every backslash are written as
 * a backslash, {@code u} and four upper-case hex digits (as in a Java escape), so that the text reads back exactly.
 */
final class XmlText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private XmlText() {
    }

    /** Whether the value needs the {@code escaped="true"} form. */
    static boolean needsEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isXmlChar(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Element content; with {@code escapes}, in the {@code escaped="true"} form. */
    static String content(String text, boolean escapes) {
        StringBuilder xml = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                // ']]>' may not appear in content
                case '>' -> xml.append("&gt;");
                case '\r' -> xml.append("&#13;");
                default -> {
                    if (escapes && (c == '\\' || !isXmlChar(c))) {
                        xml.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        xml.append(c);
                    }
                }
            }
        }
        return xml.toString();
    }

    /**
     * Whether XML 1.0 allows the UTF-16 unit. Surrogates count as allowed: the writers pair them
     * or replace them beforehand ({@link ReportValues#text}).
     */
    private static boolean isXmlChar(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }
}
