package org.gstats.plugin.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The metrics section of a real repository: history from the real scanner, head files built
 * from {@code git ls-tree -r -l HEAD} and {@code git cat-file blob}, every figure held to what
 * git prints for the same repository.
 */
public class MetricsGitTruthTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final Person BOB = new Person("Bob", "bob@example.com");

    private static final String SHARED = """
                static int parse(String text, int fallback) {
                    if (text == null || text.isBlank()) {
                        return fallback;
                    }
                    try {
                        return Integer.parseInt(text.trim());
                    } catch (NumberFormatException e) {
                        return fallback;
                    }
                }
            """;

    /** Enough of its own that git log --follow does not take Util for a copy of Main. */
    private static final String UTIL_OWN = """
                static String join(String a, String b) {
                    return a + "/" + b;
                }

                static String upper(String a) {
                    return a.toUpperCase(java.util.Locale.ROOT);
                }

                static String lower(String a) {
                    return a.toLowerCase(java.util.Locale.ROOT);
                }

                static boolean empty(String a) {
                    return a == null || a.isEmpty();
                }

                static int length(String a) {
                    return empty(a) ? 0 : a.length();
                }
            """;

    private static GitRepo repo;
    private static ReportSection section;

    @BeforeClass
    public static void buildAndScan() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("repo").toPath());
        repo.write("src/Main.java", "class Main {\n" + SHARED + "}\n")
                .write("README.md", "# sample\n\nintro\n")
                .write("old.txt", "old\n");
        repo.commit("initial", ANN, Instant.parse("2023-01-10T09:00:00Z"));
        repo.write("src/Main.java", "// entry point\nclass Main {\n" + SHARED + "    int x;\n}\n");
        repo.commit("field", BOB, Instant.parse("2023-06-01T09:00:00Z"));
        repo.move("src/Main.java", "src/app/Main.java");
        repo.write("src/app/Util.java", "class Util {\n    int unrelated() { return 1; }\n\n" + UTIL_OWN + SHARED + "}\n");
        repo.delete("old.txt");
        repo.commit("move main, add util", ANN, Instant.parse("2024-01-05T09:00:00Z"));
        repo.git("checkout", "-q", "-b", "side");
        repo.write("web/vendor/lib.js", "function lib() { return 1; }\n")
                .write("assets/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0})
                .write("tools/run", "#!/usr/bin/env python3\n# runs it\nprint('hi')\n");
        repo.commit("assets and tools", BOB, Instant.parse("2024-02-20T09:00:00Z"));
        repo.git("checkout", "-q", "main");
        repo.write("src/app/Main.java", "// entry point\nclass Main {\n" + SHARED + "    int x;\n    int y;\n}\n");
        repo.commit("another field", ANN, Instant.parse("2024-02-25T09:00:00Z"));
        repo.merge("side", BOB);
        repo.write("src/app/Util.java", "class Util {\n    int unrelated() { return 2; }\n\n" + UTIL_OWN + SHARED + "}\n");
        repo.commit("util tweak", BOB, Instant.parse("2024-03-01T09:00:00Z"));

        section = scan(repo);
    }

    /** Feeds the real scanner's history and git's head files to one analysis, as the engine would. */
    static ReportSection scan(GitRepo repo) throws Exception {
        MetricsPlugin plugin = new MetricsPlugin();
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        Analysis[] analysis = new Analysis[1];
        String[] head = new String[1];
        new JGitRepositoryScanner().scan(request, new ScanListener() {
            @Override
            public void onStart(ScanTarget target) {
                head[0] = target.headId();
                analysis[0] = plugin.newAnalysis(
                        new ScanContext(target.repository(), target.branch(), target.headId(), request.options()));
            }

            @Override
            public void onCommit(CommitInfo commit) {
                analysis[0].onCommit(commit);
            }

            @Override
            public void onFileChange(FileChange change) {
                analysis[0].onFileChange(change);
            }
        });
        for (String entry : repo.git("ls-tree", "-r", "-l", "HEAD").lines().toList()) {
            String[] metaAndPath = entry.split("\t", 2);
            byte[] bytes = blob(repo, metaAndPath[0].trim().split("\\s+")[2]);
            FileInfo info = new FileInfo(metaAndPath[1], bytes.length, binary(bytes) ? -1 : lines(bytes),
                    binary(bytes));
            analysis[0].onFileInfo(info);
            analysis[0].onFileContent(new FileContent(info, head[0], bytes));
        }
        return analysis[0].result();
    }

    private static byte[] blob(GitRepo repo, String id) {
        try {
            Process process = new ProcessBuilder("git", "cat-file", "blob", id).directory(repo.dir().toFile()).start();
            try (InputStream in = process.getInputStream()) {
                byte[] bytes = in.readAllBytes();
                process.waitFor();
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static int lines(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n' ? lines : lines + 1;
    }

    private static Table table(String name) {
        return (Table) section.item(name).orElseThrow();
    }

    private static Map<String, Object> fields(String name) {
        return ((Fields) section.item(name).orElseThrow()).values();
    }

    /** Rows keyed by the column named, as maps of column to value. */
    private static Map<String, Map<String, Object>> rows(String table, String keyColumn) {
        Table t = table(table);
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (List<Object> row : t.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                values.put(t.columns().get(i), row.get(i));
            }
            rows.put(String.valueOf(values.get(keyColumn)), values);
        }
        return rows;
    }

    private static Map<String, Map<String, Object>> fileFrequencies() {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        rows("change_frequency", "path").forEach((path, row) -> {
            if ("file".equals(row.get("kind"))) {
                rows.put(path, row);
            }
        });
        return rows;
    }

    @Test
    public void filesTableListsEveryFileOfLsTree() {
        Map<String, Map<String, Object>> files = rows("files", "path");
        Map<String, Long> sizes = new HashMap<>();
        for (String entry : repo.git("ls-tree", "-r", "-l", "HEAD").lines().toList()) {
            String[] metaAndPath = entry.split("\t", 2);
            sizes.put(metaAndPath[1], Long.parseLong(metaAndPath[0].trim().split("\\s+")[3]));
        }
        assertEquals(sizes.keySet(), files.keySet());
        sizes.forEach((path, size) -> assertEquals(path, size, files.get(path).get("bytes")));
        assertEquals((long) sizes.size(), fields("summary").get("files"));

        assertEquals("Java", files.get("src/app/Main.java").get("language"));
        assertEquals("source", files.get("src/app/Main.java").get("category"));
        assertEquals("vendored", files.get("web/vendor/lib.js").get("category"));
        assertEquals("binary", files.get("assets/logo.png").get("category"));
        assertEquals("image", files.get("assets/logo.png").get("binary_kind"));
        assertEquals(true, files.get("assets/logo.png").get("binary"));
        assertNull(files.get("assets/logo.png").get("code_lines"));
        assertEquals("Python", files.get("tools/run").get("language"));
        assertEquals("documentation", files.get("README.md").get("category"));
        assertEquals("Markdown has no complexity analysis: line counts only", null, files.get("README.md").get("functions"));
        assertEquals(1, files.get("src/app/Main.java").get("functions"));
    }

    @Test
    public void lineCountsAddUpToGitsLineCount() {
        rows("files", "path").forEach((path, row) -> {
            if (row.get("code_lines") != null) {
                int total = (Integer) row.get("code_lines") + (Integer) row.get("comment_lines")
                        + (Integer) row.get("blank_lines");
                assertEquals(path, repo.git("show", "HEAD:" + path).lines().count(), total);
            }
        });
        Map<String, Object> main = rows("files", "path").get("src/app/Main.java");
        // one comment line, no blank line, the rest code
        assertEquals(1, main.get("comment_lines"));
        assertEquals(0, main.get("blank_lines"));
    }

    @Test
    public void changeFrequencyFollowsRenamesAsGitLogFollow() {
        Map<String, Map<String, Object>> frequencies = fileFrequencies();
        assertFalse("vendored files are left out", frequencies.containsKey("web/vendor/lib.js"));
        assertTrue(frequencies.containsKey("src/app/Main.java"));
        Instant head = OffsetDateTime.parse(repo.git("log", "-1", "--format=%cI").trim()).toInstant();
        for (Map.Entry<String, Map<String, Object>> entry : frequencies.entrySet()) {
            String path = entry.getKey();
            Map<String, Object> row = entry.getValue();
            List<String> log = repo.git("log", "--follow", "-M", "--format=%H%x09%an <%ae>%x09%cI", "--", path)
                    .lines().toList();
            assertEquals(path, log.size(), row.get("revisions"));
            Set<String> authors = new HashSet<>();
            List<Instant> times = new ArrayList<>();
            for (String line : log) {
                String[] f = line.split("\t");
                authors.add(f[1]);
                times.add(OffsetDateTime.parse(f[2]).toInstant());
            }
            assertEquals(path, authors.size(), row.get("authors"));
            assertEquals(path, times.stream().min(Instant::compareTo).orElseThrow().toString(), row.get("first_change"));
            assertEquals(path, times.stream().max(Instant::compareTo).orElseThrow().toString(), row.get("last_change"));
            long churn = 0;
            for (String line : repo.git("log", "--follow", "-M", "--numstat", "--format=", "--", path).lines().toList()) {
                if (!line.isBlank() && !line.startsWith("-")) {
                    String[] f = line.split("\t");
                    churn += Long.parseLong(f[0]) + Long.parseLong(f[1]);
                }
            }
            assertEquals(path, churn, row.get("churn"));
            // git log --since stops at the first older commit of the walk; the merge here is
            // dated by the test kit's clock, so the window is counted from the dates instead
            for (int days : new int[] {30, 90, 365}) {
                Instant since = head.minusSeconds(86_400L * days);
                long inWindow = times.stream().filter(t -> !t.isBefore(since)).count();
                assertEquals(path + " " + days + "d", (int) inWindow, row.get("revisions_" + days + "d"));
            }
            long age = (head.getEpochSecond() - times.stream().min(Instant::compareTo).orElseThrow().getEpochSecond())
                    / 86_400;
            assertEquals(path, age, row.get("age_days"));
        }
        Map<String, Object> main = frequencies.get("src/app/Main.java");
        assertEquals("the rename and the history before it count", 4, main.get("revisions"));
        assertEquals(1, main.get("revisions_30d"));
        assertEquals(3, main.get("revisions_365d"));
    }

    @Test
    public void directoriesRollUpTheirFilesCommits() {
        Map<String, Set<String>> commitsByDirectory = new HashMap<>();
        for (String path : fileFrequencies().keySet()) {
            Set<String> commits = new HashSet<>(repo.git("log", "--follow", "-M", "--format=%H", "--", path).lines().toList());
            List<String> directories = new ArrayList<>(List.of("."));
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                directories.add(path.substring(0, slash));
            }
            for (String directory : directories) {
                commitsByDirectory.computeIfAbsent(directory, d -> new HashSet<>()).addAll(commits);
            }
        }
        Table t = table("change_frequency");
        Map<String, Integer> reported = new HashMap<>();
        for (List<Object> row : t.rows()) {
            if ("directory".equals(row.get(0))) {
                reported.put((String) row.get(1), (Integer) row.get(2));
            }
        }
        Map<String, Integer> expected = new HashMap<>();
        commitsByDirectory.forEach((directory, commits) -> expected.put(directory, commits.size()));
        assertEquals(expected, reported);
    }

    @Test
    public void duplicationFindsTheSharedMethod() {
        Table duplication = table("duplication");
        Set<String> paths = new HashSet<>();
        for (List<Object> row : duplication.rows()) {
            paths.add((String) row.get(1));
        }
        assertEquals(Set.of("src/app/Main.java", "src/app/Util.java"), paths);
        Map<String, Map<String, Object>> byPath = rows("duplicated_files", "path");
        Map<String, Object> util = byPath.get("src/app/Util.java");
        int lines = (int) repo.git("show", "HEAD:src/app/Util.java").lines().count();
        assertEquals(lines, util.get("lines"));
        double ratio = (Integer) util.get("duplicated_lines") / (double) lines;
        assertEquals(Numbers.round(ratio, 4), (Double) util.get("ratio"), 0);
        assertEquals(1L, fields("summary").get("clone_groups"));
    }

    @Test
    public void debtScoreIsTheSumOfItsPointsAndRatedByThresholds() {
        Map<String, Map<String, Object>> debt = rows("debt", "path");
        assertEquals(Set.of("src/app/Main.java", "src/app/Util.java", "tools/run"), debt.keySet());
        for (Map<String, Object> row : debt.values()) {
            double points = 0;
            for (String input : List.of("complexity", "churn", "size", "duplication", "coupling")) {
                points += (Double) row.get(input + "_points");
            }
            assertEquals(points, (Double) row.get("score"), 0.06);
            assertEquals(MetricsSettings.DEFAULTS.rating((Double) row.get("score")), row.get("rating"));
        }
        Map<String, Object> util = debt.get("src/app/Util.java");
        Map<String, Object> duplicated = rows("duplicated_files", "path").get("src/app/Util.java");
        assertEquals((Double) duplicated.get("ratio"), (Double) util.get("duplication_ratio"), 0);
        assertEquals(100 * 0.20 / 1.0 * (Double) util.get("duplication_ratio"), (Double) util.get("duplication_points"),
                0.01);
        assertEquals(3L, fields("debt_summary").get("files"));
    }

    @Test
    public void couplingIsTheShareOfAFilesCommitsThatChangedAnotherHotspotAsGitLogFollowSays() {
        Map<String, Set<String>> hotspotCommits = new HashMap<>();
        for (List<Object> row : table("hotspots").rows()) {
            String hotspot = (String) row.get(0);
            hotspotCommits.put(hotspot, followedCommits(hotspot));
        }
        Map<String, Map<String, Object>> debt = rows("debt", "path");
        for (Map.Entry<String, Map<String, Object>> entry : debt.entrySet()) {
            String path = entry.getKey();
            Set<String> own = followedCommits(path);
            Set<String> others = new HashSet<>();
            hotspotCommits.forEach((hotspot, commits) -> {
                if (!hotspot.equals(path)) {
                    others.addAll(commits);
                }
            });
            long shared = own.stream().filter(others::contains).count();
            assertEquals(path, Numbers.round((double) shared / own.size(), 4),
                    (Double) entry.getValue().get("coupling_ratio"), 0);
        }
        // a hotspot's own commits do not count, another's do; a file no hotspot shares a commit with has none
        assertEquals(0.25, (Double) debt.get("src/app/Main.java").get("coupling_ratio"), 0);
        assertEquals(0.5, (Double) debt.get("src/app/Util.java").get("coupling_ratio"), 0);
        assertEquals(0.0, (Double) debt.get("tools/run").get("coupling_ratio"), 0);
    }

    private static Set<String> followedCommits(String path) {
        return new HashSet<>(repo.git("log", "--follow", "-M", "--format=%H", "--", path).lines().toList());
    }

    @Test
    public void hotspotsAreFrequencyTimesComplexityNormalisedWithinTheRepository() {
        Map<String, Integer> cyclomaticByPath = new HashMap<>();
        for (List<Object> row : table("functions").rows()) {
            cyclomaticByPath.merge((String) row.get(0), (Integer) row.get(4), Integer::sum);
        }
        assertTrue("the shared method is a function of both files", cyclomaticByPath.keySet()
                .containsAll(Set.of("src/app/Main.java", "src/app/Util.java")));
        Map<String, Map<String, Object>> frequencies = fileFrequencies();
        List<List<Object>> rows = table("hotspots").rows();
        assertEquals(cyclomaticByPath.keySet().size(), rows.size());
        int maxRevisions = 0;
        int maxComplexity = 0;
        for (List<Object> row : rows) {
            maxRevisions = Math.max(maxRevisions, (Integer) row.get(3));
            maxComplexity = Math.max(maxComplexity, (Integer) row.get(4));
        }
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            String path = (String) row.get(0);
            assertEquals(i + 1, row.get(1));
            assertEquals(frequencies.get(path).get("revisions"), row.get(3));
            assertEquals(cyclomaticByPath.get(path), row.get(4));
            assertEquals(frequencies.get(path).get("churn"), row.get(5));
            double score = (Integer) row.get(3) / (double) maxRevisions * ((Integer) row.get(4) / (double) maxComplexity);
            assertEquals(path, Numbers.round(score, 4), (Double) row.get(2), 0);
            assertTrue("ranked by score", score <= previous);
            previous = score;
        }
    }

    @Test
    public void languagesTableSumsCountedFiles() {
        Map<String, Map<String, Object>> languages = rows("languages", "language");
        assertEquals(2L, languages.get("Java").get("files"));
        long javaCode = 0;
        for (Map<String, Object> row : rows("files", "path").values()) {
            if ("Java".equals(row.get("language"))) {
                javaCode += (Integer) row.get("code_lines");
            }
        }
        assertEquals(javaCode, languages.get("Java").get("code_lines"));
        assertFalse("vendored JavaScript is not counted", languages.containsKey("JavaScript"));
    }
}
