package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;

import org.junit.Test;

public class PackCacheConfigurationTest {

    @Test
    public void packCacheSetsJGitsPackedGitLimit() {
        PackCacheConfiguration.Scanner scanner = new PackCacheConfiguration.Scanner() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PackCacheConfiguration.Scanner.class;
            }

            @Override
            public long pack_cache() {
                return 256L << 20;
            }

            @Override
            public int threads() {
                return 0;
            }
        };
        assertEquals(256L << 20, PackCacheConfiguration.cacheConfig(scanner).getPackedGitLimit());
    }

    @Test
    public void deltaBaseCacheIsASixteenthOf512MbAndLessInProportionToTheSquareBelow() {
        assertEquals(1 << 20, PackCacheConfiguration.deltaBaseCacheLimit(64L << 20));
        assertEquals(2 << 20, PackCacheConfiguration.deltaBaseCacheLimit(128L << 20));
        assertEquals(8 << 20, PackCacheConfiguration.deltaBaseCacheLimit(256L << 20));
        assertEquals(32 << 20, PackCacheConfiguration.deltaBaseCacheLimit(512L << 20));
        assertEquals(32 << 20, PackCacheConfiguration.deltaBaseCacheLimit(8L << 30));
        assertEquals(32 << 20, PackCacheConfiguration.deltaBaseCacheLimit(Long.MAX_VALUE));
    }

    @Test
    public void keptBlobsTakeAnEighthOf512MbAndLessInProportionToTheSquareBelow() {
        assertEquals(1L << 20, BlobCache.budget(64L << 20));
        assertEquals(4L << 20, BlobCache.budget(128L << 20));
        assertEquals(16L << 20, BlobCache.budget(256L << 20));
        assertEquals(64L << 20, BlobCache.budget(512L << 20));
        assertEquals(96L << 20, BlobCache.budget(8L << 30));
        assertEquals(96L << 20, BlobCache.budget(Long.MAX_VALUE));
    }
}
