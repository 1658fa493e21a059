package org.gstats.scanner.internal;

import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Sizes JGit's pack cache from {@code [scanner] pack-cache} within the heap's {@link CacheBudget},
 * and its delta base cache from the heap. The settings are JGit's own and shared by every
 * repository the framework opens, so they are set here once per configuration rather than per
 * scan.
 */
@Component(service = {}, immediate = true, configurationPid = PackCacheConfiguration.PID)
@Designate(ocd = PackCacheConfiguration.Scanner.class)
public final class PackCacheConfiguration {

    static final String PID = "org.gstats.scanner";

    private static final long MIN_DELTA_BASE_CACHE = 1L << 20;
    private static final long MAX_DELTA_BASE_CACHE = 32L << 20;

    /** The part of {@code [scanner]} that is the installation's: JGit's caches, diff threads. */
    @ObjectClassDefinition(name = "gstats scanner caches", description = "[scanner] of the gstats configuration")
    public @interface Scanner {

        @AttributeDefinition(name = "[size] GSTATS_PACK_CACHE",
                description = "memory JGit keeps for pack data, shared by all scans (JGit's packedGitLimit)")
        long pack_cache() default 10L << 20;

        @AttributeDefinition(name = "GSTATS_THREADS", min = "0", max = "1024",
                description = "threads that diff commits and that analyse head files for metrics (0: one per "
                        + "processor)")
        int threads() default 0;
    }

    @Activate
    @Modified
    void configure(Scanner scanner) {
        cacheConfig(scanner, Runtime.getRuntime().maxMemory()).install();
    }

    static WindowCacheConfig cacheConfig(Scanner scanner, long maxHeap) {
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitLimit(Math.max(config.getPackedGitWindowSize(),
                Math.min(scanner.pack_cache(), CacheBudget.of(maxHeap, 8))));
        config.setDeltaBaseCacheLimit(deltaBaseCacheLimit(maxHeap));
        return config;
    }

    /**
     * Memory for delta bases, a sixteenth of the heap ({@link CacheBudget}) within 1 to 32 MB
     * (JGit's default is 10 MB). Each reader (the scan's and each diff thread's) keeps the objects
     * it inflated as bases of deltas, so that the next delta on the same base applies without
     * inflating the chain again: with 32 MB a scan of commons-lang spent a sixth less CPU than
     * with 10 MB, and 64 MB did no better. Under a small heap it gives way to the scan's other
     * structures.
     */
    static int deltaBaseCacheLimit(long maxHeap) {
        return (int) Math.max(MIN_DELTA_BASE_CACHE, Math.min(MAX_DELTA_BASE_CACHE, CacheBudget.of(maxHeap, 16)));
    }
}
