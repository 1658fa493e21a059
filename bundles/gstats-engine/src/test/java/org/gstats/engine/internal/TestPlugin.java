package org.gstats.engine.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;

/**
 * A plugin that records every event its analyses receive, and fails at a chosen stage. Its
 * section holds one field, {@code events}, with the number of events it saw.
 */
final class TestPlugin implements ScannerPlugin {

    enum Stage {
        NONE, NEW_ANALYSIS, ON_COMMIT, ON_FILE_CHANGE, RESULT
    }

    /** Holds a stalling plugin until the test lets it go; it ignores interrupts, as a stuck plugin may. */
    static final CountDownLatch RELEASE_STALLED = new CountDownLatch(1);

    private final String name;
    private final Stage failAt;
    private final RuntimeException runtimeFailure;
    private final Error errorFailure;
    /** Events seen by every analysis of this plugin, as "commit ID" and "change ID PATH". */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<ScanContext> contexts = new ArrayList<>();

    private TestPlugin(String name, Stage failAt, RuntimeException runtimeFailure, Error errorFailure) {
        this.name = name;
        this.failAt = failAt;
        this.runtimeFailure = runtimeFailure;
        this.errorFailure = errorFailure;
    }

    static TestPlugin healthy(String name) {
        return new TestPlugin(name, Stage.NONE, null, null);
    }

    static TestPlugin failing(String name, Stage stage, RuntimeException failure) {
        return new TestPlugin(name, stage, failure, null);
    }

    static TestPlugin failing(String name, Stage stage, Error failure) {
        return new TestPlugin(name, stage, null, failure);
    }

    /** A plugin whose analysis never returns from the given stage (until {@link #RELEASE_STALLED}). */
    static TestPlugin stalling(String name, Stage stage) {
        return new TestPlugin(name, stage, null, null);
    }

    /** Registers this plugin in {@code registry} under {@code serviceId}, as DS binding would. */
    TestPlugin bindTo(PluginRegistryImpl registry, long serviceId) {
        registry.bind(new RegisteredPlugin(serviceId, this, name, name + " description",
                PluginDataRequirements.NONE, "org.example." + name, "1.2.3", serviceId + 100,
                "[1.1,2)", null));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return name + " description";
    }

    @Override
    public Analysis newAnalysis(ScanContext context) {
        contexts.add(context);
        failIf(Stage.NEW_ANALYSIS);
        return new Analysis() {
            @Override
            public void onCommit(CommitInfo commit) {
                events.add("commit " + commit.id());
                failIf(Stage.ON_COMMIT);
            }

            @Override
            public void onFileChange(FileChange change) {
                events.add("change " + change.commitId() + " " + change.path());
                failIf(Stage.ON_FILE_CHANGE);
            }

            @Override
            public ReportSection result() {
                failIf(Stage.RESULT);
                return new ReportSection(name, List.of(new Fields("totals", Map.of("events", events.size()))));
            }
        };
    }

    private void failIf(Stage stage) {
        if (stage != failAt) {
            return;
        }
        if (runtimeFailure != null) {
            throw runtimeFailure;
        }
        if (errorFailure != null) {
            throw errorFailure;
        }
        boolean released = false;
        while (!released) {
            try {
                released = RELEASE_STALLED.await(1, TimeUnit.HOURS);
            } catch (InterruptedException ignored) {
                // a stuck plugin does not listen
            }
        }
    }
}
