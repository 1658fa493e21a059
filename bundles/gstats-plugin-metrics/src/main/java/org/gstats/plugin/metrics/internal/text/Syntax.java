package org.gstats.plugin.metrics.internal.text;

import java.util.List;

/**
 * The lexical shape of a language family, as much as line counting and clone detection need:
 * where comments and strings start and end. Comment rules follow cloc's filters for the same
 * language, so that line counts can be compared with cloc's.
 *
 * @param lineComments        markers that start a comment running to the end of the line
 * @param startLineComments   markers that start a comment only as the first non-blank text of a line
 * @param blockComments       comments with an opening and a closing marker
 * @param nestedBlocks        whether block comments nest (Haskell {- {- -} -})
 * @param strings             string literals; an unclosed one ends at the end of its line
 * @param multiLineStrings    string literals that may span lines (text blocks, template literals)
 */
public record Syntax(List<String> lineComments, List<String> startLineComments, List<Delimiters> blockComments,
        boolean nestedBlocks, List<Delimiters> strings, List<Delimiters> multiLineStrings) {

    /**
     * An opening and a closing marker.
     *
     * @param escapes whether a backslash escapes the next character inside
     */
    public record Delimiters(String open, String close, boolean escapes) {
    }

    public Syntax {
        lineComments = List.copyOf(lineComments);
        startLineComments = List.copyOf(startLineComments);
        blockComments = List.copyOf(blockComments);
        strings = List.copyOf(strings);
        multiLineStrings = List.copyOf(multiLineStrings);
    }

    private static final Delimiters DOUBLE = new Delimiters("\"", "\"", true);
    private static final Delimiters SINGLE = new Delimiters("'", "'", true);
    private static final Delimiters C_BLOCK = new Delimiters("/*", "*/", false);

    /** No comments at all (JSON, plain text, CSV). */
    public static final Syntax PLAIN = new Syntax(List.of(), List.of(), List.of(), false, List.of(), List.of());

    /** C, C++, C#, Java, Rust, Swift, …: {@code //}, {@code /* *}{@code /}, "…" and '…'. */
    public static final Syntax C_FAMILY = new Syntax(List.of("//"), List.of(), List.of(C_BLOCK), false,
            List.of(DOUBLE, SINGLE), List.of());

    /** Java, Kotlin, Scala, Groovy: C family plus triple-quoted text blocks. */
    public static final Syntax JVM = new Syntax(List.of("//"), List.of(), List.of(C_BLOCK), false,
            List.of(DOUBLE, SINGLE), List.of(new Delimiters("\"\"\"", "\"\"\"", true)));

    /** JavaScript, TypeScript: C family plus template literals. */
    public static final Syntax ECMASCRIPT = new Syntax(List.of("//"), List.of(), List.of(C_BLOCK), false,
            List.of(DOUBLE, SINGLE), List.of(new Delimiters("`", "`", true)));

    /** Go: C family plus raw strings in back quotes. */
    public static final Syntax GO = new Syntax(List.of("//"), List.of(), List.of(C_BLOCK), false,
            List.of(DOUBLE, SINGLE), List.of(new Delimiters("`", "`", false)));

    /** C#: C family plus verbatim strings {@code @"…"}. */
    public static final Syntax CSHARP = new Syntax(List.of("//"), List.of(), List.of(C_BLOCK), false,
            List.of(DOUBLE, SINGLE), List.of(new Delimiters("@\"", "\"", false)));

    /** CSS: block comments only. */
    public static final Syntax CSS = new Syntax(List.of(), List.of(), List.of(C_BLOCK), false,
            List.of(DOUBLE, SINGLE), List.of());

    /** PHP: {@code //}, {@code #} and block comments. */
    public static final Syntax PHP = new Syntax(List.of("//", "#"), List.of(), List.of(C_BLOCK), false,
            List.of(DOUBLE, SINGLE), List.of());

    /** Shells, YAML, TOML, make, R, Perl, …: {@code #} to the end of the line. */
    public static final Syntax HASH = new Syntax(List.of("#"), List.of(), List.of(), false,
            List.of(DOUBLE, SINGLE), List.of());

    /**
     * Python: {@code #}, and triple-quoted strings counted as comments, as cloc counts docstrings
     * (cloc turns every triple-quoted string into a comment).
     */
    public static final Syntax PYTHON = new Syntax(List.of("#"), List.of(),
            List.of(new Delimiters("\"\"\"", "\"\"\"", false), new Delimiters("'''", "'''", false)), false,
            List.of(DOUBLE, SINGLE), List.of());

    /** Ruby: {@code #} and {@code =begin}/{@code =end}. */
    public static final Syntax RUBY = new Syntax(List.of("#"), List.of(),
            List.of(new Delimiters("=begin", "=end", false)), false, List.of(DOUBLE, SINGLE), List.of());

    /** Java properties: {@code #} or {@code !} as the first text of a line. */
    public static final Syntax PROPERTIES = new Syntax(List.of(), List.of("#", "!"), List.of(), false,
            List.of(), List.of());

    /** Dockerfile: {@code #} as the first text of a line. */
    public static final Syntax HASH_AT_START = new Syntax(List.of(), List.of("#"), List.of(), false,
            List.of(), List.of());

    /** INI: {@code ;} or {@code #} as the first text of a line. */
    public static final Syntax INI = new Syntax(List.of(), List.of(";", "#"), List.of(), false,
            List.of(), List.of());

    /** XML, HTML, SVG, Markdown: {@code <!-- -->}. */
    public static final Syntax MARKUP = new Syntax(List.of(), List.of(),
            List.of(new Delimiters("<!--", "-->", false)), false, List.of(), List.of());

    /** SQL: {@code --} and block comments. */
    public static final Syntax SQL = new Syntax(List.of("--"), List.of(), List.of(C_BLOCK), false,
            List.of(SINGLE, DOUBLE), List.of());

    /** Lua: {@code --} and {@code --[[ ]]}. */
    public static final Syntax LUA = new Syntax(List.of("--"), List.of(),
            List.of(new Delimiters("--[[", "]]", false)), false, List.of(DOUBLE, SINGLE), List.of());

    /** Haskell: {@code --} and nested {@code {- -}}. */
    public static final Syntax HASKELL = new Syntax(List.of("--"), List.of(),
            List.of(new Delimiters("{-", "-}", false)), true, List.of(DOUBLE), List.of());

    /** Lisps and assembly: {@code ;} to the end of the line. */
    public static final Syntax SEMICOLON = new Syntax(List.of(";"), List.of(), List.of(), false,
            List.of(DOUBLE), List.of());

    /** Erlang, TeX, MATLAB: {@code %} to the end of the line. */
    public static final Syntax PERCENT = new Syntax(List.of("%"), List.of(), List.of(), false,
            List.of(DOUBLE), List.of());

    /** Windows batch files: {@code REM} and {@code ::} at the start of a line. */
    public static final Syntax BATCH = new Syntax(List.of(), List.of("REM ", "rem ", "::", "@REM", "@rem"),
            List.of(), false, List.of(), List.of());
}
