package org.gstats.api;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

/** Content read when first asked for: once, whoever asks, and never for its length. */
public class FileContentTest {

    private static final FileInfo FILE = new FileInfo("src/A.java", 6, 2, false);
    private static final byte[] BYTES = "a\nbc\n\n".getBytes(StandardCharsets.UTF_8);

    @Test
    public void theSourceIsReadOnceWhenTheBytesAreFirstAskedFor() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        FileContent content = new FileContent(FILE, "c1", "b1", BYTES.length, () -> {
            reads.incrementAndGet();
            return BYTES.clone();
        });

        assertEquals(BYTES.length, content.length());
        assertEquals("b1", content.blobId());
        assertEquals("the length is known without reading", 0, reads.get());

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> asked = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                asked.add(threads.submit((Callable<byte[]>) content::toByteArray));
            }
            for (Future<byte[]> bytes : asked) {
                assertArrayEquals(BYTES, bytes.get());
            }
        } finally {
            threads.shutdownNow();
        }
        try (InputStream in = content.open()) {
            assertArrayEquals(BYTES, in.readAllBytes());
        }
        assertEquals("a\nbc\n\n", content.text(StandardCharsets.UTF_8));
        assertEquals(1, reads.get());
    }

    @Test
    public void aFailedReadNamesTheFileAndIsTriedAgainByTheNextAsker() {
        AtomicInteger reads = new AtomicInteger();
        FileContent content = new FileContent(FILE, "c1", "b1", BYTES.length, () -> {
            if (reads.incrementAndGet() == 1) {
                throw new IOException("pack file truncated");
            }
            return BYTES.clone();
        });

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, content::toByteArray);

        assertEquals("cannot read src/A.java at commit c1: pack file truncated", failure.getMessage());
        assertArrayEquals(BYTES, content.toByteArray());
        assertEquals(2, reads.get());
    }

    @Test
    public void aCopyOfTheBytesIsTheCallersToChange() {
        FileContent content = new FileContent(FILE, "c1", "b1", BYTES.length, BYTES::clone);

        byte[] copy = content.toByteArray();
        copy[0] = 'z';

        assertArrayEquals(BYTES, content.toByteArray());
        assertTrue(content.text(StandardCharsets.UTF_8).startsWith("a"));
    }
}
