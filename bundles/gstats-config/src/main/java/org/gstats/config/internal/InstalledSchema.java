package org.gstats.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The schema of the installed bundles, read from the MetaType service each time it is asked
 * for, so that a plugin dropped in or replaced counts from the next command.
 */
final class InstalledSchema implements Supplier<Schema> {

    private final BundleContext context;
    private final MetaTypeService metaTypes;

    InstalledSchema(BundleContext context, MetaTypeService metaTypes) {
        this.context = context;
        this.metaTypes = metaTypes;
    }

    @Override
    public Schema get() {
        List<Schema.Declaration> declarations = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
            String[] pids = information == null ? null : information.getPids();
            for (String pid : pids == null ? new String[0] : pids) {
                declarations.add(new Schema.Declaration(pid, information.getObjectClassDefinition(pid, null)));
            }
        }
        return Schema.of(declarations);
    }
}
