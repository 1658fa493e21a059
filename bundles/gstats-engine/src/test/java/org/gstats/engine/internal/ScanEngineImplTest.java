package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportSection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.engine.internal.TestPlugin.Stage;
import org.junit.Test;

public class ScanEngineImplTest {

    private static final List<String> ALL_EVENTS = List.of(
            "commit c3", "change c3 a.txt", "change c3 b.txt",
            "commit c2",
            "commit c1", "change c1 a.txt");

    private final PluginSet plugins = new PluginSet();

    private static FixedHistoryScanner threeCommits() {
        return new FixedHistoryScanner("c3").commit("c3", "a.txt", "b.txt").commit("c2").commit("c1", "a.txt");
    }

    private static ScanRequest request() {
        return ScanRequest.builder(FixedHistoryScanner.REPOSITORY).build();
    }

    private static List<String> sectionNames(Report report) {
        return report.sections().stream().map(ReportSection::name).toList();
    }

    private static Object eventCount(Report report, String section) {
        Fields totals = (Fields) report.section(section).orElseThrow().item("totals").orElseThrow();
        return totals.values().get("events");
    }

    @Test
    public void deliversEveryEventToEveryPluginInScanOrder() throws ScanException {
        TestPlugin zeta = TestPlugin.healthy("zeta").bindTo(plugins, 1);
        TestPlugin alpha = TestPlugin.healthy("alpha").bindTo(plugins, 2);

        Report report = new ScanEngineImpl(threeCommits(), plugins).scan(request(), ProgressListener.NONE);

        assertEquals(ALL_EVENTS, zeta.events);
        assertEquals(ALL_EVENTS, alpha.events);
        assertEquals(List.of("alpha", "zeta"), sectionNames(report));
        assertEquals(ALL_EVENTS.size(), eventCount(report, "alpha"));
        assertEquals(List.of(), report.errors());
    }

    @Test
    public void headerNamesTheTargetAndTheGstatsVersion() throws ScanException {
        Report report = new ScanEngineImpl(threeCommits(), plugins)
                .scan(ScanRequest.builder(FixedHistoryScanner.REPOSITORY).branch("main").build(),
                        ProgressListener.NONE);

        assertEquals(System.getProperty("gstats.expectedVersion"), report.header().version());
        assertEquals(FixedHistoryScanner.REPOSITORY.toString(), report.header().repository());
        assertEquals("main", report.header().branch());
        assertEquals("c3", report.header().head());
        assertNotNull(report.header().started());
        assertTrue(report.header().durationMs() >= 0);
    }

    @Test
    public void pluginsSeeTheTargetAndTheRequestOptions() throws ScanException {
        TestPlugin plugin = TestPlugin.healthy("commits").bindTo(plugins, 1);
        ScanRequest request = ScanRequest.builder(FixedHistoryScanner.REPOSITORY).branch("dev")
                .option("commits.changes", "yes").build();

        new ScanEngineImpl(threeCommits(), plugins).scan(request, ProgressListener.NONE);

        assertEquals(1, plugin.contexts.size());
        var context = plugin.contexts.get(0);
        assertEquals(FixedHistoryScanner.REPOSITORY, context.repository());
        assertEquals("dev", context.branch());
        assertEquals("c3", context.headId());
        assertEquals(Map.of("commits.changes", "yes"), context.options());
        assertTrue(context.flag("commits.changes"));
    }

    @Test
    public void emptyRepositoryGivesHeaderAndEverySectionWithoutErrors() throws ScanException {
        TestPlugin.healthy("commits").bindTo(plugins, 1);
        TestPlugin.healthy("metrics").bindTo(plugins, 2);
        List<Long> progress = new ArrayList<>();

        Report report = new ScanEngineImpl(FixedHistoryScanner.empty(), plugins).scan(request(), progress::add);

        assertNull(report.header().head());
        assertEquals("HEAD", report.header().branch());
        assertEquals(List.of("commits", "metrics"), sectionNames(report));
        assertEquals(0, eventCount(report, "commits"));
        assertEquals(List.of(), report.errors());
        assertEquals(List.of(0L), progress);
    }

    @Test
    public void pluginFailingInNewAnalysisIsReportedAndLeftOut() throws ScanException {
        assertIsolated(Stage.NEW_ANALYSIS, List.of());
    }

    @Test
    public void pluginFailingOnCommitGetsNoFurtherEvents() throws ScanException {
        assertIsolated(Stage.ON_COMMIT, List.of("commit c3"));
    }

    @Test
    public void pluginFailingOnFileChangeGetsNoFurtherEvents() throws ScanException {
        assertIsolated(Stage.ON_FILE_CHANGE, List.of("commit c3", "change c3 a.txt"));
    }

    @Test
    public void pluginFailingInResultIsReportedAndLeftOut() throws ScanException {
        assertIsolated(Stage.RESULT, ALL_EVENTS);
    }

