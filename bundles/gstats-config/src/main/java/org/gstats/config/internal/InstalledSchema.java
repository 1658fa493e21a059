package org.gstats.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The schema of the installed bundles, read from the MetaType service each time it is asked
 * for, so that a plugin dropped in or replaced counts from the next command. The schema says
 * which bundles it was read from ({@link Schema#source()}): each one's id and time of last
 * change, which an install, update or uninstall changes, and the locale.
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
        StringBuilder source = new StringBuilder("locale ").append(Locale.getDefault());
        for (Bundle bundle : context.getBundles()) {
            source.append('\n').append(bundle.getBundleId()).append(' ').append(bundle.getLastModified());
            MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
            String[] pids = information == null ? null : information.getPids();
            for (String pid : pids == null ? new String[0] : pids) {
                declarations.add(new Schema.Declaration(pid, information.getObjectClassDefinition(pid, null)));
            }
        }
        return Schema.of(declarations).readFrom(source.toString());
    }
}
