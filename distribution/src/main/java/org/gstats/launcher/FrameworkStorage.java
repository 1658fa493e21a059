package org.gstats.launcher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the framework of one run keeps its cache: a {@link FrameworkCache.Slot} reused between
 * runs, or a fresh {@link ProcessFolder} removed at the end.
 */
interface FrameworkStorage extends AutoCloseable {

    /** Felix's storage folder. */
    Path frameworkStorage();

    /** Where FileInstall copies what it installs. */
    Path fileInstallTemp();

    /** Whether the storage already holds this installation's bundles, installed by an earlier run. */
    boolean reused();

    /** Called once every bundle is installed; a cache that cannot record it is simply not reused. */
    void installed();

    /** Empties the storage after a failed start, so that the next attempt starts fresh. */
    void reset() throws IOException;

    @Override
    void close();
}
