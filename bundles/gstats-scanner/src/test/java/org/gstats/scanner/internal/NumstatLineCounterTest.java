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

    /**
     * The same when the rewritten block is most of the text's bytes (its lines are long), so
     * that the texts are split whole: the blank lines of the common head and tail still count.
     */
    @Test
    public void aFrequentLineInsideARewrittenBlockOfMostOfTheTextCountsAsInGit() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("repo").toPath());
        List<String> context = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            context.add("line " + i);
            context.add("");
        }
        String longer = " " + "x".repeat(400);
        repo.write("code.txt", text(block(context, "old" + longer))).commit("before", ANN);
        String after = repo.write("code.txt", text(block(context, "new" + longer))).commit("after", ANN);

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertNumstat(repo, scan);
        FileChange change = scan.changes.get(after).get(0);
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

    /**
     * The common head and tail are found on bytes, the changed middle alone is split: edits at
     * either end, a last line with and without its newline, CRLF, files equal but for their last
     * line, empty files, a NUL either side of git's 8000-byte binary check, changed lines that
     * also occur in the head and tail (some long ones that differ only in the middle, or by one byte more), edits across the 64-byte
     * blocks of the tail comparison.
     */
    @Test
    public void editsNearTheEndsOfTextsCountAsInGit() throws Exception {
        GitRepo repo = GitRepo.init(temp.newFolder("repo").toPath());
        repo.write("a.txt", "x\ny").write("b.txt", "one\r\ntwo\r\n").write("c.txt", "")
                .write("d.bin", nulAt(7999)).commit("start", ANN);
        repo.write("a.txt", "x\ny\nz").write("b.txt", "one\ntwo\r\n").write("c.txt", "only\n")
                .write("d.bin", nulAt(8000)).commit("append past a last line without newline", ANN);
        repo.write("a.txt", "x\ny\nz\n").write("b.txt", "one\ntwo\r\nthree").write("c.txt", "")
                .write("d.bin", nulAt(8001)).commit("newline at the end; emptied", ANN);
        repo.write("a.txt", "w\nx\ny\nz\n").write("b.txt", "one\ntwo\nthree").write("d.bin", nulAt(7999))
                .commit("a line before the head; a NUL inside the check again", ANN);

        Random random = new Random(17);
        String longLine = "L".repeat(4096 + 6);
        String[] pool = {"", "}", "x", "same", "same\r", "    return value;", "0123456789abcdef0123456789abcdef",
            "0123456789abcdef-123456789abcdef", longLine, longLine + "!", "short!", "int x = compute(1, 2, 3); // a longer line than most"};
        List<List<String>> files = new ArrayList<>();
        boolean[] newlineAtEnd = new boolean[4];
        for (int f = 0; f < 4; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 20 + random.nextInt(300); i++) {
                lines.add(pool[random.nextInt(pool.length)]);
            }
            files.add(lines);
            newlineAtEnd[f] = random.nextBoolean();
        }
        for (int round = 0; round < 40; round++) {
            for (int f = 0; f < files.size(); f++) {
                List<String> lines = files.get(f);
                switch (random.nextInt(7)) {
                    case 0 -> newlineAtEnd[f] = !newlineAtEnd[f];
                    case 1 -> lines.add(0, pool[random.nextInt(pool.length)]);
                    case 2 -> lines.add(pool[random.nextInt(pool.length)]);
                    case 3 -> {
                        if (!lines.isEmpty()) {
                            lines.set(lines.size() - 1, pool[random.nextInt(pool.length)]);
                        }
                    }
                    case 4 -> {
                        if (random.nextInt(4) == 0) {
                            lines.clear();
                        } else {
                            scramble(lines, List.of(pool), random, 1 + random.nextInt(3));
                        }
                    }
                    default -> {
                        // one character changed, anywhere: across the tail's 64-byte blocks
                        if (!lines.isEmpty()) {
                            int at = random.nextInt(lines.size());
                            lines.set(at, lines.get(at) + (char) ('a' + random.nextInt(3)));
                        }
                    }
                }
                String content = String.join("\n", lines) + (newlineAtEnd[f] && !lines.isEmpty() ? "\n" : "");
                repo.write("random" + f + ".txt", content.getBytes(StandardCharsets.UTF_8));
            }
            repo.commit("round " + round, ANN);
        }

        RecordingListener scan = GitTruth.scan(ScanRequest.builder(repo.dir()).build());

        assertNumstat(repo, scan);
        assertEquals(40 + 4, scan.commits.size());
    }

    /** 9,000 bytes of text with one NUL at {@code at}: binary to git only within its first 8,000 bytes. */
    private static byte[] nulAt(int at) {
        byte[] content = ("text line\n".repeat(900)).getBytes(StandardCharsets.US_ASCII);
        content[at] = 0;
        return content;
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
