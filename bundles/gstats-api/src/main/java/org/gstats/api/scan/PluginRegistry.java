package org.gstats.api.scan;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The plugins the engine knows about. */
@ProviderType
public interface PluginRegistry {

    /** The active plugins, sorted by name. */
    List<PluginInfo> plugins();

    /**
     * Every plugin with its state, sorted by name: the bound ones (active, failing or disabled)
     * and the plugin bundles that could not become plugins (rejected), with the reason.
     *
     * @since 1.1
     */
    List<PluginStatus> statuses();

    /**
     * Checks whether the jar would load here, with the framework's resolver, without starting it.
     *
     * @since 1.1
     */
    PluginValidation validate(Path jar);
}
