package org.gstats.plugin.metrics.internal.format;

import static org.gstats.plugin.metrics.internal.format.Category.BUILD;
import static org.gstats.plugin.metrics.internal.format.Category.CONFIG;
import static org.gstats.plugin.metrics.internal.format.Category.DATA;
import static org.gstats.plugin.metrics.internal.format.Category.DOCUMENTATION;
import static org.gstats.plugin.metrics.internal.format.Category.MARKUP;
import static org.gstats.plugin.metrics.internal.format.Category.SOURCE;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gstats.plugin.metrics.internal.text.Syntax;

/**
 * The languages gstats knows, found by file extension, exact file name or the interpreter a
 * shebang line names. Names are cloc's, so that line counts compare language by language.
 */
public final class Languages {

    private static final Map<String, Language> BY_NAME = new HashMap<>();
    private static final Map<String, Language> BY_EXTENSION = new HashMap<>();
    private static final Map<String, Language> BY_FILE_NAME = new HashMap<>();
    private static final Map<String, Language> BY_INTERPRETER = new HashMap<>();

    static {
        add("Java", SOURCE, Syntax.JVM, "Java", "java", "", "");
        add("Kotlin", SOURCE, Syntax.JVM, "Kotlin", "kt kts ktm", "", "kotlin");
        add("Scala", SOURCE, Syntax.JVM, null, "scala sc", "", "scala");
        add("Groovy", SOURCE, Syntax.JVM, null, "groovy gvy", "Jenkinsfile", "groovy");
        add("JavaScript", SOURCE, Syntax.ECMASCRIPT, "JavaScript", "js mjs cjs", "", "node nodejs");
        add("JSX", SOURCE, Syntax.ECMASCRIPT, "JavaScript", "jsx", "", "");
        add("TypeScript", SOURCE, Syntax.ECMASCRIPT, "TypeScript", "ts tsx mts cts", "", "ts-node deno");
        add("Python", SOURCE, Syntax.PYTHON, "Python", "py pyw pyi py3", "SConstruct SConscript",
                "python python2 python3 pypy pypy3");
        add("Go", SOURCE, Syntax.GO, "Go", "go", "", "");
        add("Rust", SOURCE, Syntax.C_FAMILY, "Rust", "rs", "", "");
        add("C", SOURCE, Syntax.C_FAMILY, "C", "c", "", "tcc");
        add("C++", SOURCE, Syntax.C_FAMILY, "C++", "cc cpp cxx c++ pcc tpp ipp inl", "", "");
        add("C/C++ Header", SOURCE, Syntax.C_FAMILY, "C++", "h hh hpp hxx h++", "", "");
        add("C#", SOURCE, Syntax.CSHARP, "C#", "cs", "", "");
        add("Objective-C", SOURCE, Syntax.C_FAMILY, null, "m mm", "", "");
        add("Swift", SOURCE, Syntax.C_FAMILY, null, "swift", "", "");
        add("Dart", SOURCE, Syntax.C_FAMILY, null, "dart", "", "dart");
        add("Ruby", SOURCE, Syntax.RUBY, "Ruby", "rb rake gemspec ru", "Rakefile Gemfile Vagrantfile Podfile",
                "ruby jruby");
        add("PHP", SOURCE, Syntax.PHP, "PHP", "php php3 php4 php5 phtml", "", "php");
        add("Perl", SOURCE, Syntax.HASH, null, "pl pm", "", "perl");
        add("Bourne Shell", SOURCE, Syntax.HASH, null, "sh", "", "sh dash ash");
        add("Bourne Again Shell", SOURCE, Syntax.HASH, null, "bash", "", "bash");
        add("Fish Shell", SOURCE, Syntax.HASH, null, "fish", "", "fish");
        add("zsh", SOURCE, Syntax.HASH, null, "zsh", "", "zsh");
        add("PowerShell", SOURCE, Syntax.HASH, null, "ps1 psm1", "", "pwsh");
        add("DOS Batch", SOURCE, Syntax.BATCH, null, "bat cmd", "", "");
        add("R", SOURCE, Syntax.HASH, null, "r", "", "Rscript");
        add("Lua", SOURCE, Syntax.LUA, null, "lua", "", "lua");
        add("Haskell", SOURCE, Syntax.HASKELL, null, "hs", "", "runhaskell");
        add("Elixir", SOURCE, Syntax.HASH, null, "ex exs", "", "elixir");
        add("Erlang", SOURCE, Syntax.PERCENT, null, "erl hrl", "", "escript");
        add("Clojure", SOURCE, Syntax.SEMICOLON, null, "clj cljs cljc", "", "");
        add("Lisp", SOURCE, Syntax.SEMICOLON, null, "lisp lsp el", "", "sbcl");
        add("SQL", SOURCE, Syntax.SQL, null, "sql", "", "");
        add("Assembly", SOURCE, Syntax.SEMICOLON, null, "asm", "", "");
        add("CSS", MARKUP, Syntax.CSS, null, "css", "", "");
        add("SCSS", MARKUP, Syntax.C_FAMILY, null, "scss", "", "");
        add("LESS", MARKUP, Syntax.C_FAMILY, null, "less", "", "");
        add("HTML", MARKUP, Syntax.MARKUP, null, "html htm xhtml", "", "");
        add("XML", MARKUP, Syntax.MARKUP, null, "xml xsl xslt plist", "", "");
        add("XSD", MARKUP, Syntax.MARKUP, null, "xsd", "", "");
        add("SVG", MARKUP, Syntax.MARKUP, null, "svg", "", "");
        add("Markdown", DOCUMENTATION, Syntax.MARKUP, null, "md markdown mdown mkd", "", "");
        add("reStructuredText", DOCUMENTATION, Syntax.PLAIN, null, "rst", "", "");
        add("AsciiDoc", DOCUMENTATION, Syntax.PLAIN, null, "adoc asciidoc", "", "");
        add("TeX", DOCUMENTATION, Syntax.PERCENT, null, "tex sty cls", "", "");
        add("Text", DOCUMENTATION, Syntax.PLAIN, null, "txt text", "", "");
        add("JSON", DATA, Syntax.PLAIN, null, "json geojson", "", "");
        add("CSV", DATA, Syntax.PLAIN, null, "csv tsv", "", "");
        add("YAML", CONFIG, Syntax.HASH, null, "yaml yml", "", "");
        add("TOML", CONFIG, Syntax.HASH, null, "toml", "", "");
        add("INI", CONFIG, Syntax.INI, null, "ini cfg", "", "");
        add("Properties", CONFIG, Syntax.PROPERTIES, null, "properties", "", "");
        add("Protocol Buffers", SOURCE, Syntax.C_FAMILY, null, "proto", "", "");
        add("Dockerfile", BUILD, Syntax.HASH_AT_START, null, "dockerfile", "Dockerfile Containerfile", "");
        add("make", BUILD, Syntax.HASH, null, "mk mak make", "Makefile makefile GNUmakefile", "make");
        add("CMake", BUILD, Syntax.HASH, null, "cmake", "CMakeLists.txt", "");
        add("Gradle", BUILD, Syntax.JVM, null, "gradle", "", "");
        add("Maven", BUILD, Syntax.MARKUP, null, "pom", "", "");
        BY_FILE_NAME.put("pom.xml", BY_NAME.get("Maven"));
        BY_FILE_NAME.put("build.xml", new Language("XML", BUILD, Syntax.MARKUP, null));
        BY_FILE_NAME.put("package.json", new Language("JSON", BUILD, Syntax.PLAIN, null));
        BY_FILE_NAME.put("build.gradle.kts", new Language("Kotlin", BUILD, Syntax.JVM, null));
        BY_FILE_NAME.put("settings.gradle.kts", new Language("Kotlin", BUILD, Syntax.JVM, null));
    }

