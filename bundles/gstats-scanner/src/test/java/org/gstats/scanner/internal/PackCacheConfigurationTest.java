package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;

import org.junit.Test;

public class PackCacheConfigurationTest {

    /** What the JVM reports as its maximum heap under -Xmx512m with the serial collector. */
    private static final long LAUNCHER_HEAP = 494L << 20;

    @Test
    public void packCacheSetsJGitsPackedGitLimitWithinAnEighthOfTheHeap() {
        assertEquals(256L << 20, PackCacheConfiguration.cacheConfig(packCache(256L << 20), 4L << 30).getPackedGitLimit());
        assertEquals(10L << 20, PackCacheConfiguration.cacheConfig(packCache(10L << 20), LAUNCHER_HEAP)
                .getPackedGitLimit());
        assertEquals("an eighth of 512 MB", 64L << 20,
                PackCacheConfiguration.cacheConfig(packCache(256L << 20), 512L << 20).getPackedGitLimit());
        assertEquals("an eighth of 128 MB, times 128 / 480", 4_473_924,
                PackCacheConfiguration.cacheConfig(packCache(10L << 20), 128L << 20).getPackedGitLimit());
    }

    @Test
    public void deltaBaseCacheIsASixteenthOfTheHeapWithin1And32MbAndLessBelow480Mb() {
        assertEquals(1 << 20, PackCacheConfiguration.deltaBaseCacheLimit(32L << 20));
        assertEquals(2_236_962, PackCacheConfiguration.deltaBaseCacheLimit(128L << 20));
        assertEquals(8_947_848, PackCacheConfiguration.deltaBaseCacheLimit(256L << 20));
        assertEquals((int) (LAUNCHER_HEAP / 16), PackCacheConfiguration.deltaBaseCacheLimit(LAUNCHER_HEAP));
        assertEquals(32 << 20, PackCacheConfiguration.deltaBaseCacheLimit(512L << 20));
        assertEquals(32 << 20, PackCacheConfiguration.deltaBaseCacheLimit(8L << 30));
    }

    @Test
    public void aCacheTakesItsPartOfTheHeapFrom480MbUpAndShrinksWithTheHeapBelow() {
        assertEquals(LAUNCHER_HEAP / 8, CacheBudget.of(LAUNCHER_HEAP, 8));
        assertEquals(64L << 20, CacheBudget.of(512L << 20, 8));
        assertEquals(256L << 20, CacheBudget.of(2L << 30, 8));
        assertEquals(4_473_924, CacheBudget.of(128L << 20, 8));
        assertEquals(1_118_481, CacheBudget.of(64L << 20, 8));
    }

    private static PackCacheConfiguration.Scanner packCache(long bytes) {
        return new PackCacheConfiguration.Scanner() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PackCacheConfiguration.Scanner.class;
            }

            @Override
            public long pack_cache() {
                return bytes;
            }

            @Override
            public int threads() {
                return 0;
            }
        };
    }
}
