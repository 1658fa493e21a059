package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The edits where a minimal diff (JGit's MyersDiff) and git's xdiff disagree: git's
 * counts are the truth.
 */
public class NumstatLineCounterTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");

    @Test
    public void aFrequentLineInsideARewrittenBlockCountsAsChangedAsInGit() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("repo").toPath());
        List<String> context = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            context.add("line " + i);
            context.add("");
        }
        repo.write("code.txt", text(block(context, "old"))).commit("before", ANN);
        String after = repo.write("code.txt", text(block(context, "new"))).commit("after", ANN);

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertNumstat(repo, scan);
        FileChange change = scan.changes.get(after).get(0);
        // a minimal diff keeps the blank line in the middle and says 10 10; git says 11 11
        assertEquals(11, change.insertions());
        assertEquals(11, change.deletions());
    }

    @Test
    public void heavyEditsOfLargeFilesCountAsInGit() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("repo").toPath());
        Random random = new Random(3);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            pool.add(switch (random.nextInt(6)) {
                case 0 -> "";
                case 1 -> "    }";
                case 2 -> "        return value" + random.nextInt(40) + ";";
                default -> "        int v" + random.nextInt(5000) + " = compute(" + random.nextInt(100) + ");";
            });
        }
        List<List<String>> files = List.of(new ArrayList<>(pool.subList(0, 3000)),
                new ArrayList<>(pool.subList(1000, 1400)), new ArrayList<>(pool.subList(2000, 2030)));
        for (int f = 0; f < files.size(); f++) {
            repo.write("file" + f + ".txt", text(files.get(f)));
        }
        repo.commit("start", ANN);
        int[] edits = {3, 40, 400, 1500};
        for (int round = 0; round < edits.length; round++) {
            for (int f = 0; f < files.size(); f++) {
                List<String> lines = files.get(f);
                scramble(lines, pool, random, Math.max(1, edits[round] * lines.size() / 3000));
                String content = String.join("\n", lines) + (random.nextBoolean() ? "\n" : "");
                repo.write("file" + f + ".txt", content.getBytes(StandardCharsets.UTF_8));
            }
            repo.commit("round " + round, ANN);
        }

        assertNumstat(repo, GitTruth.scan(ScanRequest.builder(repo.dir()).build()));
    }

    private static List<String> block(List<String> context, String label) {
        List<String> lines = new ArrayList<>(context.subList(0, 40));
        for (int i = 0; i < 5; i++) {
            lines.add(label + " " + i);
        }
        lines.add("");
        for (int i = 5; i < 10; i++) {
            lines.add(label + " " + i);
        }
        lines.addAll(context.subList(40, context.size()));
        return lines;
    }

    /** Deletes, inserts, replaces with frequent lines, and moves runs of lines. */
    private static void scramble(List<String> lines, List<String> pool, Random random, int edits) {
        for (int edit = 0; edit < edits; edit++) {
            if (lines.isEmpty()) {
                lines.add("seed");
            }
            int at = random.nextInt(lines.size());
            int length = Math.min(lines.size() - at, 1 + random.nextInt(8));
            switch (random.nextInt(4)) {
                case 0 -> lines.subList(at, at + length).clear();
                case 1 -> {
                    int from = random.nextInt(pool.size() - 8);
                    lines.addAll(at, pool.subList(from, from + 1 + random.nextInt(8)));
                }
                case 2 -> {
                    for (int i = at; i < at + length; i++) {
                        lines.set(i, random.nextBoolean() ? "" : "    }");
                    }
                }
                default -> {
                    List<String> moved = new ArrayList<>(lines.subList(at, at + length));
                    lines.subList(at, at + length).clear();
                    lines.addAll(random.nextInt(lines.size() + 1), moved);
                }
            }
        }
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
