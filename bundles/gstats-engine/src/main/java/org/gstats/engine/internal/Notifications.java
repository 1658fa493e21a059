package org.gstats.engine.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.gstats.api.notify.Notification;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;

/** Posts gstats' notifications to EventAdmin, when there is one; posting never waits for a handler. */
final class Notifications {

    private Notifications() {
    }

    /**
     * @param eventAdmin the service, or {@code null} when none is bound (nothing is posted)
     * @param properties alternating names and values
     */
    static void post(EventAdmin eventAdmin, String topic, Object... properties) {
        if (eventAdmin == null) {
            return;
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            values.put((String) properties[i], properties[i + 1]);
        }
        values.put(EventConstants.TIMESTAMP, System.currentTimeMillis());
        eventAdmin.postEvent(new Event(topic, values));
    }

    /** A notification as a plugin receives it: the event's own properties, EventAdmin's bookkeeping left out. */
    static Notification of(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            if (!name.equals(EventConstants.EVENT_TOPIC) && !name.equals(EventConstants.TIMESTAMP)
                    && event.getProperty(name) != null) {
                properties.put(name, event.getProperty(name));
            }
        }
        Object timestamp = event.getProperty(EventConstants.TIMESTAMP);
        Instant time = timestamp instanceof Long millis ? Instant.ofEpochMilli(millis)
                : Instant.now();
        return new Notification(event.getTopic(), time, properties);
    }
}
