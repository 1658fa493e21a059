package org.gstats.plugin.metrics.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.gstats.api.Analysis;
import org.gstats.api.BlobResults;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.junit.Test;

/**
 * Results kept per blob give the section a full analysis gives: on the commons-lang3 sources
 * the build unpacks (lines, a thousand clone groups, complexity), a scan that finds every
 * file's result equals one that analyses every file, on several threads. A result kept for
 * another path, for a scan without complexity, or damaged, is not used.
 */
public class KeptBlobResultsTest {

    private static final Path CORPUS = Path.of("target", "complexity-corpus");
    private static final String ANALYSER = "metrics/test";
    private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
    private static final String NEXT_HEAD = "89abcdef0123456789abcdef0123456789abcdef";
    private static final MetricsAnalysis.Resources THREADS = new MetricsAnalysis.Resources(3, 1L << 30);

    /** Results in memory, as a store session keeps them during a scan; counts what was asked. */
    private static final class Kept implements BlobResults {
        final Map<String, byte[]> results = new ConcurrentHashMap<>();
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger puts = new AtomicInteger();
        /** How often each result was asked for. */
        final Map<String, Integer> asked = new ConcurrentHashMap<>();
        /** The head the store read whole-head results under; null for none. */
        volatile String storedHead;

        @Override
        public byte[] get(String analyser, String blobId) {
            byte[] result = results.get(analyser + " " + blobId);
            asked.merge(analyser + " " + blobId, 1, Integer::sum);
            if (result != null) {
                hits.incrementAndGet();
            }
            return result;
        }

        @Override
        public void put(String analyser, String blobId, byte[] result) {
            puts.incrementAndGet();
            results.put(analyser + " " + blobId, result);
        }

        @Override
        public String storedHeadId() {
            return storedHead;
        }
    }

    private static List<FileContent> corpus(String prefix) throws IOException {
        assertTrue("the build unpacks commons-lang3 sources into " + CORPUS.toAbsolutePath(),
                Files.isDirectory(CORPUS));
        List<FileContent> contents = new ArrayList<>();
        for (String path : ExternalTools.filesUnder(CORPUS)) {
            byte[] data = Files.readAllBytes(CORPUS.resolve(path));
            int lines = 0;
            for (byte b : data) {
                lines += b == '\n' ? 1 : 0;
            }
            contents.add(new FileContent(new FileInfo(prefix + path, data.length, lines, false), "0",
                    blobId(data), data));
        }
        return contents;
    }

    /** Git's id of a blob with these bytes. */
    private static String blobId(byte[] data) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + data.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReportSection analyse(List<FileContent> contents, MetricsSettings settings, BlobResults kept) {
        return analyse(contents, settings, kept, null);
    }

    private static ReportSection analyse(List<FileContent> contents, MetricsSettings settings, BlobResults kept,
            String headId) {
        ScanContext context = new ScanContext(CORPUS, "HEAD", headId, Map.of(), Map.of(), kept);
        Analysis analysis = new MetricsAnalysis(settings, context, THREADS, ANALYSER);
        for (FileContent content : contents) {
            analysis.onFileInfo(content.file());
            analysis.onFileContent(content);
        }
        return analysis.result();
    }

