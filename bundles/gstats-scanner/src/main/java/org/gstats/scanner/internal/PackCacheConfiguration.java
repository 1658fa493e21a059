package org.gstats.scanner.internal;

import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Sizes JGit's pack cache from {@code [scanner] pack-cache}. The cache is JGit's own and shared
 * by every repository the framework opens, so it is set here once per configuration rather
 * than per scan.
 */
@Component(service = {}, immediate = true, configurationPid = PackCacheConfiguration.PID)
@Designate(ocd = PackCacheConfiguration.Scanner.class)
public final class PackCacheConfiguration {

    static final String PID = "org.gstats.scanner";

    /** The part of {@code [scanner]} that is the installation's: JGit's caches, diff threads. */
    @ObjectClassDefinition(name = "gstats scanner caches", description = "[scanner] of the gstats configuration")
    public @interface Scanner {

        @AttributeDefinition(name = "[size] GSTATS_PACK_CACHE",
                description = "memory JGit keeps for pack data, shared by all scans (JGit's packedGitLimit)")
        long pack_cache() default 10L << 20;

        @AttributeDefinition(name = "GSTATS_THREADS", min = "0", max = "1024",
                description = "threads that diff commits (0: one per processor on more than two processors, else "
                        + "one) and that analyse head files for metrics (0: one per processor)")
        int threads() default 0;
    }

    @Activate
    @Modified
    void configure(Scanner scanner) {
        cacheConfig(scanner).install();
    }

    static WindowCacheConfig cacheConfig(Scanner scanner) {
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitLimit(scanner.pack_cache());
        return config;
    }
}
