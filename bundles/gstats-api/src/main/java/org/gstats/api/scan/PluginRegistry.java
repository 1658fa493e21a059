package org.gstats.api.scan;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The plugins the engine knows about. */
@ProviderType
public interface PluginRegistry {

    /** The plugins, sorted by name. */
    List<PluginInfo> plugins();
}
