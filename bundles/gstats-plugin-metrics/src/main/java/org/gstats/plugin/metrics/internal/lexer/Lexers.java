package org.gstats.plugin.metrics.internal.lexer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gstats.plugin.metrics.internal.lexer.Dialect.Backtick;
import org.gstats.plugin.metrics.internal.lexer.Dialect.Family;
import org.gstats.plugin.metrics.internal.lexer.Dialect.Interpolation;
import org.gstats.plugin.metrics.internal.lexer.Dialect.Layout;
import org.gstats.plugin.metrics.internal.lexer.Dialect.TripleQuote;

/** The lexer of each supported language, by the language names the format detection uses. */
public final class Lexers {

    private static final List<String> C_OPERATORS = List.of("->*", "<<=", ">>=", "<=>", "...", "->", "++", "--",
            "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "::",
            ".*");
    private static final List<String> JAVA_OPERATORS = List.of(">>>=", "<<=", ">>=", ">>>", "->", "::", "++", "--",
            "<<", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "...");
    private static final List<String> KOTLIN_OPERATORS = List.of("===", "!==", "..<", "?.", "?:", "!!", "->", "::",
            "++", "--", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "..");
    private static final List<String> JS_OPERATORS = List.of(">>>=", "...", "===", "!==", "**=", "<<=", ">>=",
            ">>>", "&&=", "||=", "??=", "=>", "?.", "??", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=",
            "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=");
    private static final List<String> GO_OPERATORS = List.of("&^=", "<<=", ">>=", "...", ":=", "<-", "++", "--",
            "<<", ">>", "&^", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=");
    private static final List<String> RUST_OPERATORS = List.of("<<=", ">>=", "..=", "...", "->", "=>", "::", "<<",
            ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "..");
    private static final List<String> CSHARP_OPERATORS = List.of("??=", "<<=", ">>=", ">>>", "=>", "?.", "??", "->",
            "::", "++", "--", "<<", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
            "^=", "..");
    private static final List<String> PYTHON_OPERATORS = List.of("**=", "//=", ">>=", "<<=", "...", "->", ":=",
            "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=");
    private static final List<String> RUBY_OPERATORS = List.of("**=", "<=>", "===", "...", "<<=", ">>=", "&&=",
            "||=", "&.", "**", "==", "!=", ">=", "<=", "&&", "||", "<<", ">>", "=~", "!~", "+=", "-=", "*=", "/=",
            "%=", "|=", "&=", "^=", "..", "::", "=>", "->");
    private static final List<String> PHP_OPERATORS = List.of("<=>", "===", "!==", "**=", "...", "<<=", ">>=",
            "??=", "?->", "->", "=>", "::", "??", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "<>", "&&",
            "||", "+=", "-=", "*=", "/=", ".=", "%=", "&=", "|=", "^=");

    private static final Set<String> C_KEYWORDS = Set.of("auto", "break", "case", "char", "const", "continue",
            "default", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int",
            "long", "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
            "typedef", "union", "unsigned", "void", "volatile", "while", "_Bool", "_Static_assert", "bool", "true",
            "false");
    private static final Set<String> CPP_EXTRA = Set.of("alignas", "alignof", "catch", "class", "concept",
            "consteval", "constexpr", "constinit", "const_cast", "co_await", "co_return", "co_yield", "decltype",
            "delete", "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace", "new", "noexcept",
            "nullptr", "operator", "private", "protected", "public", "reinterpret_cast", "requires",
            "static_assert", "static_cast", "template", "this", "thread_local", "throw", "try", "typeid",
            "typename", "using", "virtual", "wchar_t", "char8_t", "char16_t", "char32_t");

    private static final String JS_WORDS = "async await break case catch class const continue debugger default"
            + " delete do else export extends false finally for function if import in instanceof let new null of"
            + " return static super switch this throw true try typeof var void while with yield";

    private static final Map<String, Lexer> LEXERS = Map.ofEntries(
            entry(new Dialect("Java", words("abstract assert boolean break byte case catch char class const continue"
                    + " default do double else enum extends final finally float for goto if implements import"
                    + " instanceof int interface long native new package private protected public return short"
                    + " static strictfp super switch synchronized this throw throws transient try void volatile"
                    + " while true false null var record yield sealed permits non-sealed"),
                    JAVA_OPERATORS, List.of("//"), true, false, true, Interpolation.NONE, TripleQuote.ESCAPED,
                    Backtick.NONE, false, false, Layout.NONE, Family.JAVA)),
            entry(new Dialect("Kotlin", words("as break catch class continue do else false finally for fun if in"
                    + " interface is null object package return super this throw true try typealias typeof val var"
                    + " when while"),
                    KOTLIN_OPERATORS, List.of("//"), true, true, true, Interpolation.DOLLAR_BRACE,
                    TripleQuote.RAW_TEMPLATE, Backtick.NONE, false, false, Layout.NONE, Family.KOTLIN)),
            entry(new Dialect("JavaScript", words(JS_WORDS), JS_OPERATORS, List.of("//"), true, false, false,
                    Interpolation.NONE, TripleQuote.NONE, Backtick.TEMPLATE, false, true, Layout.NONE,
                    Family.JAVASCRIPT)),
            entry(new Dialect("TypeScript", words(JS_WORDS + " interface type enum implements private protected"
                    + " public readonly declare namespace abstract keyof"), JS_OPERATORS, List.of("//"), true, false,
                    false, Interpolation.NONE, TripleQuote.NONE, Backtick.TEMPLATE, false, true, Layout.NONE,
                    Family.JAVASCRIPT)),
            entry(new Dialect("Python", words("False None True and as assert async await break class continue def"
                    + " del elif else except finally for from global if import in is lambda nonlocal not or pass"
                    + " raise return try while with yield"), PYTHON_OPERATORS, List.of("#"), false, false, false,
                    Interpolation.NONE, TripleQuote.ESCAPED, Backtick.NONE, false, false, Layout.INDENTATION,
                    Family.PYTHON)),
            entry(new Dialect("Go", words("break case chan const continue default defer else fallthrough for func go"
                    + " goto if import interface map package range return select struct switch type var"),
                    GO_OPERATORS, List.of("//"), true, false, true, Interpolation.NONE, TripleQuote.NONE,
                    Backtick.RAW, false, false, Layout.NONE, Family.GO)),
            entry(new Dialect("Rust", words("as async await break const continue crate dyn else enum extern false fn"
                    + " for if impl in let loop match mod move mut pub ref return self Self static struct super"
                    + " trait true type unsafe use where while"), RUST_OPERATORS, List.of("//"), true, true, true,
                    Interpolation.NONE, TripleQuote.NONE, Backtick.NONE, false, false, Layout.NONE, Family.RUST)),
            entry(new Dialect("C", C_KEYWORDS, C_OPERATORS, List.of("//"), true, false, true, Interpolation.NONE,
                    TripleQuote.NONE, Backtick.NONE, true, false, Layout.NONE, Family.C_LIKE)),
            entry(new Dialect("C++", union(C_KEYWORDS, CPP_EXTRA), C_OPERATORS, List.of("//"), true, false, true,
                    Interpolation.NONE, TripleQuote.NONE, Backtick.NONE, true, false, Layout.NONE, Family.CPP)),
            entry(new Dialect("C#", words("abstract as base bool break byte case catch char checked class const"
                    + " continue decimal default delegate do double else enum event explicit extern false finally"
                    + " fixed float for foreach goto if implicit in int interface internal is lock long namespace"
                    + " new null object operator out override params private protected public readonly ref return"
                    + " sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof"
                    + " uint ulong unchecked unsafe ushort using virtual void volatile while record when"),
                    CSHARP_OPERATORS, List.of("//"), true, false, true, Interpolation.NONE, TripleQuote.RAW,
                    Backtick.NONE, true, false, Layout.NONE, Family.CSHARP)),
            entry(new Dialect("Ruby", words("BEGIN END alias and begin break case class def defined? do else elsif"
                    + " end ensure false for if in module next nil not or redo rescue retry return self super then"
                    + " true undef unless until when while yield"), RUBY_OPERATORS, List.of("#"), false, false,
                    false, Interpolation.HASH_BRACE, TripleQuote.NONE, Backtick.COMMAND, false, true,
                    Layout.NEWLINES, Family.RUBY)),
            entry(new Dialect("PHP", words("abstract and array as break callable case catch class clone const"
                    + " continue declare default do echo else elseif empty enddeclare endfor endforeach endif"
                    + " endswitch endwhile enum extends final finally fn for foreach function global goto if"
                    + " implements include include_once instanceof insteadof interface isset list match namespace"
                    + " new or print private protected public readonly require require_once return static switch"
                    + " throw trait try unset use var while xor yield true false null"), PHP_OPERATORS,
                    List.of("//", "#"), true, false, false, Interpolation.PHP, TripleQuote.NONE, Backtick.NONE,
                    false, false, Layout.NONE, Family.PHP)));

    private Lexers() {
    }

    /** The lexer for a language name such as "Java" or "C++"; empty for languages without one. */
    public static Optional<Lexer> forLanguage(String language) {
        return Optional.ofNullable(LEXERS.get(language));
    }

    /** The names {@link #forLanguage(String)} accepts. */
    public static Set<String> languages() {
        return LEXERS.keySet();
    }

    private static Map.Entry<String, Lexer> entry(Dialect dialect) {
        return Map.entry(dialect.language(), new SourceLexer(dialect));
    }

    private static Set<String> words(String spaceSeparated) {
        return Set.of(spaceSeparated.trim().split("\\s+"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        HashSet<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
