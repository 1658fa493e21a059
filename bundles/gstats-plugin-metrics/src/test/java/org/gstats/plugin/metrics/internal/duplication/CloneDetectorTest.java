package org.gstats.plugin.metrics.internal.duplication;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.gstats.plugin.metrics.internal.text.SourceScanner;
import org.gstats.plugin.metrics.internal.text.Syntax;
import org.gstats.plugin.metrics.internal.text.TextLines;
import org.junit.Test;

public class CloneDetectorTest {

    private static TokenSequence.Tokens tokens(String text) {
        TokenSequence sequence = new TokenSequence(text.toCharArray());
        char[] chars = text.toCharArray();
        SourceScanner.scan(chars, TextLines.of(chars), Syntax.C_FAMILY, sequence);
        return sequence.tokens();
    }

    /** Ten lines of five tokens each: {@code int vN = N;}. */
    private static String block(String prefix) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append("int ").append(prefix).append(i).append(" = ").append(i).append(";\n");
        }
        return text.toString();
    }

    @Test
    public void copiesInsideOneFileCountWhenApart() {
        String text = block("v") + "other();\n" + block("v");
        CloneDetector detector = new CloneDetector(20, 3);
        detector.add("a.c", tokens(text));
        CloneDetector.Result result = detector.detect();
        assertEquals(1, result.groups().size());
        List<Fragment> fragments = result.groups().get(0).fragments();
        assertEquals(new Fragment("a.c", 1, 10, 50), fragments.get(0));
        assertEquals(new Fragment("a.c", 12, 21, 50), fragments.get(1));
        assertEquals(Map.of("a.c", 20), result.duplicatedLines());
    }

    @Test
    public void tokensCountNotLayoutNorComments() {
        CloneDetector detector = new CloneDetector(20, 1);
        detector.add("a.c", tokens(block("v")));
        detector.add("b.c", tokens("/* copied */ " + block("v").replace("\n", " ")));
        CloneDetector.Result result = detector.detect();
        assertEquals(1, result.groups().size());
        assertEquals(new Fragment("b.c", 1, 1, 50), result.groups().get(0).fragments().get(1));
    }

    @Test
    public void shortOrDifferentCodeIsNoClone() {
        CloneDetector detector = new CloneDetector(60, 1);
        detector.add("a.c", tokens(block("v")));
        detector.add("b.c", tokens(block("v")));
        detector.add("c.c", tokens(block("w")));
        assertTrue("50 tokens are fewer than 60", detector.detect().groups().isEmpty());
        CloneDetector fewLines = new CloneDetector(20, 11);
        fewLines.add("a.c", tokens(block("v")));
        fewLines.add("b.c", tokens(block("v")));
        assertTrue("10 lines are fewer than 11", fewLines.detect().groups().isEmpty());
    }

    @Test
    public void threeCopiesFormOneGroupInPathOrder() {
        CloneDetector detector = new CloneDetector(20, 3);
        detector.add("z.c", tokens(block("v")));
        detector.add("a.c", tokens(block("v")));
        detector.add("m.c", tokens("x();\n" + block("v")));
        CloneDetector.Result result = detector.detect();
        assertEquals(1, result.groups().size());
        assertEquals(List.of("a.c", "m.c", "z.c"),
                result.groups().get(0).fragments().stream().map(Fragment::path).toList());
    }

    @Test
    public void theTemporaryFileIsGoneAfterDetection() throws java.io.IOException {
        java.nio.file.Path temp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        java.util.function.Supplier<Long> spills = () -> {
            try (var files = java.nio.file.Files.list(temp)) {
                return files.filter(f -> f.getFileName().toString().startsWith("gstats-clone-tokens")).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        long before = spills.get();
        CloneDetector detector = new CloneDetector(20, 3);
        detector.add("a.c", tokens(block("v")));
        detector.add("b.c", tokens(block("v")));
        assertEquals("tokens wait in a temporary file", before + 1, (long) spills.get());
        assertEquals(1, detector.detect().groups().size());
        assertEquals(before, (long) spills.get());
    }

    /**
     * Files read back and hashed ahead on other threads (more files than are read ahead, short ones
     * between them) give what one thread gives.
     */
    @Test
    public void threadsReadingAheadChangeNothing() {
        List<CloneDetector.Result> results = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 3}) {
            CloneDetector detector = new CloneDetector(20, 3, 16L << 20, threads);
            for (int f = 0; f < 40; f++) {
                String name = String.format("f%02d.c", f);
                String text = switch (f % 4) {
                    case 0 -> block("v");
                    case 1 -> "x();\n";
                    case 2 -> block("w" + f) + "y();\n" + block("v");
                    default -> block("w" + f);
                };
                detector.add(name, tokens(text));
            }
            results.add(detector.detect());
        }
        assertTrue("clones found", results.get(0).groups().size() > 0);
        assertEquals(results.get(0), results.get(1));
    }

    /**
     * Files joined by a shared window are one component, by the first path in it, whether or not the window
     * grew into a clone; over the files of some components alone the detection finds what it finds of them
     * over all files.
     */
    @Test
    public void filesThatShareAWindowAreOneComponentAndDetectedAloneTheSame() {
        Map<String, String> texts = new java.util.TreeMap<>(Map.of(
                "a.c", block("v"),
                "b.c", "x();\n" + block("v"),
                "c.c", block("w"),
                "d.c", block("u") + block("w"),
                "e.c", block("t"),
                "f.c", "y();"));
        CloneDetector all = new CloneDetector(20, 11);
        texts.forEach((path, text) -> all.add(path, tokens(text)));
        CloneDetector.Result whole = all.detect();
        assertTrue("10 lines are fewer than 11: no clone, yet shared windows", whole.groups().isEmpty());
        assertEquals(Map.of("a.c", "a.c", "b.c", "a.c", "c.c", "c.c", "d.c", "c.c", "e.c", "e.c", "f.c", "f.c"),
                whole.components());

        CloneDetector clones = new CloneDetector(20, 3);
        texts.forEach((path, text) -> clones.add(path, tokens(text)));
        CloneDetector.Result found = clones.detect();
        assertEquals(2, found.groups().size());
        CloneDetector some = new CloneDetector(20, 3);
        texts.forEach((path, text) -> some.add(path, tokens(text)));
        CloneDetector.Result part = some.detect(java.util.Set.of("c.c", "d.c", "f.c"));
        assertEquals(List.of(found.groups().get(1).fragments()),
                part.groups().stream().map(CloneGroup::fragments).toList());
        assertEquals(Map.of("c.c", 10, "d.c", 10), part.duplicatedLines());
        assertEquals(Map.of("c.c", "c.c", "d.c", "c.c", "f.c", "f.c"), part.components());
    }
}
