package org.gstats.engine.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gstats.api.notify.Notification;
import org.gstats.api.notify.NotificationPlugin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/**
 * One notification plugin's EventAdmin handler. It returns at once: notifications go to the
 * plugin one at a time on a thread of its own, so a slow plugin holds up neither EventAdmin nor
 * the other plugins; beyond {@value #BACKLOG} waiting, and more often than the plugin's
 * {@link NotificationPlugin#minInterval()} per topic, notifications are dropped and counted.
 */
final class NotificationChannel implements EventHandler, AutoCloseable {

    static final int BACKLOG = 64;

    private final NotificationPlugin plugin;
    private final long minIntervalNanos;
    private final ThreadPoolExecutor delivery;
    /** Per topic, when the last notification was accepted; guarded by itself. */
    private final Map<String, Long> lastAccepted = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    NotificationChannel(NotificationPlugin plugin, String name) {
        this.plugin = plugin;
        this.minIntervalNanos = plugin.minInterval().toNanos();
        this.delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG),
                runnable -> {
                    Thread thread = new Thread(runnable, "gstats-notify-" + name);
                    thread.setDaemon(true);
                    return thread;
                }, (runnable, executor) -> dropped.incrementAndGet());
    }

    @Override
    public void handleEvent(Event event) {
        if (!accept(event.getTopic(), System.nanoTime())) {
            dropped.incrementAndGet();
            return;
        }
        Notification notification = Notifications.of(event);
        delivery.execute(() -> deliver(notification));
    }

    boolean accept(String topic, long now) {
        if (minIntervalNanos <= 0) {
            return true;
        }
        synchronized (lastAccepted) {
            Long last = lastAccepted.get(topic);
            if (last != null && now - last < minIntervalNanos) {
                return false;
            }
            lastAccepted.put(topic, now);
            return true;
        }
    }

    private void deliver(Notification notification) {
        try {
            plugin.onNotification(notification);
        } catch (RuntimeException | LinkageError e) {
            // a listener's failure is its own: it must reach neither EventAdmin nor the scan
            dropped.incrementAndGet();
        }
    }

    /** Notifications not delivered: too soon, too many waiting, or the plugin threw. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
