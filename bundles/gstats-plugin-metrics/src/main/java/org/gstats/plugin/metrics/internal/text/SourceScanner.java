package org.gstats.plugin.metrics.internal.text;

import java.util.List;

import org.gstats.plugin.metrics.internal.text.Syntax.Delimiters;

/**
 * Splits source text into lexemes by a {@link Syntax}: words, numbers, strings, operators (runs
 * of operator characters), other single-character symbols and comments, with their lines. One pass serves both line counting and clone
 * detection. Lines are counted from 1; a line ends at {@code \n}. It reads the text's characters
 * from an array (one copy per file, shared with the other passes): {@code String.charAt} checks
 * its index on every character, which cost a fifth of the head-file work.
 */
public final class SourceScanner {

    /** What a lexeme is. */
    public enum Kind {
        WORD, NUMBER, STRING, SYMBOL, COMMENT
    }

    /** Receives lexemes in text order; {@code end} is exclusive. */
    @FunctionalInterface
    public interface Sink {
        void lexeme(Kind kind, int start, int end, int startLine, int endLine);
    }

    /** Characters that form one operator token together ({@code &&}, {@code !==}, {@code =>}), as jscpd counts them. */
    private static final String OPERATORS = "=!<>&|+-*/%^~?:";

    /**
     * ASCII is classified by tables rather than {@link Character}'s methods, whose lookups were a tenth of the
     * scan: white space as {@link Character#isWhitespace}, word characters (letters, digits, {@code _} and
     * {@code $}) and {@link #OPERATORS}.
     */
    private static final char ASCII = 128;
    private static final boolean[] ASCII_SPACE = new boolean[ASCII];
    private static final boolean[] ASCII_WORD = new boolean[ASCII];
    private static final boolean[] ASCII_OPERATOR = new boolean[ASCII];

    static {
        for (char c = 0; c < ASCII; c++) {
            ASCII_SPACE[c] = Character.isWhitespace(c);
            ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '_' || c == '$';
            ASCII_OPERATOR[c] = OPERATORS.indexOf(c) >= 0;
        }
    }

    private SourceScanner() {
    }

    /** Scans {@code text}, whose lines are {@code lines} (found once per file, for every pass). */
    public static void scan(char[] text, TextLines lines, Syntax syntax, Sink sink) {
        int[] lineStarts = lines.starts();
        // lines starting at or before the position reached: the line number there (from 1)
        int linesBefore = 1;
        boolean[] starters = starters(syntax);
        int length = text.length;
        int position = 0;
        int line = 1;
        boolean lineStart = true;
        while (position < length) {
            char c = text[position];
            if (c == '\n') {
                line++;
                lineStart = true;
                position++;
                continue;
            }
            if (isWhitespace(c)) {
                position++;
                continue;
            }
            int start = position;
            Kind kind;
            if (position == 0 && startsWith(text, "#!", 0) && hashComments(syntax)) {
                // a shebang line is code, as cloc counts it, though '#' starts comments
                position = endOfLine(text, position);
                sink.lexeme(Kind.WORD, start, position, line, line);
                lineStart = false;
                continue;
            }
            // most characters start no comment and no string: skip the marker checks for them
            boolean mayOpen = c >= starters.length || starters[c];
            Delimiters block = mayOpen ? opening(syntax.blockComments(), text, position, lineStart) : null;
            if (block != null) {
                kind = Kind.COMMENT;
                position = syntax.nestedBlocks() ? endOfNested(text, position, block) : endOfBlock(text, position, block);
            } else if (mayOpen && (startsAny(syntax.lineComments(), text, position)
                    || lineStart && startsAny(syntax.startLineComments(), text, position))) {
                kind = Kind.COMMENT;
                position = endOfLine(text, position);
            } else {
                Delimiters string = mayOpen ? opening(syntax.multiLineStrings(), text, position, lineStart) : null;
                if (string != null) {
                    kind = Kind.STRING;
                    position = endOfString(text, position, string, true);
                } else if (mayOpen && (string = opening(syntax.strings(), text, position, lineStart)) != null) {
                    kind = Kind.STRING;
                    position = endOfString(text, position, string, false);
                } else if (isWordStart(c)) {
                    kind = Kind.WORD;
                    position = endOfWord(text, position);
                } else if (c >= '0' && c <= '9') {
                    kind = Kind.NUMBER;
                    position = endOfNumber(text, position);
                } else if (c < ASCII && ASCII_OPERATOR[c]) {
                    kind = Kind.SYMBOL;
                    position = endOfOperator(text, position, syntax);
                } else {
                    kind = Kind.SYMBOL;
                    position += Character.isHighSurrogate(c) && position + 1 < length ? 2 : 1;
                }
            }
            while (linesBefore < lineStarts.length && lineStarts[linesBefore] <= position) {
                linesBefore++;
            }
            int endLine = linesBefore;
            sink.lexeme(kind, start, position, line, endLine);
            line = endLine;
            lineStart = false;
        }
    }

