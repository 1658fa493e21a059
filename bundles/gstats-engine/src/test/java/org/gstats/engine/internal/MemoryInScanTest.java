package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.gstats.api.Analysis;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.PressureLevel;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.queue.internal.MessageQueueFactoryImpl;
import org.junit.Test;

/** The engine under memory pressure, with the tracker's samples set by the test. */
public class MemoryInScanTest {

    private final PluginRegistryImpl plugins = new PluginRegistryImpl(null, new MutableClock(), 3,
            Duration.ofMinutes(5));
    private final AtomicReference<MemoryStatus> memory = new AtomicReference<>(
            FixedMemory.status(PressureLevel.NORMAL, 100));
    private final FixedMemory tracker = new FixedMemory(memory::get);

    private static MemoryStatus status(PressureLevel level, long usedMb) {
        return FixedMemory.status(level, usedMb);
    }

    private Report scan(FixedHistoryScanner scanner) throws ScanException {
        return new ScanEngineImpl(scanner, plugins, 30_000, new MessageQueueFactoryImpl(16, tracker), tracker)
                .scan(ScanRequest.builder(FixedHistoryScanner.REPOSITORY).build(), ProgressListener.NONE);
    }

    private static Table table(Report report, String name) {
        return (Table) report.section(ScanRun.SECTION).orElseThrow().item(name).orElseThrow();
    }

    @Test
    public void theReportRecordsPeakHeapAndEachChangeOfLevel() throws ScanException {
        TestPlugin.healthy("alpha").bindTo(plugins, 1);
        FixedHistoryScanner scanner = new FixedHistoryScanner("c3").commit("c3", "a.txt")
                .commit("c2").commit("c1", "a.txt").afterStart(() -> memory.set(status(PressureLevel.MODERATE, 750)));

        Report report = scan(scanner);

        Table summary = table(report, "memory");
        assertEquals(List.of("limit_bytes", "peak_heap_bytes", "highest_level", "blocked_ms", "leak"),
                summary.columns());
        List<Object> row = summary.rows().get(0);
        assertEquals(1000L << 20, row.get(0));
        assertEquals(750L << 20, row.get(1));
        assertEquals("moderate", row.get(2));
        Table pressure = table(report, "pressure");
        assertEquals(1, pressure.rows().size());
        assertEquals(List.of("normal", "moderate", 750L << 20), pressure.rows().get(0).subList(1, 4));
        // the same figures in the report's gstats block
        assertEquals(Long.valueOf(750L << 20), report.header().peakHeapBytes());
        assertEquals(Integer.valueOf(1), report.header().pressureChanges());
        assertEquals(row.get(3), report.header().blockedMs());
    }

    @Test
    public void criticalMemoryStopsTheScanWithAClearError() {
        TestPlugin alpha = TestPlugin.healthy("alpha").bindTo(plugins, 1);
        FixedHistoryScanner scanner = new FixedHistoryScanner("c3").commit("c3", "a.txt")
                .commit("c2").commit("c1", "a.txt").afterStart(() -> memory.set(status(PressureLevel.CRITICAL, 990)));

        ScanException failure = assertThrows(ScanException.class, () -> scan(scanner));

        assertEquals(ScanException.Reason.FAILED, failure.reason());
        assertEquals("scan stopped: memory critical: 990 MB of 1000 MB in use after garbage collection (99%); "
                + "give the JVM more heap (JAVA_OPTS=-Xmx...) or raise --max-memory", failure.getMessage());
        assertTrue("no event reached the plugin after the stop", alpha.events.isEmpty());
    }

    @Test
    public void criticalMemoryWhileAPluginWorksStopsTheScanNamingItsStep() throws InterruptedException {
        // counted down when the engine interrupts the plugin's thread, which may come just after the scan throws
        CountDownLatch stopped = new CountDownLatch(1);
        plugins.bind(new RegisteredPlugin(1, new ScannerPlugin() {
            @Override
            public String name() {
                return "hoarder";
            }

            @Override
            public String description() {
                return "fills the heap while making its result";
            }

            @Override
            public Analysis newAnalysis(ScanContext context) {
                return () -> {
                    memory.set(status(PressureLevel.CRITICAL, 990));
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException interrupted) {
                        stopped.countDown();
                        Thread.currentThread().interrupt();
                    }
                    return new ReportSection("hoarder", List.of());
                };
            }
        }, "hoarder", "", PluginDataRequirements.NONE, "org.example.hoarder", "1.0.0", 101, "[1.1,2)", null));
        FixedHistoryScanner scanner = new FixedHistoryScanner("c1").commit("c1", "a.txt");

        ScanException failure = assertThrows(ScanException.class, () -> scan(scanner));

        assertEquals(ScanException.Reason.FAILED, failure.reason());
        assertEquals("scan stopped: plugin hoarder ran out of memory while making its report section; give gstats "
                + "more heap (JAVA_OPTS=-Xmx2g) or try --performance-mode low, or leave the plugin out (--plugins "
                + "without hoarder)", failure.getMessage());
        assertTrue("the plugin's thread was told to stop", stopped.await(30, TimeUnit.SECONDS));
    }
}
