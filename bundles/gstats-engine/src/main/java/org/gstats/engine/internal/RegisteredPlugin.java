package org.gstats.engine.internal;

import org.gstats.api.ScannerPlugin;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * A plugin service as bound, with what {@code gstats:plugins} shows about it. Name and
 * description are read once at bind time, so listing and sorting never call into the plugin.
 *
 * @param serviceId     the service's {@code service.id}, the key it is unbound by
 * @param plugin        the service object
 * @param name          {@link ScannerPlugin#name()}
 * @param description   {@link ScannerPlugin#description()}
 * @param bundle        symbolic name of the bundle that registered the service
 * @param bundleVersion version of that bundle
 * @param bundleId      id of that bundle
 */
record RegisteredPlugin(long serviceId, ScannerPlugin plugin, String name, String description, String bundle,
        String bundleVersion, long bundleId) {

    static RegisteredPlugin of(ScannerPlugin plugin, ServiceReference<ScannerPlugin> reference) {
        Bundle bundle = reference.getBundle();
        return new RegisteredPlugin(serviceId(reference), plugin, plugin.name(), plugin.description(),
                bundle.getSymbolicName(), bundle.getVersion().toString(), bundle.getBundleId());
    }

    static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
