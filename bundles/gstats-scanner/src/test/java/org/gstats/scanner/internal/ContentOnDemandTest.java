package org.gstats.scanner.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Head file infos, head and historical content, and the temporary checkout, held to what the
 * git CLI says; and proof that a metadata-only scan reads no more than its diffs need.
 */
public class ContentOnDemandTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final long SIZE_LIMIT = 200;

    private static GitRepo repo;

    /** Counts what a scan reads, on whichever of its threads. */
    private static final class Counts implements ScanObserver {
        volatile long blobReads;
        volatile long contents;

        @Override
        public synchronized void blobRead() {
            blobReads++;
        }

        @Override
        public synchronized void contentDelivered() {
            contents++;
        }
    }

    @BeforeClass
    public static void buildHistory() throws IOException {
        repo = GitRepo.init(TEMP.newFolder("content").toPath());
        Path dir = repo.dir();
        repo.write("a.txt", "one\ntwo\n")
                .write("docs/no newline.txt", "first\nlast")
                .write("crlf.txt", "x\r\ny\r\n")
                .write("empty.txt", "")
                .write("image.bin", new byte[] {1, 0, 2, 0, 3})
                .write("big.txt", "line of text that is long enough\n".repeat(20));
        repo.commit("Start", ANN);
        repo.write("a.txt", "one\ntwo\nthree\n").move("crlf.txt", "windows.txt");
        repo.commit("Grow a, move crlf", ANN);
        repo.delete("empty.txt");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("a.txt"));
        repo.commit("Drop empty, add a link", ANN);
        repo.write("empty.txt", "back\n");
        repo.commit("Bring empty back", ANN);
        repo.git("checkout", "-q", "-b", "side");
        repo.write("side.txt", "side\n");
        repo.commit("Side work", ANN);
        repo.git("checkout", "-q", "main");
        repo.write("a.txt", "zero\none\ntwo\nthree\n");
        repo.commit("Main work", ANN);
        // An evil merge: merged.txt enters through the merge alone, which no diff shows.
        repo.git("merge", "-q", "--no-ff", "--no-commit", "side");
        repo.write("merged.txt", "only in the merge\n");
        repo.commit("Merge side with an extra file", ANN);
    }

    private static ContentListener scan(PluginDataRequirements requirements, Counts counts, Path tempRoot)
            throws ScanException {
        ContentListener listener = new ContentListener();
        new JGitRepositoryScanner(counts, tempRoot).scan(ScanRequest.builder(repo.dir()).build(), requirements,
                listener);
        return listener;
    }

    private static PluginDataRequirements require(boolean head, boolean historical, boolean binary,
            boolean onDisk) {
        return new PluginDataRequirements(head, historical, binary, SIZE_LIMIT, onDisk);
    }

    @Test
    public void headFileInfosEqualGitShowAndCatFile() throws Exception {
        List<FileInfo> files = scan(PluginDataRequirements.NONE, new Counts(), TEMP.newFolder().toPath()).files;

        List<String> paths = List.of(repo.git("ls-tree", "-r", "-z", "--name-only", "HEAD").split("\0"));
        assertEquals(paths, files.stream().map(FileInfo::path).toList());
        for (FileInfo file : files) {
            String spec = "HEAD:" + file.path();
            String content = repo.git("cat-file", "blob", spec);
            boolean binary = content.substring(0, Math.min(content.length(), 8000)).indexOf('\0') >= 0;
            assertEquals(file.path(), Long.parseLong(repo.git("cat-file", "-s", spec).trim()), file.size());
            assertEquals(file.path(), binary, file.binary());
            assertEquals(file.path(), binary ? -1 : GitTruth.linesOf(content), file.lines());
        }
    }

    @Test
    public void headFileInfosFollowTheIncludeAndExcludeGlobs() throws Exception {
        ContentListener listener = new ContentListener();
        new JGitRepositoryScanner(new Counts(), TEMP.newFolder().toPath()).scan(ScanRequest.builder(repo.dir())
                .includes(List.of("**/*.txt")).excludes(List.of("empty.txt")).build(), PluginDataRequirements.NONE,
                listener);

        // ls-tree takes no glob magic; the work tree is the head's, so ls-files says the same
        List<String> expected = List.of(repo.git("ls-files", "-z", "--",
                ":(glob)**/*.txt", ":(glob,exclude)empty.txt").split("\0"));
        assertTrue("the globs choose some files, not all", expected.size() > 0 && expected.size()
                < repo.git("ls-tree", "-r", "-z", "--name-only", "HEAD").split("\0").length);
        assertEquals(expected, listener.files.stream().map(FileInfo::path).toList());
    }

    @Test
    public void metadataOnlyScanReadsOnlyWhatDiffsNeedAndNoContent() throws Exception {
        Path tempRoot = TEMP.newFolder().toPath();
        Counts counts = new Counts();
        ContentListener listener = scan(PluginDataRequirements.NONE, counts, tempRoot);

        assertEquals(0, counts.contents);
        assertTrue(listener.headContents.isEmpty());
        assertTrue(listener.historical.isEmpty());
        assertNull(listener.checkout);
        try (Stream<Path> created = Files.list(tempRoot)) {
            assertEquals("temporary files of a metadata-only scan", List.of(), created.toList());
        }
        // Each blob on either side of a diff git shows, and the head blobs no diff shows, once.
        Set<String> blobs = new HashSet<>();
        for (String line : repo.git("log", "--raw", "--no-abbrev", "-M", "--format=").split("\n")) {
            if (line.startsWith(":")) {
                String[] fields = line.substring(1).split("[ \t]");
                for (int side = 0; side < 2; side++) {
                    if (!fields[side].equals("160000") && !fields[2 + side].matches("0+")) {
                        blobs.add(fields[2 + side]);
                    }
                }
            }
        }
        for (String entry : repo.git("ls-tree", "-r", "HEAD").split("\n")) {
            blobs.add(entry.split("[ \t]")[2]);
        }
        assertEquals(blobs.size(), counts.blobReads);
    }

    @Test
    public void headContentIsEveryTextFileWithinTheLimitAsGitShowsIt() throws Exception {
        Counts counts = new Counts();
        ContentListener listener = scan(require(true, false, false, false), counts, TEMP.newFolder().toPath());

        Map<String, String> expected = new TreeMap<>();
        for (FileInfo file : listener.files) {
            if (!file.binary() && file.size() <= SIZE_LIMIT) {
                expected.put(file.path(), repo.git("cat-file", "blob", "HEAD:" + file.path()));
            }
        }
        Map<String, String> actual = new TreeMap<>();
        for (FileContent content : listener.headContents) {
            actual.put(content.path(), content.text(StandardCharsets.UTF_8));
        }
        assertEquals(expected, actual);
        assertFalse("big.txt is over the limit", actual.containsKey("big.txt"));
        assertEquals(listener.headContents.size(), counts.contents);
        assertTrue(listener.historical.isEmpty());
    }

    @Test
    public void binaryContentOnlyWhenAskedFor() throws Exception {
        ContentListener listener = scan(require(true, false, true, false), new Counts(), TEMP.newFolder().toPath());

        FileContent image = listener.headContents.stream().filter(c -> c.path().equals("image.bin")).findFirst()
                .orElseThrow();
        assertArrayEquals(new byte[] {1, 0, 2, 0, 3}, image.toByteArray());
        assertTrue(image.file().binary());
    }

    @Test
    public void historicalContentIsEachFileAfterEachChange() throws Exception {
        ContentListener listener = scan(require(false, true, false, false), new Counts(), TEMP.newFolder().toPath());

        assertTrue(listener.headContents.isEmpty());
        int expected = 0;
        for (FileChange change : listener.changes) {
            if (change.type() != ChangeType.DELETED && !change.binary() && change.newSize() <= SIZE_LIMIT) {
                expected++;
            }
        }
        assertEquals(expected, listener.historical.size());
        for (ContentListener.Historical pair : listener.historical) {
            FileChange change = pair.change();
            FileContent content = pair.content();
            assertEquals(repo.git("cat-file", "blob", change.commitId() + ":" + change.path()),
                    content.text(StandardCharsets.UTF_8));
            assertEquals(change.linesAfter(), content.file().lines());
        }
    }

    @Test
    public void checkoutHoldsTheHeadDuringTheScanAndIsGoneAfter() throws Exception {
        Path tempRoot = TEMP.newFolder().toPath();
        Map<String, String> seen = new TreeMap<>();
        ContentListener listener = new ContentListener() {
            @Override
            public void onCommit(CommitInfo commit) {
                super.onCommit(commit);
                if (seen.isEmpty()) {
                    seen.putAll(readTree(checkout.directory()));
                }
            }
        };
        new JGitRepositoryScanner(new Counts(), tempRoot).scan(ScanRequest.builder(repo.dir()).build(),
                require(false, false, false, true), listener);

        assertNotNull(listener.checkout);
        assertEquals(repo.git("rev-parse", "HEAD").trim(), listener.checkout.commitId());
        Map<String, String> expected = new TreeMap<>();
        for (String path : repo.git("ls-tree", "-r", "-z", "--name-only", "HEAD").split("\0")) {
            expected.put(path, path.equals("link") ? "-> a.txt" : repo.git("cat-file", "blob", "HEAD:" + path));
        }
        assertEquals(expected, seen);
        try (Stream<Path> left = Files.list(tempRoot)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    public void checkoutIsRemovedWhenTheScanFails() throws Exception {
        Path tempRoot = TEMP.newFolder().toPath();
        List<Path> during = new ArrayList<>();
        ContentListener failing = new ContentListener() {
            @Override
            public void onCommit(CommitInfo commit) {
                during.add(checkout.directory());
                throw new IllegalStateException("listener failed");
            }
        };
        assertThrows(IllegalStateException.class, () -> new JGitRepositoryScanner(new Counts(), tempRoot)
                .scan(ScanRequest.builder(repo.dir()).build(), require(false, false, false, true), failing));

        assertEquals(1, during.size());
        assertFalse(Files.exists(during.get(0)));
        try (Stream<Path> left = Files.list(tempRoot)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    public void checkoutIsRemovedWhenTheScanIsInterrupted() throws Exception {
        Path tempRoot = TEMP.newFolder().toPath();
        List<Path> during = new ArrayList<>();
        ContentListener interrupting = new ContentListener() {
            @Override
            public void onCommit(CommitInfo commit) {
                super.onCommit(commit);
                during.add(checkout.directory());
                Thread.currentThread().interrupt();
            }
        };
        try {
            ScanException stopped = assertThrows(ScanException.class,
                    () -> new JGitRepositoryScanner(new Counts(), tempRoot).scan(
                            ScanRequest.builder(repo.dir()).build(), require(false, false, false, true),
                            interrupting));
            assertEquals(ScanException.Reason.FAILED, stopped.reason());
            assertTrue(stopped.getMessage(), stopped.getMessage().endsWith("was interrupted"));
        } finally {
            Thread.interrupted();
        }

        assertEquals("stopped at the next commit", 1, interrupting.commits.size());
        assertFalse(Files.exists(during.get(0)));
        try (Stream<Path> left = Files.list(tempRoot)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** Every file under {@code root} by relative path: its text, or {@code -> target} for a link. */
    private static Map<String, String> readTree(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                String relative = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    files.put(relative, "-> " + Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path)) {
                    files.put(relative, new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
