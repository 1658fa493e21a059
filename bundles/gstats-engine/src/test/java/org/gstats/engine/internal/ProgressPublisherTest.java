package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gstats.api.scan.ProgressEvents;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.queue.internal.MessageQueueFactoryImpl;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

public class ProgressPublisherTest {

    /** Keeps the posted events; the real EventAdmin is exercised in the itests. */
    private static final class PostedEvents implements EventAdmin {
        final List<Event> posted = new ArrayList<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("progress must not block the scan: post, do not send");
        }
    }

    @Test
    public void postsEveryThousandCommitsAndOnceDone() throws ScanException {
        FixedHistoryScanner scanner = new FixedHistoryScanner("c2500");
        for (int i = 2500; i >= 1; i--) {
            scanner.commit("c" + i);
        }
        ScanEngineImpl engine = new ScanEngineImpl(scanner, registry(), 30_000,
                new MessageQueueFactoryImpl(4, FixedMemory.NORMAL), FixedMemory.NORMAL);
        PostedEvents events = new PostedEvents();
        engine.eventAdmin = events;
        List<Long> heard = new ArrayList<>();

        engine.scan(ScanRequest.builder(FixedHistoryScanner.REPOSITORY).build(), heard::add);

        assertEquals(List.of(1000L, 2000L, 2500L), heard);
        List<Event> progress = events.posted.stream().filter(e -> e.getTopic().equals(ProgressEvents.TOPIC)).toList();
        List<Object> commits = progress.stream().map(e -> e.getProperty(ProgressEvents.COMMITS)).toList();
        assertEquals(List.of(1000L, 2000L, 2500L, 2500L), commits);
        List<Object> done = progress.stream().map(e -> e.getProperty(ProgressEvents.DONE)).toList();
        assertEquals(List.of(false, false, false, true), done);
        for (Event event : progress) {
            assertEquals(Path.of("/repos/sample").toString(), event.getProperty(ProgressEvents.REPOSITORY));
            assertTrue((Double) event.getProperty(ProgressEvents.RATE) > 0);
        }
    }

    @Test
    public void scansOnAfterEventAdminLeaves() throws ScanException {
        ScanEngineImpl engine = new ScanEngineImpl(new FixedHistoryScanner("c1").commit("c1"), registry(), 30_000,
                new MessageQueueFactoryImpl(4, FixedMemory.NORMAL), FixedMemory.NORMAL);
        PostedEvents events = new PostedEvents();
        engine.eventAdmin = events;
        engine.eventAdmin = null;
        List<Long> heard = new ArrayList<>();
        engine.scan(ScanRequest.builder(FixedHistoryScanner.REPOSITORY).build(), heard::add);
        assertEquals(List.of(1L), heard);
        assertEquals(List.of(), events.posted);
    }

    private static PluginRegistryImpl registry() {
        return new PluginRegistryImpl(null, Clock.systemUTC(), 3, Duration.ofMinutes(5));
    }
}