    /** A failing plugin between two healthy ones: reported once, no section, others complete. */
    private void assertIsolated(Stage stage, List<String> eventsBeforeFailure) throws ScanException {
        TestPlugin before = TestPlugin.healthy("alpha").bindTo(plugins, 1);
        TestPlugin broken = TestPlugin.failing("broken", stage, new IllegalStateException("boom at " + stage))
                .bindTo(plugins, 2);
        TestPlugin after = TestPlugin.healthy("zeta").bindTo(plugins, 3);

        Report report = new ScanEngineImpl(threeCommits(), plugins).scan(request(), ProgressListener.NONE);

        assertEquals(List.of(new ReportError("broken", "IllegalStateException: boom at " + stage)), report.errors());
        assertEquals(List.of("alpha", "zeta"), sectionNames(report));
        assertEquals(eventsBeforeFailure, broken.events);
        assertEquals(ALL_EVENTS, before.events);
        assertEquals(ALL_EVENTS, after.events);
        assertEquals(ALL_EVENTS.size(), eventCount(report, "zeta"));
    }

    @Test
    public void errorsOtherThanVirtualMachineErrorsAreIsolatedToo() throws ScanException {
        TestPlugin.failing("linkage", Stage.ON_COMMIT, new NoClassDefFoundError("org/example/Gone")).bindTo(plugins, 1);
        TestPlugin.failing("assertion", Stage.RESULT, new AssertionError("bad state")).bindTo(plugins, 2);
        TestPlugin.healthy("commits").bindTo(plugins, 3);

        Report report = new ScanEngineImpl(threeCommits(), plugins).scan(request(), ProgressListener.NONE);

        assertEquals(List.of(new ReportError("linkage", "NoClassDefFoundError: org/example/Gone"),
                new ReportError("assertion", "AssertionError: bad state")), report.errors());
        assertEquals(List.of("commits"), sectionNames(report));
    }

    @Test
    public void failureWithoutMessageIsNamedByItsType() throws ScanException {
        TestPlugin.failing("broken", Stage.ON_FILE_CHANGE, new UnsupportedOperationException()).bindTo(plugins, 1);

        Report report = new ScanEngineImpl(threeCommits(), plugins).scan(request(), ProgressListener.NONE);

        assertEquals(List.of(new ReportError("broken", "UnsupportedOperationException")), report.errors());
    }

    @Test
    public void virtualMachineErrorStopsTheScan() {
        OutOfMemoryError outOfMemory = new OutOfMemoryError("Java heap space");
        TestPlugin.failing("hungry", Stage.ON_COMMIT, outOfMemory).bindTo(plugins, 1);
        ScanEngineImpl engine = new ScanEngineImpl(threeCommits(), plugins);

        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class,
                () -> engine.scan(request(), ProgressListener.NONE));
        assertSame(outOfMemory, thrown);
    }

    @Test
    public void scannerFailurePropagates() {
        TestPlugin.healthy("commits").bindTo(plugins, 1);
        ScanException failure = new ScanException(ScanException.Reason.BAD_INPUT, "not a git repository: /tmp/x");
        ScanEngineImpl engine = new ScanEngineImpl((request, requirements, listener) -> {
            throw failure;
        }, plugins);

        ScanException thrown = assertThrows(ScanException.class, () -> engine.scan(request(), ProgressListener.NONE));
        assertSame(failure, thrown);
    }

    @Test
    public void progressEveryThousandCommitsAndOnceAtTheEnd() throws ScanException {
        FixedHistoryScanner scanner = new FixedHistoryScanner("c2500");
        for (int i = 2500; i >= 1; i--) {
            scanner.commit("c" + i);
        }
        List<Long> progress = new ArrayList<>();

        new ScanEngineImpl(scanner, plugins).scan(request(), progress::add);

        assertEquals(List.of(1000L, 2000L, 2500L), progress);
    }

    @Test
    public void eachScanUsesThePluginsBoundWhenItStarts() throws ScanException {
        ScanEngineImpl engine = new ScanEngineImpl(threeCommits(), plugins);
        TestPlugin.healthy("commits").bindTo(plugins, 1);
        assertEquals(List.of("commits"), sectionNames(engine.scan(request(), ProgressListener.NONE)));

        TestPlugin.healthy("churn").bindTo(plugins, 2);
        assertEquals(List.of("churn", "commits"), sectionNames(engine.scan(request(), ProgressListener.NONE)));

        plugins.remove(1);
        assertEquals(List.of("churn"), sectionNames(engine.scan(request(), ProgressListener.NONE)));
    }

    @Test
    public void scanInProgressKeepsThePluginSetItStartedWith() throws ScanException {
        TestPlugin leaving = TestPlugin.healthy("leaving").bindTo(plugins, 1);
        TestPlugin arriving = TestPlugin.healthy("arriving");
        FixedHistoryScanner scanner = threeCommits().afterStart(() -> {
            plugins.remove(1);
            arriving.bindTo(plugins, 2);
        });
        ScanEngineImpl engine = new ScanEngineImpl(scanner, plugins);

        Report first = engine.scan(request(), ProgressListener.NONE);

        assertEquals(List.of("leaving"), sectionNames(first));
        assertEquals(ALL_EVENTS, leaving.events);
        assertEquals(List.of(), arriving.events);

        Report second = engine.scan(request(), ProgressListener.NONE);

        assertEquals(List.of("arriving"), sectionNames(second));
    }
}
