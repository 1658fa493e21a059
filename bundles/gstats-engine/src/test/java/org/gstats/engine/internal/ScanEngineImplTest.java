package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.api.BlobResults;
import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportSection;
import org.gstats.api.scan.PluginMetrics;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.PluginState;
import org.gstats.api.scan.PluginStatus;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanWarning;
import org.gstats.engine.internal.TestPlugin.Stage;
import org.gstats.queue.internal.MessageQueueFactoryImpl;
import org.junit.Test;

public class ScanEngineImplTest {

    private static final List<String> ALL_EVENTS = List.of(
            "commit c3", "change c3 a.txt", "change c3 b.txt",
            "commit c2",
            "commit c1", "change c1 a.txt");

    private final MutableClock clock = new MutableClock();
    private final PluginRegistryImpl plugins = new PluginRegistryImpl(null, clock, 3, Duration.ofMinutes(5));

    private ScanEngineImpl engine(org.gstats.api.scan.RepositoryScanner scanner) {
        return new ScanEngineImpl(scanner, plugins, 30_000,
                new MessageQueueFactoryImpl(4, FixedMemory.NORMAL), FixedMemory.NORMAL);
    }

    private static FixedHistoryScanner threeCommits() {
        return new FixedHistoryScanner("c3").commit("c3", "a.txt", "b.txt").commit("c2").commit("c1", "a.txt");
    }

    private static ScanRequest request() {
        return ScanRequest.builder(FixedHistoryScanner.REPOSITORY).build();
    }

    private static List<String> sectionNames(Report report) {
        return report.sections().stream().map(ReportSection::name).filter(n -> !n.equals(ScanRun.SECTION)).toList();
    }

    private static Object eventCount(Report report, String section) {
        Fields totals = (Fields) report.section(section).orElseThrow().item("totals").orElseThrow();
        return totals.values().get("events");
    }

    @Test
    public void deliversEveryEventToEveryPluginInScanOrder() throws ScanException {
        TestPlugin zeta = TestPlugin.healthy("zeta").bindTo(plugins, 1);
        TestPlugin alpha = TestPlugin.healthy("alpha").bindTo(plugins, 2);

        Report report = engine(threeCommits()).scan(request(), ProgressListener.NONE);

        assertEquals(ALL_EVENTS, zeta.events);
        assertEquals(ALL_EVENTS, alpha.events);
        assertEquals(List.of("alpha", "zeta"), sectionNames(report));
        assertEquals(ALL_EVENTS.size(), eventCount(report, "alpha"));
        assertEquals(List.of(), report.errors());
    }

    /**
     * Events reach a plugin in messages of at most {@value ScanRun#HELD_STEPS} events: a commit of
     * more changes than that still arrives whole, in order, each event counted.
     */
    @Test
    public void aCommitOfManyFileChangesArrivesWholeAndInOrder() throws ScanException {
        TestPlugin plugin = TestPlugin.healthy("alpha").bindTo(plugins, 1);
        String[] paths = new String[ScanRun.HELD_STEPS * 2 + 5];
        List<String> expected = new ArrayList<>(List.of("commit c2"));
        for (int i = 0; i < paths.length; i++) {
            paths[i] = "f" + i + ".txt";
            expected.add("change c2 " + paths[i]);
        }
        expected.add("commit c1");
        expected.add("change c1 a.txt");

        Report report = engine(new FixedHistoryScanner("c2").commit("c2", paths).commit("c1", "a.txt"))
                .scan(request(), ProgressListener.NONE);

        assertEquals(expected, plugin.events);
        assertEquals(expected.size(), eventCount(report, "alpha"));
    }

    /** A failure in a file change of a commit's message names that step, not the commit's. */
    @Test
    public void outOfMemoryInAFileChangeNamesThatStep() {
        TestPlugin.failing("hungry", Stage.ON_FILE_CHANGE, new OutOfMemoryError("Java heap space")).bindTo(plugins, 1);
        ScanEngineImpl engine = engine(threeCommits());

        ScanException thrown = assertThrows(ScanException.class, () -> engine.scan(request(), ProgressListener.NONE));

        assertTrue(thrown.getMessage(), thrown.getMessage().startsWith(
                "scan stopped: plugin hungry ran out of memory while reading a file change;"));
    }

    @Test
    public void headerNamesTheTargetAndTheGstatsVersion() throws ScanException {
        Report report = engine(threeCommits())
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

        engine(threeCommits()).scan(request, ProgressListener.NONE);

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

        Report report = engine(FixedHistoryScanner.empty()).scan(request(), progress::add);

        assertNull(report.header().head());
        assertEquals("HEAD", report.header().branch());
        assertEquals(List.of("commits", "metrics"), sectionNames(report));
        assertEquals(0, eventCount(report, "commits"));
        assertEquals(List.of(), report.errors());
        assertEquals(List.of(0L), progress);
    }