    private Languages() {
    }

    private static void add(String name, Category category, Syntax syntax, String analyzer, String extensions,
            String fileNames, String interpreters) {
        Language language = new Language(name, category, syntax, analyzer);
        BY_NAME.put(name, language);
        for (String extension : extensions.split(" ")) {
            if (!extension.isEmpty()) {
                BY_EXTENSION.put(extension, language);
            }
        }
        for (String fileName : fileNames.split(" ")) {
            if (!fileName.isEmpty()) {
                BY_FILE_NAME.put(fileName, language);
            }
        }
        for (String interpreter : interpreters.split(" ")) {
            if (!interpreter.isEmpty()) {
                BY_INTERPRETER.put(interpreter, language);
            }
        }
    }

    public static Optional<Language> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** By the file's extension, lower-cased: {@code Main.JAVA} is Java. */
    public static Optional<Language> byExtension(String extension) {
        return Optional.ofNullable(BY_EXTENSION.get(extension.toLowerCase(Locale.ROOT)));
    }

    /** By the exact file name ({@code Makefile}, {@code pom.xml}). */
    public static Optional<Language> byFileName(String fileName) {
        return Optional.ofNullable(BY_FILE_NAME.get(fileName));
    }

    /** By an interpreter's base name, version digits allowed ({@code python3.11}). */
    public static Optional<Language> byInterpreter(String interpreter) {
        Language language = BY_INTERPRETER.get(interpreter);
        if (language == null) {
            language = BY_INTERPRETER.get(interpreter.replaceAll("[0-9.]+$", ""));
        }
        return Optional.ofNullable(language);
    }

    /** By a name an editor modeline gives ({@code ft=python}, {@code mode: ruby}), case-insensitive. */
    public static Optional<Language> byModeName(String mode) {
        String lower = mode.toLowerCase(Locale.ROOT);
        for (Language language : BY_NAME.values()) {
            if (language.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(language);
            }
        }
        return byExtension(lower).or(() -> byInterpreter(lower));
    }
}
