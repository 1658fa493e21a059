package org.gstats.plugin.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gstats.plugin.metrics.internal.duplication.CloneDetector;
import org.gstats.plugin.metrics.internal.duplication.CloneGroup;
import org.gstats.plugin.metrics.internal.duplication.Fragment;
import org.gstats.plugin.metrics.internal.duplication.TokenSequence;
import org.gstats.plugin.metrics.internal.format.FormatDetector;
import org.gstats.plugin.metrics.internal.text.SourceScanner;
import org.gstats.plugin.metrics.internal.text.TextLines;
import org.junit.Assume;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * gstats' clones against jscpd's at the same minimum size (50 tokens, 5 lines), with comments
 * ignored on both sides (jscpd's "weak" mode): recall is the share of the lines jscpd marks
 * duplicated that gstats marks too; precision the share of gstats' duplicated lines that jscpd
 * marks too.
 */
public class DuplicationAgainstJscpdTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final int MIN_TOKENS = 50;
    private static final int MIN_LINES = 5;

    private static final String METHOD = """
                public static int checksum(byte[] data, int offset, int length) {
                    int a = 1;
                    int b = 0;
                    for (int i = offset; i < offset + length; i++) {
                        a = (a + (data[i] & 0xff)) % 65521;
                        b = (b + a) % 65521;
                    }
                    if (length == 0) {
                        throw new IllegalArgumentException("empty input at " + offset);
                    }
                    return (b << 16) | a;
                }
            """;

    @Test
    public void fixtureWithKnownClones() throws IOException {
        Path root = TEMP.newFolder("fixture").toPath();
        write(root, "a/Adler.java", "package a;\n\nclass Adler {\n" + METHOD + "}\n");
        // the same method, laid out differently and commented: still a clone once normalised
        write(root, "b/Copy.java", "package b;\n\nclass Copy {\n    int unrelated() { return 42; }\n\n"
                + METHOD.replace("int a = 1;", "int a = 1; // start").replace("    ", "  ") + "}\n");
        write(root, "c/Other.java", "package c;\n\nclass Other {\n"
                + "    String name(String first, String last) {\n        return first + \" \" + last;\n    }\n}\n");

        Set<String> ours = ourLines(root, ".java");
        Set<String> theirs = jscpdLines(root, "java");
        CloneDetector.Result result = detect(root);
        assertEquals(1, result.groups().size());
        CloneGroup group = result.groups().get(0);
        assertEquals(List.of("a/Adler.java", "b/Copy.java"), group.fragments().stream().map(Fragment::path).toList());
        // the method and the class's closing brace after it
        assertEquals(4, group.fragments().get(0).startLine());
        assertEquals(16, group.fragments().get(0).endLine());
        assertEquals(6, group.fragments().get(1).startLine());
        assertEquals(18, group.fragments().get(1).endLine());
        double[] rp = recallPrecision(ours, theirs);
        System.out.printf("jscpd fixture: recall %.3f, precision %.3f (%d lines jscpd, %d gstats)%n", rp[0], rp[1],
                theirs.size(), ours.size());
        assertTrue("recall " + rp[0], rp[0] >= 0.9);
        assertTrue("precision " + rp[1], rp[1] >= 0.9);
    }

    @Test
    public void felixFrameworkSources() throws IOException {
        Path root = ExternalTools.felixSources(TEMP.newFolder("felix").toPath());
        Set<String> ours = ourLines(root, ".java");
        Set<String> theirs = jscpdLines(root, "java");
        double[] rp = recallPrecision(ours, theirs);
        System.out.printf("jscpd Felix framework sources: recall %.3f, precision %.3f (%d lines jscpd, %d gstats)%n",
                rp[0], rp[1], theirs.size(), ours.size());
        assertTrue("recall " + rp[0], rp[0] >= 0.8);
        assertTrue("precision " + rp[1], rp[1] >= 0.8);
    }

    @Test
    public void npmJavaScript() throws IOException {
        Path root = Path.of("/usr/lib/node_modules/npm/lib");
        Assume.assumeTrue("npm's sources are not installed", Files.isDirectory(root));
        Set<String> ours = ourLines(root, ".js");
        Set<String> theirs = jscpdLines(root, "javascript");
        double[] rp = recallPrecision(ours, theirs);
        System.out.printf("jscpd npm lib: recall %.3f, precision %.3f (%d lines jscpd, %d gstats)%n",
                rp[0], rp[1], theirs.size(), ours.size());
        assertTrue("recall " + rp[0], rp[0] >= 0.8);
        assertTrue("precision " + rp[1], rp[1] >= 0.8);
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static CloneDetector.Result detect(Path root) throws IOException {
        return detect(root, ".java");
    }

    private static CloneDetector.Result detect(Path root, String extension) throws IOException {
        CloneDetector detector = new CloneDetector(MIN_TOKENS, MIN_LINES);
        FormatDetector formats = new FormatDetector();
        for (String path : ExternalTools.filesUnder(root)) {
            if (!path.endsWith(extension)) {
                continue;
            }
            String text = new String(Files.readAllBytes(root.resolve(path)), StandardCharsets.UTF_8);
            char[] chars = text.toCharArray();
            TokenSequence tokens = new TokenSequence(chars);
            SourceScanner.scan(chars, TextLines.of(chars), formats.detect(path, false, null, text).language().syntax(), tokens);
            detector.add(path, tokens.tokens());
        }
        return detector.detect();
    }

    private static Set<String> ourLines(Path root, String extension) throws IOException {
        Set<String> lines = new HashSet<>();
        for (CloneGroup group : detect(root, extension).groups()) {
            for (Fragment fragment : group.fragments()) {
                for (int line = fragment.startLine(); line <= fragment.endLine(); line++) {
                    lines.add(fragment.path() + ":" + line);
                }
            }
        }
        return lines;
    }

    private static Set<String> jscpdLines(Path root, String format) throws IOException {
        Path out = TEMP.newFolder().toPath();
        ExternalTools.run(root, ExternalTools.jscpd(), "--min-tokens", String.valueOf(MIN_TOKENS), "--min-lines",
                String.valueOf(MIN_LINES), "--mode", "weak", "--format", format, "--reporters", "json", "--output",
                out.toString(), "--no-gitignore", ".");
        JsonObject report = JsonParser.parseString(Files.readString(out.resolve("jscpd-report.json")))
                .getAsJsonObject();
        Set<String> lines = new HashSet<>();
        for (JsonElement duplicate : report.getAsJsonArray("duplicates")) {
            for (String side : List.of("firstFile", "secondFile")) {
                JsonObject file = duplicate.getAsJsonObject().getAsJsonObject(side);
                String name = file.get("name").getAsString();
                name = name.startsWith("./") ? name.substring(2) : name;
                for (int line = file.get("start").getAsInt(); line <= file.get("end").getAsInt(); line++) {
                    lines.add(name + ":" + line);
                }
            }
        }
        return lines;
    }

    /** {recall, precision} of ours against theirs; 1 when a side is empty and so is the other. */
    private static double[] recallPrecision(Set<String> ours, Set<String> theirs) {
        Set<String> both = new HashSet<>(ours);
        both.retainAll(theirs);
        double recall = theirs.isEmpty() ? (ours.isEmpty() ? 1 : 0) : (double) both.size() / theirs.size();
        double precision = ours.isEmpty() ? (theirs.isEmpty() ? 1 : 0) : (double) both.size() / ours.size();
        return new double[] {recall, precision};
    }
}