    @Test
    public void scannerWarningsComeFirstInTheReportsErrorsThenPluginFailures() throws ScanException {
        TestPlugin.failing("broken", Stage.ON_FILE_CHANGE, new IllegalStateException("boom")).bindTo(plugins, 1);
        FixedHistoryScanner scanner = threeCommits()
                .warning(new ScanWarning("c1", "0123abcd", "missing object 0123abcd needed by commit c1: skipped"));

        Report report = engine(scanner).scan(request(), ProgressListener.NONE);

        assertEquals(2, report.errors().size());
        assertEquals(new ReportError("scanner", "missing object 0123abcd needed by commit c1: skipped"),
                report.errors().get(0));
        assertEquals("broken", report.errors().get(1).plugin());
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

        Report report = engine(threeCommits()).scan(request(), ProgressListener.NONE);

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

        Report report = engine(threeCommits()).scan(request(), ProgressListener.NONE);

        assertEquals(List.of(new ReportError("assertion", "AssertionError: bad state"),
                new ReportError("linkage", "NoClassDefFoundError: org/example/Gone")), report.errors());
        assertEquals(List.of("commits"), sectionNames(report));
    }

    @Test
    public void failureWithoutMessageIsNamedByItsType() throws ScanException {
        TestPlugin.failing("broken", Stage.ON_FILE_CHANGE, new UnsupportedOperationException()).bindTo(plugins, 1);

        Report report = engine(threeCommits()).scan(request(), ProgressListener.NONE);

        assertEquals(List.of(new ReportError("broken", "UnsupportedOperationException")), report.errors());
    }

    @Test
    public void outOfMemoryStopsTheScanNamingThePluginAndStep() {
        TestPlugin.failing("hungry", Stage.ON_COMMIT, new OutOfMemoryError("Java heap space")).bindTo(plugins, 1);
        TestPlugin.healthy("commits").bindTo(plugins, 2);
        ScanEngineImpl engine = engine(threeCommits());

        ScanException thrown = assertThrows(ScanException.class, () -> engine.scan(request(), ProgressListener.NONE));

        assertEquals(ScanException.Reason.FAILED, thrown.reason());
        assertEquals("scan stopped: plugin hungry ran out of memory while reading a commit; give gstats more heap "
                + "(JAVA_OPTS=-Xmx2g) or try --performance-mode low, or leave the plugin out (--plugins without "
                + "hungry)", thrown.getMessage());
    }

    @Test
    public void otherVirtualMachineErrorsStopTheScan() {
        InternalError broken = new InternalError("the JVM is broken");
        TestPlugin.failing("broken", Stage.ON_COMMIT, broken).bindTo(plugins, 1);
        ScanEngineImpl engine = engine(threeCommits());

        InternalError thrown = assertThrows(InternalError.class, () -> engine.scan(request(), ProgressListener.NONE));
        assertSame(broken, thrown);
    }

    @Test
    public void pluginThreadsLogWithTheScansId() throws ScanException {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.gstats.api.ScannerPlugin plugin = new org.gstats.api.ScannerPlugin() {
            @Override
            public String name() {
                return "mdc";
            }

            @Override
            public String description() {
                return "remembers the scan id its thread logs with";
            }

            @Override
            public org.gstats.api.Analysis newAnalysis(org.gstats.api.ScanContext context) {
                return new org.gstats.api.Analysis() {
                    @Override
                    public void onCommit(org.gstats.api.CommitInfo commit) {
                        seen.add(String.valueOf(org.slf4j.MDC.get(ScanEngineImpl.SCAN_KEY)));
                    }

                    @Override
                    public ReportSection result() {
                        return new ReportSection("mdc", List.of());
                    }
                };
            }
        };
        plugins.bind(new RegisteredPlugin(7, plugin, "mdc", "mdc", org.gstats.api.PluginDataRequirements.NONE,
                "org.example.mdc", "1.0.0", 107, "[1.2,2)", null));

        engine(threeCommits()).scan(request(), ProgressListener.NONE);

        assertEquals(3, seen.size());
        assertTrue(seen.toString(), seen.get(0).matches("[0-9a-f]{8}"));
        assertEquals(1, Set.copyOf(seen).size());
    }

