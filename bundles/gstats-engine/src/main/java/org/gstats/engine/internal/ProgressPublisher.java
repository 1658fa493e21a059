package org.gstats.engine.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.gstats.api.scan.ProgressEvents;
import org.gstats.api.scan.ProgressListener;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Passes a scan's progress on to the caller's listener and posts it on
 * {@value ProgressEvents#TOPIC} when an EventAdmin is there. One per scan, on the scan's thread.
 */
final class ProgressPublisher implements ProgressListener {

    private final ProgressListener listener;
    private final Supplier<EventAdmin> events;
    private final String repository;
    private final long startNanos = System.nanoTime();
    private long commits;

    ProgressPublisher(ProgressListener listener, Supplier<EventAdmin> events, String repository) {
        this.listener = listener;
        this.events = events;
        this.repository = repository;
    }

    @Override
    public void commitsScanned(long scanned) {
        commits = scanned;
        listener.commitsScanned(scanned);
        post(false);
    }

    /** The last event: the scan finished with the commits reported last. */
    void finished() {
        post(true);
    }

    private void post(boolean done) {
        EventAdmin admin = events.get();
        if (admin == null) {
            return;
        }
        long elapsedNanos = Math.max(1, System.nanoTime() - startNanos);
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProgressEvents.REPOSITORY, repository);
        properties.put(ProgressEvents.COMMITS, commits);
        properties.put(ProgressEvents.RATE, commits * 1e9 / elapsedNanos);
        properties.put(ProgressEvents.ELAPSED_MS, TimeUnit.NANOSECONDS.toMillis(elapsedNanos));
        properties.put(ProgressEvents.DONE, done);
        admin.postEvent(new Event(ProgressEvents.TOPIC, properties));
    }
}
