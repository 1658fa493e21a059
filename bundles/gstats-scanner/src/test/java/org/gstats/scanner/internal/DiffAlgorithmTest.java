package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gstats.api.FileChange;
import org.gstats.api.scan.DiffAlgorithm;
import org.gstats.api.scan.ScanRequest;
import org.gstats.scanner.internal.NumstatLineCounter.LineCounts;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Each {@code --diff-algorithm} against git run with the same algorithm, on a generated history
 * of source-like and prose-like files edited at random (repeated lines, blank lines, moved
 * blocks: the cases where the algorithms part ways).
 */
public class DiffAlgorithmTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final int COMMITS = 40;
    private static final String[] FILES = {"src/Main.java", "src/Util.java", "docs/notes.md", "data/table.txt"};

    private static GitRepo repo;

    @BeforeClass
    public static void buildHistory() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("history").toPath());
        Random random = new Random(42);
        List<List<String>> files = new ArrayList<>();
        for (int f = 0; f < FILES.length; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                lines.add(line(random, f, "init " + i));
            }
            files.add(lines);
        }
        for (int commit = 0; commit < COMMITS; commit++) {
            for (int f = 0; f < FILES.length; f++) {
                if (commit > 0 && random.nextInt(3) == 0) {
                    continue;
                }
                edit(files.get(f), random, f, "c" + commit);
                repo.write(FILES[f], String.join("\n", files.get(f)) + "\n");
            }
            repo.commit("Commit " + commit, ANN);
        }
    }

    @Test
    public void myersIsGitsDefault() throws Exception {
        assertNumstat(repo, scan(DiffAlgorithm.MYERS));
    }

    /**
     * Files of a few distinct lines, each occurring dozens of times: where the algorithms lean
     * on their handling of frequent lines and histogram falls back to Myers.
     */
    @Test
    public void fewDistinctLinesCountAsGitWithEveryAlgorithm() throws Exception {
        GitRepo frequent = GitRepo.init(TEMP.newFolder("frequent").toPath());
        Random random = new Random(11);
        String[] vocabulary = {"x", "y", "", "}", "{", "  return;", "z"};
        List<List<String>> files = new ArrayList<>();
        for (int f = 0; f < 120; f++) {
            List<String> lines = new ArrayList<>();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                lines.add(vocabulary[random.nextInt(vocabulary.length)]);
            }
            files.add(lines);
        }
        for (int commit = 0; commit < 3; commit++) {
            for (int f = 0; f < files.size(); f++) {
                List<String> lines = files.get(f);
                for (int edit = random.nextInt(30); edit >= 0; edit--) {
                    int at = random.nextInt(lines.size() + 1);
                    List<String> replaced = lines.subList(at, Math.min(lines.size(), at + random.nextInt(8)));
                    replaced.clear();
                    for (int i = random.nextInt(9); i > 0; i--) {
                        replaced.add(random.nextInt(8) == 0 ? "u" + random.nextInt(100)
                                : vocabulary[random.nextInt(vocabulary.length)]);
                    }
                }
                String ending = random.nextInt(5) == 0 || lines.isEmpty() ? "" : "\n";
                frequent.write("f" + f + ".txt", String.join("\n", lines) + ending);
            }
            frequent.commit("Round " + commit, ANN);
        }
        for (DiffAlgorithm algorithm : DiffAlgorithm.values()) {
            RecordingListener scan = GitTruth.scan(ScanRequest.builder(frequent.dir()).diffAlgorithm(algorithm)
                    .build());
            assertNumstat(frequent, scan, "--diff-algorithm=" + algorithm.optionName());
        }
    }

    @Test
    public void histogramIsGitHistogram() throws Exception {
        assertNumstat(repo, scan(DiffAlgorithm.HISTOGRAM), "--histogram");
    }

    @Test
    public void minimalIsGitMinimal() throws Exception {
        assertNumstat(repo, scan(DiffAlgorithm.MINIMAL), "--minimal");
    }

    /**
     * git's {@code --minimal} is not a longest common subsequence: a blank line, frequent in
     * the file, between rewritten lines is discarded before the search and counts as changed.
     */
    @Test
    public void minimalFollowsGitWhereGitIsNotMinimal() throws Exception {
        GitRepo blanks = GitRepo.init(TEMP.newFolder("blanks").toPath());
        StringBuilder common = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            common.append("line ").append(i).append("\n\n");
        }
        blanks.write("f.txt", common + "a1\na2\na3\na4\n\na5\na6\na7\na8\n" + common)
                .commit("before", ANN);
        String after = blanks.write("f.txt", common + "b1\nb2\nb3\nb4\n\nb5\nb6\nb7\nb8\n" + common)
                .commit("after", ANN);

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(blanks.dir())
                .diffAlgorithm(DiffAlgorithm.MINIMAL).build());

        assertNumstat(blanks, scan, "--minimal");
        FileChange change = scan.changes.get(after).get(0);
        assertEquals("one more line each way than the longest common subsequence leaves", List.of(9, 9),
                List.of(change.insertions(), change.deletions()));
    }

    /**
     * git's histogram keeps the lines both texts begin and end with in its choice of anchors;
     * JGit's own entry point takes them off first and would count 9 1 here.
     */
    @Test
    public void histogramAnchorsAsGitWithTheCommonEndsIncluded() throws Exception {
        GitRepo anchors = GitRepo.init(TEMP.newFolder("anchors").toPath());
        anchors.write("f.txt", "op\n\nset\ntest\n\ndoc\npkg\n\nend").commit("before", ANN);
        String after = anchors.write("f.txt", "op\n\nop\n\nset\ntest\nset\ntest\n\npkg\nop\n\nset\ntest\n\n\nend")
                .commit("after", ANN);

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(anchors.dir())
                .diffAlgorithm(DiffAlgorithm.HISTOGRAM).build());

        assertNumstat(anchors, scan, "--histogram");
        FileChange change = scan.changes.get(after).get(0);
        assertEquals(List.of(10, 2), List.of(change.insertions(), change.deletions()));
    }

    /** Framing the texts must not change what an empty side or identical ends count. */
    @Test
    public void histogramEdgeCases() {
        LineCounter histogram = LineCounter.of(DiffAlgorithm.HISTOGRAM);
        assertEquals(new LineCounts(2, 0), histogram.count(Blob.EMPTY, blob("a\nb\n")));
        assertEquals(new LineCounts(0, 2), histogram.count(blob("a\nb\n"), Blob.EMPTY));
        assertEquals(new LineCounts(1, 0), histogram.count(blob("a\nb\n"), blob("a\nb\nc\n")));
        assertEquals(new LineCounts(1, 1), histogram.count(blob("a\nb"), blob("a\nb\n")));
        assertEquals(new LineCounts(1, 1), histogram.count(blob("x\n"), blob("y\n")));
    }

    private static Blob blob(String text) {
        return Blob.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordingListener scan(DiffAlgorithm algorithm) throws Exception {
        return GitTruth.scan(ScanRequest.builder(repo.dir()).diffAlgorithm(algorithm).build());
    }

    /** Source-like lines: braces, blank lines and repeated statements recur, as they do in code. */
    private static String line(Random random, int file, String label) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "}";
            case 2 -> "    return null;";
            case 3 -> file % 2 == 0 ? "    {" : "--";
            default -> "    value(" + label + ", " + random.nextInt(1000) + ");";
        };
    }

    private static void edit(List<String> lines, Random random, int file, String label) {
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(lines.size() + 1);
            int length = Math.min(lines.size() - at, 1 + random.nextInt(8));
            switch (random.nextInt(5)) {
                case 0 -> {
                    for (int i = 0; i < 1 + random.nextInt(8); i++) {
                        lines.add(at, line(random, file, label + " add " + e));
                    }
                }
                case 1 -> lines.subList(at, at + length).clear();
                case 2 -> {
                    for (int i = at; i < at + length; i++) {
                        lines.set(i, line(random, file, label + " change " + e));
                    }
                }
                case 3 -> {
                    List<String> moved = new ArrayList<>(lines.subList(at, at + length));
                    lines.subList(at, at + length).clear();
                    lines.addAll(random.nextInt(lines.size() + 1), moved);
                }
                default -> {
                    List<String> copy = new ArrayList<>(lines.subList(at, at + length));
                    lines.addAll(random.nextInt(lines.size() + 1), copy);
                }
            }
            if (lines.isEmpty()) {
                lines.add(line(random, file, label));
            }
        }
    }
}
