package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;

import org.junit.Test;

public class PackCacheConfigurationTest {

    @Test
    public void packCacheSetsJGitsPackedGitLimitWithinAnEighthOfTheHeap() {
        assertEquals(256L << 20, PackCacheConfiguration.cacheConfig(packCache(256L << 20), 4L << 30).getPackedGitLimit());
        assertEquals(10L << 20, PackCacheConfiguration.cacheConfig(packCache(10L << 20), 512L << 20).getPackedGitLimit());
        assertEquals("an eighth of 512 MB", 64L << 20,
                PackCacheConfiguration.cacheConfig(packCache(256L << 20), 512L << 20).getPackedGitLimit());
        assertEquals("an eighth of 128 MB, a quarter of it", 4L << 20,
                PackCacheConfiguration.cacheConfig(packCache(10L << 20), 128L << 20).getPackedGitLimit());
    }

    @Test
    public void deltaBaseCacheIsASixteenthOfTheHeapWithin1And32MbAndLessBelow512Mb() {
        assertEquals(1 << 20, PackCacheConfiguration.deltaBaseCacheLimit(32L << 20));
        assertEquals(2 << 20, PackCacheConfiguration.deltaBaseCacheLimit(128L << 20));
        assertEquals(8 << 20, PackCacheConfiguration.deltaBaseCacheLimit(256L << 20));
        assertEquals(32 << 20, PackCacheConfiguration.deltaBaseCacheLimit(512L << 20));
        assertEquals(32 << 20, PackCacheConfiguration.deltaBaseCacheLimit(8L << 30));
    }

    @Test
    public void aCacheTakesItsPartOfTheHeapFrom512MbUpAndShrinksWithTheHeapBelow() {
        assertEquals(64L << 20, CacheBudget.of(512L << 20, 8));
        assertEquals(256L << 20, CacheBudget.of(2L << 30, 8));
        assertEquals(4L << 20, CacheBudget.of(128L << 20, 8));
        assertEquals(1L << 20, CacheBudget.of(64L << 20, 8));
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
