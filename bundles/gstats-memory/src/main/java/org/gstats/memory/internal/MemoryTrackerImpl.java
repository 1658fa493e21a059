package org.gstats.memory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.gstats.api.runtime.LeakSuspicion;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.MemoryTracker;
import org.gstats.api.runtime.PressureLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Samples the heap every {@value #INTERVAL_MS} ms on a thread of its own and keeps the latest
 * {@value #HISTORY} samples. A change of pressure level is posted on EventAdmin as it is seen.
 * A sample that looks critical is taken again after a full collection, at most once every
 * {@value #CONFIRM_INTERVAL_MS} ms: after a young collection the figure still holds the old
 * generation's garbage, and a scan must not stop for garbage.
 *
 * <p>The sampler is a plain thread that outlives an {@link OutOfMemoryError}: reading the heap
 * allocates, and when the heap is full that allocation fails. A sample that fails so is itself
 * the news: the latest status becomes critical, and sampling goes on. High pressure while
 * collection takes most of the time and frees next to nothing ({@link ThrashDetector}) counts as
 * critical too. (A scheduled executor's periodic task stops for good at its first exception, and
 * its thread can die of one: the tracker then kept its last, calm sample while the JVM collected
 * garbage for minutes, which is why the critical stop never fired.)
 */
@Component(service = MemoryTracker.class, configurationPid = MemoryConfiguration.PID)
@Designate(ocd = MemoryConfiguration.class)
public final class MemoryTrackerImpl implements MemoryTracker {

    static final long INTERVAL_MS = 100;
    static final int HISTORY = 600;
    static final long CONFIRM_INTERVAL_MS = 1000;
    static final long LEAK_CONFIRM_INTERVAL_MS = 30_000;

    private final HeapReadings readings;
    private final Clock clock;
    private final LeakDetector leaks = new LeakDetector();
    private final ThrashDetector thrashing = new ThrashDetector();
    private final Deque<MemoryStatus> history = new ArrayDeque<>();
    private volatile long limit;
    private volatile MemoryStatus latest;
    private long peak;
    private Instant lastConfirmed = Instant.MIN;
    /**
     * The tracker's start, then the last full collection that checked a rising trend: the first
     * check waits {@value #LEAK_CONFIRM_INTERVAL_MS} ms. A scan's heap rises through its history
     * as the plugins gather, and a check in its first seconds stopped every direct scan of
     * commons-lang for a full collection (55 to 72 ms) that no run that short needs.
     */
    private Instant lastLeakCheck;
    private boolean leakConfirmed;
    private Thread sampler;
    private volatile boolean stopped;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    @Activate
    public MemoryTrackerImpl(MemoryConfiguration configuration) {
        this(new MxBeanReadings(), Clock.systemUTC());
        configure(configuration);
        startSampling();
    }

    /**
     * A tracker outside OSGi, for the fleet's Spark executors (one per JVM): the heap's own
     * maximum as the limit, sampling on a daemon thread for the life of the JVM.
     */
    public static MemoryTrackerImpl standalone() {
        MemoryTrackerImpl tracker = new MemoryTrackerImpl(new MxBeanReadings(), Clock.systemUTC());
        tracker.startSampling();
        return tracker;
    }

    private void startSampling() {
        sample();
        sampler = new Thread(this::sampleUntilStopped, "gstats-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    MemoryTrackerImpl(HeapReadings readings, Clock clock) {
        this.readings = readings;
        this.clock = clock;
        this.limit = readings.max();
        this.lastLeakCheck = clock.instant();
    }

    @Modified
    void configure(MemoryConfiguration configuration) {
        limit(MemoryLimit.of(configuration.max_memory(), configuration.performance_mode(), readings.max()));
    }

    void limit(long bytes) {
        limit = bytes;
    }

    @Deactivate
    void stop() {
        stopped = true;
        sampler.interrupt();
    }

    private void sampleUntilStopped() {
        while (!stopped) {
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
            sampleRound();
        }
    }

    /** One round of the sampler: a sample, or a critical status when the sample ran out of memory. */
    void sampleRound() {
        try {
            sample();
        } catch (OutOfMemoryError e) {
            outOfMemory();
        }
    }

    private void outOfMemory() {
        try {
            MemoryStatus last = latest;
            latest = new MemoryStatus(clock.instant(), last.limit(), last.limit(), Math.max(last.peak(), last.limit()),
                    last.limit(), PressureLevel.CRITICAL, last.leak());
        } catch (OutOfMemoryError again) {
            // not even that: the next round tries again
        }
    }

    /** Takes a sample, keeps it, and posts a change of level. */
    synchronized MemoryStatus sample() {
        long used = readings.used();
        long afterGc = readings.usedAfterGc();
        long live = afterGc < 0 ? used : afterGc;
        long bytes = limit;
        Instant now = clock.instant();
        if (PressureLevel.of(live, bytes) == PressureLevel.CRITICAL
                && !now.isBefore(lastConfirmed.plusMillis(CONFIRM_INTERVAL_MS))) {
            lastConfirmed = now;
            readings.collect();
            afterGc = readings.usedAfterGc();
            live = afterGc < 0 ? readings.used() : afterGc;
        }
        peak = Math.max(peak, used);
        LeakSuspicion leak = leak(afterGc, bytes, now);
        PressureLevel level = PressureLevel.of(live, bytes);
        if (thrashing.record(new ThrashDetector.Sample(now.toEpochMilli(), readings.collectionMillis(),
                readings.collections(), readings.allocatedBytes()), bytes) && level.atLeast(PressureLevel.HIGH)) {
            // collecting most of the time for nothing with the heap nearly full: an OutOfMemoryError minutes away
            level = PressureLevel.CRITICAL;
        }
        MemoryStatus status = new MemoryStatus(now, used, live, peak, bytes, level, leak);
        MemoryStatus previous = latest;
        latest = status;
        history.addLast(status);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
        if (previous != null && previous.level() != status.level()) {
            post(previous.level(), status);
        }
        return status;
    }

    /** A rising trend, once a full collection confirmed it (at most one every 30 s). */
    private LeakSuspicion leak(long afterGc, long bytes, Instant now) {
        LeakSuspicion trend = leaks.record(afterGc, bytes);
        if (trend == null || leakConfirmed) {
            leakConfirmed = trend != null;
            return trend;
        }
        if (now.isBefore(lastLeakCheck.plusMillis(LEAK_CONFIRM_INTERVAL_MS))) {
            return null;
        }
        lastLeakCheck = now;
        readings.collect();
        LeakSuspicion confirmed = leaks.confirm(readings.usedAfterGc(), bytes);
        leakConfirmed = confirmed != null;
        return confirmed;
    }

    @Override
    public MemoryStatus status() {
        return latest;
    }

    @Override
    public synchronized List<MemoryStatus> history() {
        return List.copyOf(history);
    }

    private void post(PressureLevel previous, MemoryStatus status) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(PRESSURE_TOPIC, Map.of(LEVEL, status.level().name(), PREVIOUS, previous.name(),
                    USED, status.usedAfterGc(), LIMIT, status.limit())));
        }
    }
}