    @Test
    public void scannerFailurePropagates() {
        TestPlugin.healthy("commits").bindTo(plugins, 1);
        ScanException failure = new ScanException(ScanException.Reason.BAD_INPUT, "not a git repository: /tmp/x");
        ScanEngineImpl engine = engine((request, requirements, listener) -> {
            throw failure;
        });

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

        engine(scanner).scan(request(), progress::add);

        assertEquals(List.of(1000L, 2000L, 2500L), progress);
    }

    @Test
    public void eachScanUsesThePluginsBoundWhenItStarts() throws ScanException {
        ScanEngineImpl engine = engine(threeCommits());
        TestPlugin.healthy("commits").bindTo(plugins, 1);
        assertEquals(List.of("commits"), sectionNames(engine.scan(request(), ProgressListener.NONE)));

        TestPlugin.healthy("churn").bindTo(plugins, 2);
        assertEquals(List.of("churn", "commits"), sectionNames(engine.scan(request(), ProgressListener.NONE)));

        plugins.unbind(1);
        assertEquals(List.of("churn"), sectionNames(engine.scan(request(), ProgressListener.NONE)));
    }

    @Test
    public void pluginArrivingDuringAScanJoinsTheNextAndOneLeavingIsDroppedWithANote() throws ScanException {
        TestPlugin.healthy("leaving").bindTo(plugins, 1);
        TestPlugin.healthy("staying").bindTo(plugins, 3);
        TestPlugin arriving = TestPlugin.healthy("arriving");
        FixedHistoryScanner scanner = threeCommits().afterStart(() -> {
            plugins.unbind(1);
            arriving.bindTo(plugins, 2);
        });
        ScanEngineImpl engine = engine(scanner);

        Report first = engine.scan(request(), ProgressListener.NONE);

        assertEquals(List.of("staying"), sectionNames(first));
        assertEquals(List.of(new ReportError("leaving",
                "removed during the scan (its bundle stopped); its results are left out")), first.errors());
        assertEquals(List.of(), arriving.events);

        Report second = engine.scan(request(), ProgressListener.NONE);

        assertEquals(List.of("arriving", "staying"), sectionNames(second));
        assertEquals(List.of(), second.errors());
    }

    @Test
    public void pluginUnboundAfterItWasChosenButBeforeTheRunWasTrackedIsDroppedToo() throws ScanException {
        TestPlugin.healthy("leaving").bindTo(plugins, 1);
        ScanRun run = new ScanRun(plugins.choose(PluginSelection.ALL), ScanRequest.builder(Path.of(".")).build(),
                ProgressListener.NONE, 30_000,
                new MessageQueueFactoryImpl(4, FixedMemory.NORMAL),
                FixedMemory.NORMAL::status, BlobResults.NONE);
        plugins.unbind(1);

        plugins.started(run);
        threeCommits().scan(request(), run);

        assertEquals(List.of(), run.results().stream().map(ReportSection::name)
                .filter(n -> !n.equals(ScanRun.SECTION)).toList());
        assertEquals(List.of(new ReportError("leaving",
                "removed during the scan (its bundle stopped); its results are left out")), run.errors());
    }

    @Test
    public void stallingPluginIsDroppedAfterItsBudgetAndTheOthersFinish() throws ScanException {
        TestPlugin.stalling("stuck", Stage.ON_FILE_CHANGE).bindTo(plugins, 1);
        TestPlugin healthy = TestPlugin.healthy("zeta").bindTo(plugins, 2);
        ScanEngineImpl engine = new ScanEngineImpl(threeCommits(), plugins, 200,
                new MessageQueueFactoryImpl(1, FixedMemory.NORMAL), FixedMemory.NORMAL);

        Report report = engine.scan(request(), ProgressListener.NONE);

        assertEquals(List.of("zeta"), sectionNames(report));
        assertEquals(ALL_EVENTS, healthy.events);
        assertEquals(List.of(new ReportError("stuck",
                "stalled: no answer within the time budget of 200 ms; dropped from this scan")), report.errors());
    }

    @Test
    public void sectionNotNamedAfterThePluginIsGarbage() throws ScanException {
        plugins.bind(new RegisteredPlugin(1, new org.gstats.api.ScannerPlugin() {
            @Override
            public String name() {
                return "honest";
            }

            @Override
            public String description() {
                return "claims another plugin's section";
            }

            @Override
            public org.gstats.api.Analysis newAnalysis(org.gstats.api.ScanContext context) {
                return () -> new ReportSection("commits", List.of());
            }
        }, "honest", "d", org.gstats.api.PluginDataRequirements.NONE, "b", "1", 1, null, null));

        Report report = engine(threeCommits()).scan(request(), ProgressListener.NONE);

        assertEquals(List.of(), sectionNames(report));
        assertEquals(List.of(new ReportError("honest", "result is a section named 'commits', not after the plugin")),
                report.errors());
    }