    /** {@link Character#isWhitespace(char)}, ASCII by a table. */
    static boolean isWhitespace(char c) {
        return c < ASCII ? ASCII_SPACE[c] : Character.isWhitespace(c);
    }

    /** Which ASCII characters begin a comment or string marker of the syntax. */
    private static boolean[] starters(Syntax syntax) {
        boolean[] starters = new boolean[128];
        List<String> markers = new java.util.ArrayList<>(syntax.lineComments());
        markers.addAll(syntax.startLineComments());
        for (List<Delimiters> delimiters : List.of(syntax.blockComments(), syntax.strings(), syntax.multiLineStrings())) {
            delimiters.forEach(d -> markers.add(d.open()));
        }
        for (String marker : markers) {
            char first = marker.charAt(0);
            if (first < starters.length) {
                starters[first] = true;
            }
        }
        return starters;
    }

    private static boolean hashComments(Syntax syntax) {
        return syntax.lineComments().contains("#") || syntax.startLineComments().contains("#");
    }

    private static Delimiters opening(List<Delimiters> candidates, char[] text, int position, boolean lineStart) {
        for (Delimiters candidate : candidates) {
            // Ruby's =begin/=end only count at the start of a line
            if (startsWith(text, candidate.open(), position) && (lineStart || candidate.open().charAt(0) != '=')) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean startsAny(List<String> markers, char[] text, int position) {
        for (String marker : markers) {
            if (startsWith(text, marker, position)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code marker} stands in {@code text} at {@code position}. */
    private static boolean startsWith(char[] text, String marker, int position) {
        int length = marker.length();
        if (position < 0 || position > text.length - length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[position + i] != marker.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int endOfLine(char[] text, int position) {
        for (int i = position; i < text.length; i++) {
            if (text[i] == '\n') {
                return i;
            }
        }
        return text.length;
    }

    private static int endOfBlock(char[] text, int position, Delimiters block) {
        String close = block.close();
        char first = close.charAt(0);
        for (int i = position + block.open().length(); i <= text.length - close.length(); i++) {
            if (text[i] == first && startsWith(text, close, i)) {
                return i + close.length();
            }
        }
        return text.length;
    }

    private static int endOfNested(char[] text, int position, Delimiters block) {
        int depth = 0;
        int i = position;
        while (i < text.length) {
            if (startsWith(text, block.open(), i)) {
                depth++;
                i += block.open().length();
            } else if (startsWith(text, block.close(), i)) {
                depth--;
                i += block.close().length();
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    private static int endOfString(char[] text, int position, Delimiters string, boolean multiLine) {
        int i = position + string.open().length();
        while (i < text.length) {
            char c = text[i];
            if (c == '\\' && string.escapes()) {
                i += 2;
            } else if (startsWith(text, string.close(), i)) {
                return i + string.close().length();
            } else if (c == '\n' && !multiLine) {
                return i;
            } else {
                i++;
            }
        }
        return Math.min(i, text.length);
    }

    private static int endOfOperator(char[] text, int position, Syntax syntax) {
        int i = position + 1;
        while (i < text.length && text[i] < ASCII && ASCII_OPERATOR[text[i]]
                && !startsAny(syntax.lineComments(), text, i) && opening(syntax.blockComments(), text, i, false) == null) {
            i++;
        }
        return i;
    }

    private static boolean isWordStart(char c) {
        return c < ASCII ? ASCII_WORD[c] && !(c >= '0' && c <= '9') : Character.isLetter(c);
    }

    private static int endOfWord(char[] text, int position) {
        int i = position + 1;
        while (i < text.length) {
            char c = text[i];
            if (c < ASCII ? !ASCII_WORD[c] : !Character.isLetterOrDigit(c)) {
                break;
            }
            i++;
        }
        return i;
    }

    private static int endOfNumber(char[] text, int position) {
        int i = position + 1;
        while (i < text.length) {
            char c = text[i];
            if (c < ASCII ? !ASCII_WORD[c] && c != '.' || c == '$' : !Character.isLetterOrDigit(c)) {
                break;
            }
            i++;
        }
        return i;
    }
}
