package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gstats.api.notify.Notification;
import org.gstats.api.notify.NotificationPlugin;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

public class NotificationChannelTest {

    /** Records notifications; blocks on each until released when asked to be slow. */
    private static final class Listener implements NotificationPlugin {
        final List<Notification> received = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        final CountDownLatch delivered;
        final Duration interval;

        Listener(boolean slow, int expected, Duration interval) {
            this.release = new CountDownLatch(slow ? 1 : 0);
            this.delivered = new CountDownLatch(expected);
            this.interval = interval;
        }

        @Override
        public String name() {
            return "listener";
        }

        @Override
        public Duration minInterval() {
            return interval;
        }

        @Override
        public void onNotification(Notification notification) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(notification);
            delivered.countDown();
        }
    }

    private static Event event(String topic, long commits) {
        return new Event(topic, Map.of(Notification.COMMITS, commits, EventConstants.TIMESTAMP, 1_700_000_000_000L));
    }

    @Test
    public void deliversTheEventsPropertiesAndTime() throws InterruptedException {
        Listener listener = new Listener(false, 1, Duration.ZERO);
        try (NotificationChannel channel = new NotificationChannel(listener, "listener")) {
            channel.handleEvent(event(Notification.SCAN_PROGRESS, 1000));

            assertTrue(listener.delivered.await(10, TimeUnit.SECONDS));
            Notification received = listener.received.get(0);
            assertEquals(Notification.SCAN_PROGRESS, received.topic());
            assertEquals(Map.of(Notification.COMMITS, 1000L), received.properties());
            assertEquals(1_700_000_000_000L, received.time().toEpochMilli());
        }
    }

    @Test
    public void slowListenerNeverHoldsUpTheHandlerAndDropsBeyondItsBacklog() throws InterruptedException {
        Listener listener = new Listener(true, NotificationChannel.BACKLOG + 1, Duration.ZERO);
        try (NotificationChannel channel = new NotificationChannel(listener, "listener")) {
            for (int i = 0; i < NotificationChannel.BACKLOG + 11; i++) {
                channel.handleEvent(event(Notification.SCAN_PROGRESS, i));
            }
            // one in delivery, BACKLOG waiting, the rest dropped: handleEvent returned every time
            assertEquals(10, channel.dropped());

            listener.release.countDown();
            assertTrue(listener.delivered.await(10, TimeUnit.SECONDS));
            assertEquals(0L, listener.received.get(0).properties().get(Notification.COMMITS));
        }
    }

    @Test
    public void atMostOneNotificationPerTopicInTheInterval() {
        Listener listener = new Listener(false, 0, Duration.ofSeconds(1));
        try (NotificationChannel channel = new NotificationChannel(listener, "listener")) {
            long start = 5_000_000_000L;
            assertTrue(channel.accept(Notification.SCAN_PROGRESS, start));
            assertFalse(channel.accept(Notification.SCAN_PROGRESS, start + 999_000_000L));
            assertTrue(channel.accept(Notification.SCAN_FINISHED, start + 999_000_000L));
            assertTrue(channel.accept(Notification.SCAN_PROGRESS, start + 1_000_000_000L));
        }
    }
}