    @Test
    public void aScanFromKeptResultsEqualsAFullAnalysis() throws IOException {
        List<FileContent> contents = corpus("");
        ReportSection cold = analyse(contents, MetricsSettings.DEFAULTS, BlobResults.NONE);
        Map<String, Object> summary = ((Fields) cold.item("summary").orElseThrow()).values();
        assertTrue("clones found: " + summary, (Long) summary.get("clone_groups") > 100);

        Kept kept = new Kept();
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept));
        assertEquals("every text file's result is kept", contents.size(), kept.puts.get());
        assertEquals(0, kept.hits.get());

        kept.puts.set(0);
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept));
        assertEquals("every file from its kept result", contents.size(), kept.hits.get());
        assertEquals(0, kept.puts.get());
    }

    @Test
    public void theClonesOfAHeadAreKeptForExactlyTheFilesTheyWereFoundIn() throws IOException {
        List<FileContent> contents = corpus("");
        ReportSection cold = analyse(contents, MetricsSettings.DEFAULTS, BlobResults.NONE);
        Kept kept = new Kept();
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept, HEAD));
        assertEquals("every text file's result and the head's clones", contents.size() + 1, kept.puts.get());
        String clones = kept.results.keySet().stream().filter(key -> key.endsWith(" " + HEAD)).findFirst()
                .orElseThrow();

        kept.puts.set(0);
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept, HEAD));
        assertEquals("every file and the clones from what was kept", contents.size() + 1, kept.hits.get());
        assertEquals(0, kept.puts.get());

        // the same head id with a file less (other settings, or content not delivered): detected again
        String largest = contents.stream().filter(c -> c.path().endsWith(".java"))
                .max(Comparator.comparingInt(FileContent::length)).orElseThrow().path();
        List<FileContent> fewer = contents.stream().filter(c -> !c.path().equals(largest)).toList();
        assertEquals(analyse(fewer, MetricsSettings.DEFAULTS, BlobResults.NONE),
                analyse(fewer, MetricsSettings.DEFAULTS, kept, HEAD));

        // other clone settings are another analyser's
        MetricsSettings longer = MetricsSettings.of(Map.of("min.tokens", 80));
        kept.puts.set(0);
        assertEquals(analyse(contents, longer, BlobResults.NONE), analyse(contents, longer, kept, HEAD));
        assertEquals("the clones under their own name", 1, kept.puts.get());

        // damaged per-file results while the clones are kept: those files are analysed again
        kept.results.replaceAll((key, value) -> key.equals(clones) ? value : Arrays.copyOf(value, value.length - 1));
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept, HEAD));

        // damaged: detected again
        kept.results.put(clones, Arrays.copyOf(kept.results.get(clones), kept.results.get(clones).length / 2));
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept, HEAD));
    }

    @Test
    public void aNewHeadWithTheSameFilesTakesOverTheClonesOfTheStoredHead() throws IOException {
        List<FileContent> contents = corpus("");
        ReportSection cold = analyse(contents, MetricsSettings.DEFAULTS, BlobResults.NONE);
        Kept kept = new Kept();
        analyse(contents, MetricsSettings.DEFAULTS, kept, HEAD);
        String clones = kept.results.keySet().stream().filter(key -> key.endsWith(" " + HEAD)).findFirst()
                .orElseThrow();
        String carried = clones.replace(HEAD, NEXT_HEAD);

        // without the stored head's id the new head's clones are detected again, and kept under it
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept, NEXT_HEAD));
        assertNotSame(kept.results.get(clones), kept.results.get(carried));
        kept.results.remove(carried);

        // new commits that changed no source file: the stored head's clones, kept as they are under the new head
        kept.storedHead = HEAD;
        kept.puts.set(0);
        kept.hits.set(0);
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept, NEXT_HEAD));
        assertEquals("every file and the stored head's clones", contents.size() + 1, kept.hits.get());
        assertEquals("the clones under the new head, nothing else", 1, kept.puts.get());
        assertSame(kept.results.get(clones), kept.results.get(carried));

        // a source file changed: the stored head's clones are not this head's, detected again
        kept.results.remove(carried);
        String largest = contents.stream().filter(c -> c.path().endsWith(".java"))
                .max(Comparator.comparingInt(FileContent::length)).orElseThrow().path();
        List<FileContent> changed = contents.stream().map(c -> c.path().equals(largest) ? changedCopy(c) : c)
                .toList();
        assertEquals(analyse(changed, MetricsSettings.DEFAULTS, BlobResults.NONE),
                analyse(changed, MetricsSettings.DEFAULTS, kept, NEXT_HEAD));
        assertNotSame(kept.results.get(clones), kept.results.get(carried));
    }

    /**
     * Changed files: the clones are detected again only among the files a change can reach, and the section
     * equals a full analysis's, change after change, each scan starting from what the one before kept: a
     * file cut in half, a copy of a file added, the file copied deleted, nothing changed.
     */
    @Test
    public void aChangedHeadDetectsClonesAgainOnlyAmongTheFilesAChangeCanReach() throws IOException {
        List<FileContent> contents = corpus("");
        Kept kept = new Kept();
        analyse(contents, MetricsSettings.DEFAULTS, kept, HEAD);

        String largest = contents.stream().filter(c -> c.path().endsWith(".java"))
                .max(Comparator.comparingInt(FileContent::length)).orElseThrow().path();
        List<FileContent> halved = contents.stream().map(c -> c.path().equals(largest) ? changedCopy(c) : c)
                .toList();
        FileContent copied = contents.stream().filter(c -> c.path().endsWith("/CharRange.java")).findFirst()
                .orElseThrow();
        List<FileContent> added = new ArrayList<>(halved);
        added.add(new FileContent(new FileInfo(copied.path().replace("CharRange", "CharRangeCopy"),
                copied.length(), copied.file().lines(), false), "2", copied.blobId(), copied.toByteArray()));
        List<FileContent> deleted = added.stream().filter(c -> c != copied).toList();

        String head = HEAD;
        List<Integer> detectedAgain = new ArrayList<>();
        for (List<FileContent> now : List.of(halved, added, deleted, deleted)) {
            String next = head.equals(HEAD) ? NEXT_HEAD : HEAD;
            kept.results.keySet().removeIf(key -> key.endsWith(" " + next));
            kept.storedHead = head;
            kept.asked.clear();
            assertEquals(analyse(now, MetricsSettings.DEFAULTS, BlobResults.NONE),
                    analyse(now, MetricsSettings.DEFAULTS, kept, next));
            // a file's result is asked for once, and again for its tokens when it is detected again
            detectedAgain.add((int) kept.asked.values().stream().filter(times -> times > 1).count());
            head = next;
        }
        assertTrue(detectedAgain + " of " + contents.size() + " files", detectedAgain.get(0) < contents.size() / 2);
        // the copy reaches the file it copies, and that file's deletion reaches the copy: each is detected again
        assertTrue(detectedAgain.toString(), detectedAgain.get(1) >= 1 && detectedAgain.get(1) < contents.size() / 2);
        assertTrue(detectedAgain.toString(), detectedAgain.get(2) >= 1 && detectedAgain.get(2) < contents.size() / 2);
        assertEquals("unchanged: nothing detected again", 0, (int) detectedAgain.get(3));
    }

    /** The file with its first half only, a blob of its own. */
    private static FileContent changedCopy(FileContent content) {
        byte[] data = Arrays.copyOf(content.toByteArray(), content.length() / 2);
        int lines = 0;
        for (byte b : data) {
            lines += b == '\n' ? 1 : 0;
        }
        return new FileContent(new FileInfo(content.path(), data.length, lines, false), "1", blobId(data), data);
    }

    @Test
    public void aResultReadWithoutItsTokensIsStillCheckedToItsEnd() throws IOException {
        byte[] encoded = largestJavaFileResult();
        StoredFileResult whole = StoredFileResult.decode(encoded);
        StoredFileResult withoutTokens = StoredFileResult.decode(encoded, false);
        assertSame(StoredFileResult.NOT_READ, withoutTokens.tokens());
        assertEquals(whole.complexity(), withoutTokens.complexity());
        assertEquals(whole.counts(), withoutTokens.counts());

        // a byte of the tokens changed, or the end cut off: the checksum or the stream's end says so
        byte[] changed = encoded.clone();
        changed[changed.length - 8] ^= 0x55;
        assertNull(StoredFileResult.decode(changed, false));
        assertNull(StoredFileResult.decode(Arrays.copyOf(encoded, encoded.length - 3), false));
    }

    @Test
    public void aResultIsForItsPathAndItsSettingsOnly() throws IOException {
        List<FileContent> contents = corpus("");
        Kept kept = new Kept();
        MetricsSettings withoutComplexity = MetricsSettings.of(Map.of("complexity.analysis", false));
        ReportSection coldWithout = analyse(contents, withoutComplexity, BlobResults.NONE);
        assertEquals(coldWithout, analyse(contents, withoutComplexity, kept));

        // kept without complexity: a scan that wants it analyses the files again
        kept.puts.set(0);
        assertEquals(analyse(contents, MetricsSettings.DEFAULTS, BlobResults.NONE),
                analyse(contents, MetricsSettings.DEFAULTS, kept));
        assertEquals(contents.size(), kept.puts.get());

        // the same blobs under other paths (format detection reads the path) are analysed again
        List<FileContent> moved = corpus("moved/");
        kept.puts.set(0);
        assertEquals(analyse(moved, MetricsSettings.DEFAULTS, BlobResults.NONE),
                analyse(moved, MetricsSettings.DEFAULTS, kept));
        assertEquals(moved.size(), kept.puts.get());
    }

    @Test
    public void aDamagedResultIsAnalysedAgain() throws IOException {
        List<FileContent> contents = corpus("");
        Kept kept = new Kept();
        ReportSection cold = analyse(contents, MetricsSettings.DEFAULTS, kept);
        kept.results.replaceAll((key, value) -> new byte[] {1, 2, 3});
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept));
        kept.results.replaceAll((key, value) -> Arrays.copyOf(value, value.length / 2));
        assertEquals(cold, analyse(contents, MetricsSettings.DEFAULTS, kept));
    }

    @Test
    public void tokensTakeAFewBytesEach() throws IOException {
        byte[] encoded = largestJavaFileResult();
        StoredFileResult result = StoredFileResult.decode(encoded);
        int tokens = result.tokens().values().length;
        assertTrue(tokens + " tokens", tokens > 2_000);
        assertTrue(encoded.length + " bytes for " + tokens + " tokens", encoded.length < 4 * tokens);
        assertNotEquals(0, result.complexity().functions().size());
    }

    /**
     * The values stores hold were deflated through a stream, in pieces; the same content deflated
     * in one call is read the same, and is the same once inflated: the encoding did not change.
     */
    @Test
    public void aResultDeflatedThroughAStreamIsReadTheSame() throws IOException {
        byte[] encoded = largestJavaFileResult();
        byte[] written;
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(encoded))) {
            written = in.readAllBytes();
        }
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(streamed, new Deflater(Deflater.BEST_SPEED))) {
            for (byte b : written) {
                out.write(b);
            }
        }
        StoredFileResult ours = StoredFileResult.decode(encoded);
        StoredFileResult theirs = StoredFileResult.decode(streamed.toByteArray());
        assertEquals(ours.counts(), theirs.counts());
        assertEquals(ours.complexity(), theirs.complexity());
        assertArrayEquals(ours.tokens().values(), theirs.tokens().values());
        assertArrayEquals(ours.tokens().startLines(), theirs.tokens().startLines());
        assertArrayEquals(ours.tokens().endLines(), theirs.tokens().endLines());
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(ours.encode()))) {
            assertArrayEquals(written, in.readAllBytes());
        }
    }

    /** The kept result of the corpus's largest Java file (clone tokens, functions). */
    private byte[] largestJavaFileResult() throws IOException {
        FileContent content = corpus("").stream().filter(c -> c.path().endsWith(".java"))
                .max(Comparator.comparingInt(FileContent::length)).orElseThrow();
        Kept kept = new Kept();
        analyse(List.of(content), MetricsSettings.DEFAULTS, kept);
        return kept.results.values().iterator().next();
    }
}
