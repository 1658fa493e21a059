package org.gstats.api.notify;

import java.time.Duration;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears gstats' notifications, registered as an OSGi service. Delivery is asynchronous and
 * one at a time, on a thread of the plugin's own: a slow plugin delays only itself, never a scan;
 * while it is busy, notifications beyond a small backlog are dropped.
 */
@ConsumerType
public interface NotificationPlugin {

    /** Short, stable name, for messages. */
    String name();

    /** The topics wanted, as EventAdmin topic patterns; every gstats topic unless it says otherwise. */
    default Set<String> topics() {
        return Set.of(Notification.ALL);
    }

    /**
     * At most one notification per topic in this interval; those that come sooner are dropped.
     * Zero for every notification.
     */
    default Duration minInterval() {
        return Duration.ZERO;
    }

    void onNotification(Notification notification);
}
