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
    public void deltaBaseCacheIsASixteenthOfTheHeapWithin4And32Mb() {
        assertEquals(4 << 20, PackCacheConfiguration.deltaBaseCacheLimit(32L << 20));
        assertEquals(8 << 20, PackCacheConfiguration.deltaBaseCacheLimit(128L << 20));
        assertEquals(32 << 20, PackCacheConfiguration.deltaBaseCacheLimit(512L << 20));
        assertEquals(32 << 20, PackCacheConfiguration.deltaBaseCacheLimit(8L << 30));
    }
}
