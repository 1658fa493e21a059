package org.gstats.plugin.export.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.plugin.commits.internal.CommitsPlugin;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.PluginScan;

/**
 * A report full of what breaks writers, from a real repository scanned by the real scanner and
 * the commits plugin: paths with commas, quotes, line breaks, tabs, backslashes, a control
 * character, CJK and bytes that are not UTF-8; authors with emoji and quotes. A second section,
 * "values", has every kind of value and text that looks like another type.
 */
final class TrickyReport {

    static final Person ZOE = new Person("Zoë Ødegård 😀", "zoe@example.com");
    static final Person LI = new Person("李小龍 🐉", "li@example.com");
    static final Person BOB = new Person("O'Brien, \"Bob\" <the builder>", "bob@example.com");

    /** Paths as Java strings; the one that is not UTF-8 on disk is made by {@link #LATIN1_FILE}. */
    static final List<String> PATHS = List.of("a,b.csv", "say \"hi\".txt", "two\nlines.txt", "tab\there.txt",
            "back\\slash.txt", "日本語/ファイル.txt", "bell\u0007 and cr\r.txt", "emoji 😀.md");
    /** {@code café latin-1.txt} with é as the single byte 0xE9, as a Latin-1 system would name it. */
    static final String LATIN1_FILE = "caf\\351 latin-1.txt";

    static final List<String> TEXTS = List.of("", " padded ", "123", "-7", "0x1F", "1e3", "1.0", ".5", "true",
            "False", "yes", "no", "on", "null", "~", "2024-01-15", "2024-01-15T11:00:00Z", "12:30", "- dash",
            "key: value", "# hash", "[a, b]", "{b: c}", "'single'", "\"double\"", "a,b", "line1\nline2",
            "cr\rlf\r\n", "tab\tend", "back\\slash", "\\u0041 literal", "control \u0001\u0002\u001f end",
            "both \\ and \u0001", "del\u007f", "nbsp\u00a0", "line sep\u2028para sep\u2029", "next line\u0085",
            "\ufeffbom", "non-char \ufffe\uffff", "emoji 😀 👩‍👩‍👧", "<script>alert('x')</script>",
            "]]> & &amp; <!-- -->", "日本語", "𝔸𝕄 supplementary", "lone \ud800 high", "lone \udc00 low",
            "pair reversed \ude00\ud83d", "%s %n {0}", "=SUM(A1)", "  ", "\t");

    private TrickyReport() {
    }

    /** Builds the repository in {@code dir} and scans it. */
    static Report build(Path dir) throws IOException, InterruptedException, ScanException {
        GitRepo repo = GitRepo.init(dir.resolve("repo, \"quoted\" 😀"));
        repo.write(PATHS.get(0), "a,b\n1,2\n");
        repo.write(PATHS.get(1), "hi\n");
        repo.write(PATHS.get(5), "日本\n");
        repo.commit("first", ZOE);
        repo.write(PATHS.get(2), "two\nlines\n");
        repo.write(PATHS.get(3), "tab\n");
        repo.write(PATHS.get(4), "slash\n");
        repo.write(PATHS.get(6), "bell\n");
        shell(repo.dir(), "printf 'latin-1 name\\n' > \"$(printf '" + LATIN1_FILE + "')\"");
        repo.commit("second", LI);
        repo.write(PATHS.get(7), "😀\n");
        repo.write(PATHS.get(0), "a,b\n1,2\n3,4\n");
        repo.commit("third, with \"quotes\"", BOB);
        repo.git("commit", "-q", "--allow-empty", "--author=Zoë Ødegård 😀 <zoe@example.com>",
                "--date=2024-03-01T01:30:00+0200", "-m", "east of UTC");

        ReportSection commits = scanCommits(repo.dir());
        // The scan reads the file from the history; the work tree's copy goes now, since Java cannot
        // name it to delete it (its name is not UTF-8) and TemporaryFolder would leave the folder behind.
        shell(repo.dir(), "rm -- \"$(printf '" + LATIN1_FILE + "')\"");
        ReportHeader header = new ReportHeader("0.1.0-TEST", repo.dir().toString(), "HEAD",
                repo.git("rev-parse", "HEAD").trim(), Instant.parse("2024-06-01T12:00:00.250Z"), 1234)
                .withMemory(52_428_800L, 3, 95);
        return new Report(header, List.of(commits, values(), new ReportSection("empty", List.of())), List.of(
                new ReportError("broken, \"plugin\"", "failed on two\nlines \u0001 <b>"),
                new ReportError("other", null)));
    }

    static ReportSection values() {
        Map<String, Object> kinds = new LinkedHashMap<>();
        kinds.put("int", 7);
        kinds.put("long", 123_456_789_012_345L);
        kinds.put("negative", -3);
        kinds.put("short", (short) 12);
        kinds.put("double", 0.25);
        kinds.put("big double", 1e10);
        kinds.put("tiny double", 1.5e-7);
        kinds.put("float", 0.1f);
        kinds.put("decimal", new BigDecimal("1234567890.123456789"));
        kinds.put("big integer", BigInteger.TWO.pow(70));
        kinds.put("nan", Double.NaN);
        kinds.put("infinite", Double.NEGATIVE_INFINITY);
        kinds.put("true", true);
        kinds.put("false", false);
        kinds.put("null", null);
        kinds.put("time", "2024-01-15T11:00:00Z");
        kinds.put("key with spaces, \"quotes\" & <tags>", "value");
        kinds.put("key\twith\ttabs\nand a line break", "value");
        Table.Builder texts = Table.builder("texts", "n", "text", "length");
        for (int i = 0; i < TEXTS.size(); i++) {
            texts.row(i, TEXTS.get(i), TEXTS.get(i).length());
        }
        texts.row(TEXTS.size(), null, null);
        Table empty = Table.builder("no rows", "a", "b").build();
        return new ReportSection("values", List.of(new Fields("kinds", kinds), texts.build(), empty));
    }

    private static void shell(Path dir, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("sh -c " + command + " failed");
        }
    }

    private static ReportSection scanCommits(Path repository) throws ScanException {
        return PluginScan.run(new JGitRepositoryScanner(),
                ScanRequest.builder(repository).settings("module.commits", Map.of("changes", true)).build(), new CommitsPlugin());
    }
}
