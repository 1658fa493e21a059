package org.gstats.scanner.internal;

import static org.gstats.scanner.internal.GitTruth.assertNumstat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Diffing on several threads tells the listener exactly what one thread does, event for event,
 * on a generated history with edits, renames (with and without edits), binaries, deletions and
 * merges; and what it tells still equals {@code git log --numstat -M}.
 */
public class DiffThreadsTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final Person BOB = new Person("Bob", "bob@example.com");
    private static final PluginDataRequirements EVERYTHING = new PluginDataRequirements(true, true, true, 1 << 20,
            false);

    private static GitRepo repo;

    @BeforeClass
    public static void generateHistory() throws IOException {
        repo = GitRepo.init(TEMP.newFolder("history").toPath());
        Random random = new Random(13);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add("src/file" + i + ".txt");
            repo.write(files.get(i), lines(random, 40));
        }
        repo.write("data.bin", new byte[] {1, 0, 2, 0, 3});
        repo.commit("Start", ANN);
        for (int step = 1; step <= 60; step++) {
            Person author = step % 3 == 0 ? BOB : ANN;
            String file = files.get(random.nextInt(files.size()));
            switch (step % 10) {
                case 3 -> {
                    String moved = "moved/" + Path.of(file).getFileName() + step;
                    repo.move(file, moved);
                    files.set(files.indexOf(file), moved);
                }
                case 5 -> {
                    String moved = "renamed/r" + step + ".txt";
                    repo.move(file, moved);
                    repo.write(moved, Files.readString(repo.dir().resolve(moved)) + lines(random, 3));
                    files.set(files.indexOf(file), moved);
                }
                case 7 -> repo.write("data.bin", new byte[] {(byte) step, 0, 1, 0});
                case 8 -> {
                    repo.delete(file);
                    files.remove(file);
                    String added = "src/new" + step + ".txt";
                    repo.write(added, lines(random, 30));
                    files.add(added);
                }
                case 9 -> {
                    repo.git("checkout", "-q", "-b", "side" + step);
                    repo.write("side/s" + step + ".txt", lines(random, 10));
                    repo.commit("Side " + step, BOB);
                    repo.git("checkout", "-q", "-");
                    repo.write(file, lines(random, 40));
                    repo.commit("Main " + step, ANN);
                    repo.merge("side" + step, ANN);
                    continue;
                }
                default -> repo.write(file, lines(random, 40));
            }
            repo.commit("Step " + step, author);
        }
    }

    /** Lines from a small vocabulary, so that versions share most lines as real edits do. */
    private static String lines(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("line ").append(random.nextInt(60)).append('\n');
        }
        return text.toString();
    }

    @Test
    public void everyThreadCountTellsWhatOneThreadTells() throws Exception {
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        List<String> single = transcript(1, request);
        assertTrue(single.size() > 200);
        assertEquals(single, transcript(2, request));
        assertEquals(single, transcript(4, request));
    }

    /** Batches of 1-3 commits: many hand-overs between workers, and the oldest always waited for. */
    @Test
    public void smallBatchesTellWhatOneThreadTells() throws Exception {
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        List<String> single = transcript(1, request);
        for (int batch = 1; batch <= 3; batch++) {
            assertEquals("batches of " + batch, single, transcript(2, batch, request));
            assertEquals("batches of " + batch, single, transcript(4, batch, request));
        }
    }

    @Test
    public void pathFiltersAndCommitLimitsToo() throws Exception {
        ScanRequest included = ScanRequest.builder(repo.dir()).includes(List.of("src/**", "side/**")).build();
        assertEquals(transcript(1, included), transcript(4, included));
        ScanRequest limited = ScanRequest.builder(repo.dir()).maxCommits(7).build();
        List<String> single = transcript(1, limited);
        assertEquals(7, single.stream().filter(event -> event.startsWith("commit ")).count());
        assertEquals(single, transcript(4, limited));
    }

    @Test
    public void fourThreadsEqualGitLogNumstat() throws Exception {
        RecordingListener scan = new RecordingListener();
        new JGitRepositoryScanner(ScanObserver.NONE, TEMP.newFolder().toPath(), 4)
                .scan(ScanRequest.builder(repo.dir()).build(), scan);
        assertNumstat(repo, scan, "-M");
    }

    private static List<String> transcript(int threads, ScanRequest request) throws IOException, ScanException {
        return transcript(threads, DiffWorkers.BATCH, request);
    }

    private static List<String> transcript(int threads, int batch, ScanRequest request)
            throws IOException, ScanException {
        List<String> events = new ArrayList<>();
        new JGitRepositoryScanner(ScanObserver.NONE, TEMP.newFolder().toPath(), threads, batch).scan(request,
                EVERYTHING,
                new ScanListener() {
                    @Override
                    public void onStart(ScanTarget target) {
                        events.add("start " + target);
                    }

                    @Override
                    public void onCommit(CommitInfo commit) {
                        events.add("commit " + commit);
                    }

                    @Override
                    public void onFileChange(FileChange change) {
                        events.add("change " + change);
                    }

                    @Override
                    public void onWarning(ScanWarning warning) {
                        events.add("warning " + warning);
                    }

                    @Override
                    public void onFileInfo(FileInfo file) {
                        events.add("file " + file);
                    }

                    @Override
                    public void onFileContent(FileContent content) {
                        events.add("head content " + describe(content));
                    }

                    @Override
                    public void onHistoricalContent(FileContent content) {
                        events.add("historical content " + describe(content));
                    }

                    @Override
                    public void onCheckout(HeadCheckout checkout) {
                        events.add("checkout");
                    }

                    @Override
                    public void onEnd() {
                        events.add("end");
                    }
                });
        return events;
    }

    private static String describe(FileContent content) {
        return content.file() + " at " + content.commitId() + ": "
                + Arrays.hashCode(content.toByteArray()) + " " + content.text(StandardCharsets.ISO_8859_1).length();
    }
}
