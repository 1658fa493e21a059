package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.gstats.api.report.Report;
import org.gstats.api.report.Table;
import org.gstats.api.runtime.MemoryTracker;
import org.gstats.api.runtime.MessageQueue;
import org.gstats.api.runtime.PressureLevel;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.itests.GogoCommands.Outcome;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The memory tracker and the queues in the shipped system: gstats:status, pressure changes on
 * the real EventAdmin when the configured limit moves, and a scan that stops cleanly at
 * critical pressure.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MemoryAndQueueIT {

    private static final String MEMORY_PID = "org.gstats.memory";

    @Inject
    private BundleContext context;

    @Inject
    private ScanEngine engine;

    @Inject
    private MemoryTracker tracker;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    @Test
    public void statusShowsTheHeapAgainstTheJvmLimit() throws Exception {
        Outcome outcome = new GogoCommands(context).execute("status", "");

        assertNull(String.valueOf(outcome.failure()), outcome.failure());
        assertTrue(outcome.output(), outcome.output().startsWith("memory:   "));
        assertTrue(outcome.output(), outcome.output().contains("\npressure: normal\n"));
        assertTrue(outcome.output(), outcome.output().contains("\nqueues:   none open (no scan running)\n"));
        assertEquals(Runtime.getRuntime().maxMemory(), tracker.status().limit());
    }

    @Test
    public void aLimitBelowTheHeapInUseIsCriticalOnEventAdminAndStopsTheScanCleanly() throws Exception {
        SampleRepository sample = SampleRepository.create(SampleRepository.workDir());
        scanWithMemoryRecorded(sample);
        BlockingQueue<Event> heard = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, new String[] {MemoryTracker.PRESSURE_TOPIC,
                MessageQueue.TOPIC_PREFIX + "*"});
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class, heard::add,
                topics);
        org.osgi.service.cm.Configuration memory = configurationAdmin.getConfiguration(MEMORY_PID, "?");
        Dictionary<String, Object> before = memory.getProperties();
        try {
            Dictionary<String, Object> tiny = new Hashtable<>();
            tiny.put("max.memory", 1L << 20);
            memory.update(tiny);

            Event critical = next(heard, MemoryTracker.PRESSURE_TOPIC);
            assertEquals(PressureLevel.CRITICAL.name(), critical.getProperty(MemoryTracker.LEVEL));
            assertEquals(1L << 20, critical.getProperty(MemoryTracker.LIMIT));
            try {
                engine.scan(ScanRequest.builder(sample.dir()).build(), ProgressListener.NONE);
                fail("the scan went on at critical memory");
            } catch (ScanException e) {
                assertEquals(ScanException.Reason.FAILED, e.reason());
                assertTrue(e.getMessage(), e.getMessage().startsWith("scan stopped: memory critical: "));
            }
            assertNotNull(next(heard, MessageQueue.CRITICAL_TOPIC));

            if (before == null) {
                memory.delete();
            } else {
                memory.update(before);
            }
            Event normal = next(heard, MemoryTracker.PRESSURE_TOPIC);
            assertEquals(PressureLevel.CRITICAL.name(), normal.getProperty(MemoryTracker.PREVIOUS));
            scanWithMemoryRecorded(sample);
        } finally {
            registration.unregister();
        }
    }

    /** A scan that completes, with the limit and a peak heap in the engine's section. */
    private void scanWithMemoryRecorded(SampleRepository sample) throws ScanException {
        Report report = engine.scan(ScanRequest.builder(sample.dir()).build(), ProgressListener.NONE);
        Table memory = (Table) report.item("plugins.memory").orElseThrow();
        assertEquals(tracker.status().limit(), memory.rows().get(0).get(0));
        assertTrue((Long) memory.rows().get(0).get(1) > 0);
        assertEquals(report.errors().toString(), 0, report.errors().size());
    }

    private static Event next(BlockingQueue<Event> heard, String topic) throws InterruptedException {
        for (Event event = heard.poll(10, TimeUnit.SECONDS); event != null; event = heard.poll(10, TimeUnit.SECONDS)) {
            if (event.getTopic().equals(topic)) {
                return event;
            }
        }
        throw new AssertionError("no " + topic + " event within 10 s");
    }
}
