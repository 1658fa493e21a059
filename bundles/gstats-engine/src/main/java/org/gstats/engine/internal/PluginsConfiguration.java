package org.gstats.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code [plugins]}: which plugins take part in one scan. The engine reads it from the scan's
 * request, never from Configuration Admin ({@code per scan}); this type declares the key, its
 * default and its check for gstats-config.
 */
@ObjectClassDefinition(pid = PluginsConfiguration.PID, name = "gstats plugins",
        description = "[plugins] per scan: the plugins that take part in a scan")
@interface PluginsConfiguration {

    String PID = "org.gstats.plugins";

    @AttributeDefinition(name = "--plugins", description = "the plugins that take part in scans (empty: all)")
    String[] enabled() default {};
}
