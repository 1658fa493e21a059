package org.gstats.engine.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gstats.api.notify.NotificationPlugin;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Connects each {@link NotificationPlugin} service to EventAdmin: registers an
 * {@link EventHandler} for the topics the plugin wants, and takes it away with the plugin.
 */
@Component(service = {})
public final class NotificationDispatcher {

    private final BundleContext context;
    private final Map<Long, Registered> channels = new ConcurrentHashMap<>();

    private record Registered(NotificationChannel channel, ServiceRegistration<EventHandler> registration) {
    }

    @Activate
    public NotificationDispatcher(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotificationPlugin(NotificationPlugin plugin, ServiceReference<NotificationPlugin> reference) {
        String name;
        String[] topics;
        try {
            name = plugin.name();
            topics = plugin.topics().toArray(String[]::new);
        } catch (RuntimeException | LinkageError e) {
            // a plugin that cannot say what it wants gets nothing
            return;
        }
        NotificationChannel channel = new NotificationChannel(plugin, name);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, topics);
        channels.put(RegisteredPlugin.serviceId(reference),
                new Registered(channel, context.registerService(EventHandler.class, channel, properties)));
    }

    void removeNotificationPlugin(ServiceReference<NotificationPlugin> reference) {
        Registered registered = channels.remove(RegisteredPlugin.serviceId(reference));
        if (registered != null) {
            close(registered);
        }
    }

    @Deactivate
    void deactivate() {
        channels.values().forEach(NotificationDispatcher::close);
        channels.clear();
    }

    private static void close(Registered registered) {
        try {
            registered.registration().unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        registered.channel().close();
    }
}
