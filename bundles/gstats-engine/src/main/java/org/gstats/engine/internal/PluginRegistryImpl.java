package org.gstats.engine.internal;

import java.util.List;

import org.gstats.api.ScannerPlugin;
import org.gstats.api.scan.PluginInfo;
import org.gstats.api.scan.PluginRegistry;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Lists the plugin services that are registered right now. */
@Component(service = PluginRegistry.class)
public final class PluginRegistryImpl implements PluginRegistry {

    /** Every listed plugin is bound, and a bound plugin takes part in the next scan. */
    static final String ACTIVE = "active";

    private final PluginSet plugins;

    public PluginRegistryImpl() {
        this(new PluginSet());
    }

    PluginRegistryImpl(PluginSet plugins) {
        this.plugins = plugins;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlugin(ScannerPlugin plugin, ServiceReference<ScannerPlugin> reference) {
        plugins.add(RegisteredPlugin.of(plugin, reference));
    }

    void removePlugin(ServiceReference<ScannerPlugin> reference) {
        plugins.remove(RegisteredPlugin.serviceId(reference));
    }

    @Override
    public List<PluginInfo> plugins() {
        return plugins.snapshot().stream()
                .map(p -> new PluginInfo(p.name(), p.description(), p.bundleVersion(), p.bundle(), p.bundleId(),
                        ACTIVE))
                .toList();
    }
}
