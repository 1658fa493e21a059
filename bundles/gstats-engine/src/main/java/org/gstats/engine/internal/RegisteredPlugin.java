package org.gstats.engine.internal;

import org.gstats.api.PluginDataRequirements;
import org.gstats.api.ScannerPlugin;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;

/**
 * A plugin service as bound, with what {@code gstats:plugins} shows about it. Name, description
 * and requirements are read once at bind time, so listing and sorting never call into the plugin.
 *
 * @param serviceId     the service's {@code service.id}, the key it is unbound by
 * @param plugin        the service object
 * @param name          {@link ScannerPlugin#name()}
 * @param description   {@link ScannerPlugin#description()}
 * @param requirements  {@link ScannerPlugin#requirements()}
 * @param bundle        symbolic name of the bundle that registered the service
 * @param bundleVersion version of that bundle
 * @param bundleId      id of that bundle
 * @param apiVersion    the {@code org.gstats.api} range that bundle imports, {@code null} when unknown
 * @param problem       why the plugin cannot take part (its info threw or was garbage), {@code null} when it can
 */
record RegisteredPlugin(long serviceId, ScannerPlugin plugin, String name, String description,
        PluginDataRequirements requirements, String bundle, String bundleVersion, long bundleId, String apiVersion,
        String problem) {

    static RegisteredPlugin of(ScannerPlugin plugin, ServiceReference<ScannerPlugin> reference) {
        Bundle bundle = reference.getBundle();
        String name = bundle.getSymbolicName();
        String description = null;
        PluginDataRequirements requirements = null;
        String problem = null;
        try {
            String declared = plugin.name();
            if (declared == null || declared.isBlank() || !declared.equals(declared.strip())) {
                problem = "its name() is " + (declared == null ? "null" : "'" + declared + "'")
                        + "; a plugin needs a name without surrounding blanks";
            } else {
                name = declared;
                description = plugin.description();
                requirements = plugin.requirements();
                if (requirements == null) {
                    problem = "its requirements() returned null";
                }
            }
        } catch (RuntimeException | LinkageError e) {
            problem = "its plugin info failed: " + PluginWorker.describe(e);
        }
        return new RegisteredPlugin(serviceId(reference), plugin, name, description, requirements,
                bundle.getSymbolicName(), bundle.getVersion().toString(), bundle.getBundleId(),
                Requirements.apiRange(bundle.adapt(BundleRevision.class)), problem);
    }

    static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
