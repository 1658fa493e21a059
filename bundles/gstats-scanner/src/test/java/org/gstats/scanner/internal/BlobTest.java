package org.gstats.scanner.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Test;

/**
 * Blob splits and hashes eight bytes at a time; its lines must be git's lines (each ends
 * after its newline, a last line without one is a line too) wherever they fall against the
 * words, and equal lines must hash alike wherever they sit.
 */
public class BlobTest {

    @Test
    public void linesAreSplitAfterEachNewlineAtEveryOffset() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            byte[] content = randomText(random);
            Blob blob = Blob.of(content);
            List<int[]> expected = lines(content);
            assertEquals(expected.size(), blob.lineCount());
            for (int line = 0; line < expected.size(); line++) {
                assertEquals(expected.get(line)[0], blob.lines().start(line));
                assertEquals(expected.get(line)[1], blob.lines().end(line));
            }
        }
    }

    @Test
    public void equalLinesHashAlikeWhereverTheySit() {
        Random random = new Random(12);
        Map<String, Integer> hashes = new HashMap<>();
        int compared = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] content = randomText(random);
            Blob blob = Blob.of(content);
            for (int line = 0; line < blob.lineCount(); line++) {
                String text = new String(content, blob.lines().start(line), blob.lines().end(line) - blob.lines().start(line),
                        StandardCharsets.ISO_8859_1);
                Integer seen = hashes.putIfAbsent(text, blob.lineHashes()[line]);
                if (seen != null) {
                    assertEquals("hash of " + text, seen.intValue(), blob.lineHashes()[line]);
                    compared++;
                }
            }
        }
        assertTrue("the same lines recur at other offsets: " + compared, compared > 5000);
    }

    /** The line counter splits only a stretch of a text and skims the rest: all must agree with the whole text's split. */
    @Test
    public void aStretchSplitsCountsAndHashesAsTheWholeText() {
        Random random = new Random(13);
        for (int round = 0; round < 2000; round++) {
            byte[] content = randomText(random);
            Blob blob = Blob.of(content);
            assertEquals(blob.lineCount(), Lines.count(content, 0, content.length));
            int first = random.nextInt(blob.lineCount() + 1);
            int last = first + random.nextInt(blob.lineCount() - first + 1);
            int from = first == blob.lineCount() ? content.length : blob.lines().start(first);
            int to = last == blob.lineCount() ? content.length : blob.lines().start(last);
            Lines stretch = Lines.of(content, from, to);
            assertEquals(last - first, stretch.count());
            assertEquals(last - first, Lines.count(content, from, to));
            for (int line = first; line < last; line++) {
                int start = blob.lines().start(line);
                int end = blob.lines().end(line);
                assertEquals(start, stretch.start(line - first));
                assertEquals(end, stretch.end(line - first));
                assertEquals(blob.lineHashes()[line], stretch.hashes()[line - first]);
                assertEquals(blob.lineHashes()[line], Lines.hash(content, start, end));
                int newline = Lines.nextNewline(content, start, content.length);
                assertEquals(content[end - 1] == '\n' ? end - 1 : -1, newline);
            }
        }
    }

    /** Newlines are counted in byte lanes summed now and then: long runs of short lines must not overflow them. */
    @Test
    public void longTextsOfShortLinesAreCountedWhole() {
        for (String line : new String[] {"\n", "a\n", "abcdefg\n"}) {
            for (int lines : new int[] {254, 255, 256, 2039, 2040, 2041, 50_000}) {
                byte[] content = line.repeat(lines).getBytes(StandardCharsets.US_ASCII);
                assertEquals(lines, Lines.count(content, 0, content.length));
                assertEquals(lines + 1, Lines.count(Arrays.copyOf(content, content.length + 1), 0, content.length + 1));
            }
        }
    }

    @Test
    public void aLastLineWithoutNewlineDiffersFromTheSameTextWithOne() {
        Blob with = Blob.of("one\ntwo\n".getBytes(StandardCharsets.US_ASCII));
        Blob without = Blob.of("one\ntwo".getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, with.lineCount());
        assertEquals(2, without.lineCount());
        assertTrue(with.sameLine(0, without, 0));
        assertFalse(with.sameLine(1, without, 1));
        assertArrayEquals(new int[0], Blob.EMPTY.lineHashes());
    }

    @Test
    public void binaryIsANulByteInTheFirst8000BytesWhereverItFalls() {
        for (int length : new int[] {1, 7, 8, 9, 15, 16, 17, 7999, 8000, 8001, 9000}) {
            byte[] text = new byte[length];
            Arrays.fill(text, (byte) 0x80);
            assertFalse("no NUL in " + length + " bytes", Blob.of(text).binary());
            for (int at = 0; at < length; at++) {
                byte[] content = text.clone();
                content[at] = 0;
                // bytes around the NUL that a word-wise test could mistake: 0x01 and 0x80
                if (at + 1 < length) {
                    content[at + 1] = 1;
                }
                assertEquals("NUL at " + at + " of " + length, at < Blob.BINARY_CHECK_BYTES, Blob.of(content).binary());
            }
        }
    }

    /** Lines from a pool of varied lengths (around and across eight bytes), some without a newline at the end. */
    private static byte[] randomText(Random random) {
        String[] pool = {"", "a", "}", "abcdefg", "abcdefgh", "abcdefghi", "    return value;",
            "int x = compute(1, 2, 3); // a longer line than most", "\t\tx", "0123456789abcdef"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = random.nextInt(12);
        for (int i = 0; i < lines; i++) {
            out.writeBytes(pool[random.nextInt(pool.length)].getBytes(StandardCharsets.US_ASCII));
            if (i < lines - 1 || random.nextBoolean()) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** Start and end of each line, the plain way. */
    private static List<int[]> lines(byte[] content) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < content.length) {
            lines.add(new int[] {start, content.length});
        }
        return lines;
    }
}
