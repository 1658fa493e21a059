package org.gstats.config.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Plugin schemas from the MetaType of the installed bundles, looked up when a file is read, so
 * that a plugin dropped in or replaced counts from the next command.
 */
final class MetaTypeSchemas implements PluginSchemas {

    private final BundleContext context;
    private final Supplier<MetaTypeService> service;

    /** @param service the MetaType service, or a supplier of {@code null} while there is none */
    MetaTypeSchemas(BundleContext context, Supplier<MetaTypeService> service) {
        this.context = context;
        this.service = service;
    }

    @Override
    public Optional<Map<String, AttributeDefinition>> of(String section) {
        MetaTypeService metaTypes = service.get();
        if (metaTypes == null) {
            return Optional.empty();
        }
        String pid = KeyTable.PID_PREFIX + section;
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
            if (information == null || !contains(information.getPids(), pid)) {
                continue;
            }
            ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
            AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
            Map<String, AttributeDefinition> byId = new LinkedHashMap<>();
            for (AttributeDefinition attribute : attributes == null ? new AttributeDefinition[0] : attributes) {
                byId.put(attribute.getID(), attribute);
            }
            return Optional.of(byId);
        }
        return Optional.empty();
    }

    private static boolean contains(String[] pids, String pid) {
        for (String candidate : pids == null ? new String[0] : pids) {
            if (candidate.equals(pid)) {
                return true;
            }
        }
        return false;
    }
}
