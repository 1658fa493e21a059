package org.gstats.serve.internal.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.Test;

public class CachedBodyTest {

    @Test
    public void writesItsBytesWholeEveryTimeItIsSent() throws Exception {
        byte[] content = new byte[3 << 20];
        new Random(15).nextBytes(content);
        CachedBody body = CachedBody.of(content);
        for (int i = 0; i < 2; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            body.writeTo(out);
            assertArrayEquals(content, out.toByteArray());
        }
        assertEquals(content.length, body.length());
        assertArrayEquals(content, body.toArray());
    }

    @Test
    public void itsTagNamesItsBytes() {
        CachedBody one = CachedBody.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals(one.tag(), CachedBody.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).tag());
        assertNotEquals(one.tag(), CachedBody.of("{\"a\":2}".getBytes(StandardCharsets.UTF_8)).tag());
        assertEquals(24, one.tag().length());
    }
}
