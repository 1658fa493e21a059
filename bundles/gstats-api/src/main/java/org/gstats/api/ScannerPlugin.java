package org.gstats.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin, registered as an OSGi service. It is stateless: every scan asks it for a new
 * {@link Analysis} that holds that scan's state, so several scans may run at once.
 */
@ConsumerType
public interface ScannerPlugin {

    /** Short, stable name; also the key of the plugin's section in the report. */
    String name();

    /** One line for {@code gstats:plugins}. */
    String description();

    /** The content this plugin needs; metadata only unless it says otherwise. */
    default PluginDataRequirements requirements() {
        return PluginDataRequirements.NONE;
    }

    /** Starts this plugin's part of a scan. */
    Analysis newAnalysis(ScanContext context);
}