    @Test
    public void reportCarriesEachPluginsExecutionMetrics() throws ScanException {
        TestPlugin.healthy("alpha").bindTo(plugins, 1);
        TestPlugin.failing("broken", Stage.ON_COMMIT, new IllegalStateException("boom")).bindTo(plugins, 2);

        Report report = engine(threeCommits()).scan(request(), ProgressListener.NONE);

        org.gstats.api.report.Table table = (org.gstats.api.report.Table) report.item("plugins.execution")
                .orElseThrow();
        assertEquals(List.of("plugin", "outcome", "events", "time_ms"), table.columns());
        assertEquals(List.of("alpha", "ok", 6L), table.rows().get(0).subList(0, 3));
        assertEquals(List.of("broken", "failed", 0L), table.rows().get(1).subList(0, 3));
    }

    @Test
    public void circuitBreakerDisablesAPluginThatKeepsFailingUntilTheCoolDownEnds() throws ScanException {
        TestPlugin broken = TestPlugin.failing("broken", Stage.ON_COMMIT, new IllegalStateException("boom"))
                .bindTo(plugins, 1);
        ScanEngineImpl engine = engine(threeCommits());

        engine.scan(request(), ProgressListener.NONE);
        assertEquals(PluginState.FAILING, status("broken").state());
        engine.scan(request(), ProgressListener.NONE);
        engine.scan(request(), ProgressListener.NONE);

        PluginStatus disabled = status("broken");
        assertEquals(PluginState.DISABLED, disabled.state());
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), disabled.disabledUntil());
        assertEquals("failed in 3 scans in a row (last: IllegalStateException: boom); left out of scans until "
                + disabled.disabledUntil(), disabled.reason());
        assertEquals(new PluginMetrics(3, 0, disabled.metrics().time(), 3), disabled.metrics());

        Report whileDisabled = engine.scan(request(), ProgressListener.NONE);
        assertEquals(List.of(), whileDisabled.errors());
        assertEquals(3, broken.contexts.size());

        clock.advance(Duration.ofMinutes(5));
        Report trial = engine.scan(request(), ProgressListener.NONE);
        assertEquals(4, broken.contexts.size());
        assertEquals(1, trial.errors().size());
        assertEquals(PluginState.DISABLED, status("broken").state());
    }

    @Test
    public void duplicateNameIsRejectedAndTheFirstBoundPluginTakesPart() throws ScanException {
        TestPlugin first = TestPlugin.healthy("commits").bindTo(plugins, 4);
        TestPlugin second = TestPlugin.healthy("commits").bindTo(plugins, 9);

        Report report = engine(threeCommits()).scan(request(), ProgressListener.NONE);

        assertEquals(List.of("commits"), sectionNames(report));
        assertEquals(ALL_EVENTS, first.events);
        assertEquals(List.of(), second.events);
        List<PluginStatus> statuses = plugins.statuses();
        assertEquals(List.of(PluginState.ACTIVE, PluginState.REJECTED),
                statuses.stream().map(PluginStatus::state).toList());
        assertEquals("duplicate name: the plugin in org.example.commits 1.2.3 (bundle 104) is also called 'commits' "
                + "and takes part instead", statuses.get(1).reason());
    }

    @Test
    public void selectionRunsOnlyTheNamedPlugins() throws ScanException {
        TestPlugin.healthy("alpha").bindTo(plugins, 1);
        TestPlugin.healthy("beta").bindTo(plugins, 2);
        TestPlugin.healthy("gamma").bindTo(plugins, 3);

        Report report = engine(threeCommits()).scan(request(), PluginSelection.only(Set.of("gamma", "alpha")),
                ProgressListener.NONE);

        assertEquals(List.of("alpha", "gamma"), sectionNames(report));
    }

    @Test
    public void selectingAnUnknownPluginIsBadInput() {
        TestPlugin.healthy("alpha").bindTo(plugins, 1);
        ScanEngineImpl engine = engine(threeCommits());

        ScanException thrown = assertThrows(ScanException.class, () -> engine.scan(request(),
                PluginSelection.only(Set.of("alpah")), ProgressListener.NONE));

        assertEquals(ScanException.Reason.BAD_INPUT, thrown.reason());
        assertEquals("unknown plugin 'alpah' (plugins that can take part: alpha)", thrown.getMessage());
    }

    private PluginStatus status(String name) {
        return plugins.statuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @org.junit.AfterClass
    public static void releaseStalledPlugins() {
        TestPlugin.RELEASE_STALLED.countDown();
    }
}
