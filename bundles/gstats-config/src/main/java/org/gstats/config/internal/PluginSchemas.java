package org.gstats.config.internal;

import java.util.Map;
import java.util.Optional;

import org.osgi.service.metatype.AttributeDefinition;

/**
 * The schema a plugin gstats does not know declares for its {@code [module.NAME]} section: the
 * attributes of the MetaType object class its bundle designates for {@code org.gstats.module.NAME},
 * by id ({@code min.degree}).
 */
@FunctionalInterface
interface PluginSchemas {

    /** No plugin declares a schema: every plugin section is passed on as the file types it. */
    PluginSchemas NONE = section -> Optional.empty();

    /** @param section {@code module.NAME} */
    Optional<Map<String, AttributeDefinition>> of(String section);
}
