package org.gstats.plugin.metrics.internal.duplication;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.Test;

public class FingerprintsTest {

    private static int[] random(Random random, int length) {
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextInt(40);
        }
        return values;
    }

    /** Two files that share a run of {@link Fingerprints#GUARANTEED} tokens, anywhere in each, share a fingerprint. */
    @Test
    public void aSharedRunOfTheGuaranteedLengthIsAlwaysSeen() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            int[] run = random(random, Fingerprints.GUARANTEED + random.nextInt(3));
            int[] a = random(random, random.nextInt(300));
            int[] b = random(random, random.nextInt(300));
            int at = a.length == 0 ? 0 : random.nextInt(a.length);
            int bt = b.length == 0 ? 0 : random.nextInt(b.length);
            int[] withA = splice(a, at, run);
            int[] withB = splice(b, bt, run);
            assertTrue("trial " + trial, Fingerprints.shareAny(Fingerprints.of(withA), Fingerprints.of(withB)));
        }
    }

    private static int[] splice(int[] into, int at, int[] run) {
        int[] spliced = new int[into.length + run.length];
        System.arraycopy(into, 0, spliced, 0, at);
        System.arraycopy(run, 0, spliced, at, run.length);
        System.arraycopy(into, at, spliced, at + run.length, into.length - at);
        return spliced;
    }

    @Test
    public void fingerprintsAreFewAscendingAndDistinct() {
        int[] values = random(new Random(3), 100_000);
        int[] prints = Fingerprints.of(values);
        int[] sorted = prints.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, prints);
        assertEquals(Arrays.stream(prints).distinct().count(), prints.length);
        // about two in W + 1
        assertTrue(prints.length + " fingerprints of 100,000 tokens", prints.length < 100_000 / 8);
        assertEquals(0, Fingerprints.of(new int[Fingerprints.GUARANTEED - 1]).length);
        assertEquals(1, Fingerprints.of(new int[Fingerprints.GUARANTEED]).length);
    }

    @Test
    public void unrelatedFilesShareNone() {
        int[] a = new int[500];
        int[] b = new int[500];
        for (int i = 0; i < 500; i++) {
            a[i] = i;
            b[i] = 1_000 + i;
        }
        assertFalse(Fingerprints.shareAny(Fingerprints.of(a), Fingerprints.of(b)));
    }
}
