package org.gstats.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The scanned head's files, checked out to a temporary directory for plugins that declare
 * {@link PluginDataRequirements#filesOnDisk()}, e.g. to run an external tool on them. The
 * directory holds the head's tree as {@code git archive} would write it (submodules as empty
 * directories). It exists from {@link Analysis#onCheckout} until the scan's last event and is
 * deleted before {@link Analysis#result()} is called: use it, do not keep it.
 *
 * @param directory the checkout's root, an absolute path
 * @param commitId  the commit checked out (the scanned head)
 */
public record HeadCheckout(Path directory, String commitId) {

    public HeadCheckout {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(commitId, "commitId");
    }
}
