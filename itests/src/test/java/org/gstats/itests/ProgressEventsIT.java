package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.gstats.api.scan.ProgressEvents;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanRequest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** The engine's scan progress reaches a subscriber through the shipped EventAdmin. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProgressEventsIT {

    @Inject
    private BundleContext context;

    @Inject
    private ScanEngine engine;

    @Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    @Test
    public void aSubscriberHearsTheScanAndItsEnd() throws Exception {
        SampleRepository sample = SampleRepository.create(SampleRepository.workDir());
        BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, ProgressEvents.TOPIC);
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class, heard::add,
                properties);
        try {
            engine.scan(ScanRequest.builder(sample.dir()).build(), ProgressListener.NONE);

            Event last = null;
            for (Event event = heard.poll(10, TimeUnit.SECONDS); event != null;
                    event = heard.poll(10, TimeUnit.SECONDS)) {
                last = event;
                if (Boolean.TRUE.equals(event.getProperty(ProgressEvents.DONE))) {
                    break;
                }
            }
            assertNotNull("no progress event within 10 s", last);
            assertEquals(true, last.getProperty(ProgressEvents.DONE));
            assertEquals(ProgressEvents.TOPIC, last.getTopic());
            assertEquals((long) sample.commitCount(), last.getProperty(ProgressEvents.COMMITS));
            assertEquals(sample.dir().toAbsolutePath().normalize().toString(),
                    last.getProperty(ProgressEvents.REPOSITORY));
            assertTrue((Double) last.getProperty(ProgressEvents.RATE) > 0);
        } finally {
            registration.unregister();
        }
    }
}
