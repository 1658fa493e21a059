package org.gstats.store.internal;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Has the store connect as the framework starts ({@link EarlyConnection}) in a process the launcher
 * started for one direct {@code gstats scan}, which it says with the framework property
 * {@value #PROPERTY}: {@value #CONFIGURED} for the configured store, or the URL the scan's
 * {@code --store} gives (unset for {@code --no-store}). Never in a process that lives on (the
 * daemon, {@code serve}, the shell): an embedded H2 file is locked to other processes while a
 * connection is open. The store is referenced by its service objects, so that in every other
 * process it is not even activated here.
 */
@Component(service = {})
public final class EarlyConnectionStarter {

    /** The framework property, set in a direct scan's process. */
    public static final String PROPERTY = "gstats.store.connect-early";
    /** The property's value that names the configured store. */
    public static final String CONFIGURED = "configured";
    /**
     * The framework property that lists, one a line, where the scan's repository may be, most likely
     * first, as the scan names a repository (an absolute, normalised path).
     */
    public static final String REPOSITORIES = "gstats.store.connect-early.repositories";

    @Activate
    public EarlyConnectionStarter(BundleContext context,
            @Reference(name = "store") ComponentServiceObjects<ScanStoreImpl> store) {
        String named = context.getProperty(PROPERTY);
        if (named != null && !named.isEmpty()) {
            // the store's component lives as long as the framework: SCR deactivates it when it stops
            String repositories = context.getProperty(REPOSITORIES);
            store.getService().connectEarly(CONFIGURED.equals(named) ? null : named,
                    repositories == null || repositories.isEmpty() ? List.of() : List.of(repositories.split("\n")));
        }
    }
}
