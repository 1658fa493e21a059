package org.gstats.engine.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.ScanContext;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportSection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanTarget;

/**
 * One scan's delivery of the scanner's events to one analysis per plugin. Lives on the
 * scanner's thread only. A plugin that throws is recorded once and dropped from the run, so
 * that one faulty plugin neither stops the scan nor leaves a half-made section.
 */
final class ScanRun implements ScanListener {

    static final long PROGRESS_INTERVAL = 1000;

    private final List<RegisteredPlugin> plugins;
    private final Map<String, String> options;
    private final ProgressListener progress;
    private final List<PluginAnalysis> analyses = new ArrayList<>();
    private final List<ReportError> errors = new ArrayList<>();
    private ScanTarget target;
    private long commits;

    /** A plugin's analysis that has not failed yet. */
    private record PluginAnalysis(String pluginName, Analysis analysis) {
    }

    ScanRun(List<RegisteredPlugin> plugins, Map<String, String> options, ProgressListener progress) {
        this.plugins = plugins;
        this.options = options;
        this.progress = progress;
    }

    @Override
    public void onStart(ScanTarget scanTarget) {
        if (target != null) {
            throw new IllegalStateException("the scanner started the scan twice");
        }
        target = scanTarget;
        ScanContext context = new ScanContext(scanTarget.repository(), scanTarget.branch(), scanTarget.headId(),
                options);
        for (RegisteredPlugin plugin : plugins) {
            try {
                Analysis analysis = plugin.plugin().newAnalysis(context);
                if (analysis == null) {
                    errors.add(new ReportError(plugin.name(), "newAnalysis returned null"));
                } else {
                    analyses.add(new PluginAnalysis(plugin.name(),
                            new RequiredContent(analysis, plugin.plugin().requirements())));
                }
            } catch (Throwable failure) {
                errors.add(isolate(plugin.name(), failure));
            }
        }
    }

    @Override
    public void onCommit(CommitInfo commit) {
        requireStarted();
        deliver(analysis -> analysis.onCommit(commit));
        commits++;
        if (commits % PROGRESS_INTERVAL == 0) {
            progress.commitsScanned(commits);
        }
    }

    @Override
    public void onFileChange(FileChange change) {
        requireStarted();
        deliver(analysis -> analysis.onFileChange(change));
    }

    @Override
    public void onFileInfo(FileInfo file) {
        requireStarted();
        deliver(analysis -> analysis.onFileInfo(file));
    }

    @Override
    public void onFileContent(FileContent content) {
        requireStarted();
        deliver(analysis -> analysis.onFileContent(content));
    }

    @Override
    public void onHistoricalContent(FileContent content) {
        requireStarted();
        deliver(analysis -> analysis.onHistoricalContent(content));
    }

    @Override
    public void onCheckout(HeadCheckout checkout) {
        requireStarted();
        deliver(analysis -> analysis.onCheckout(checkout));
    }

    /** The target the scanner resolved the request to. */
    ScanTarget target() {
        requireStarted();
        return target;
    }

    /**
     * Ends the run after the scanner's last event: reports the final commit count and collects
     * every surviving plugin's section, in plugin-name order.
     */
    List<ReportSection> results() {
        requireStarted();
        progress.commitsScanned(commits);
        List<ReportSection> sections = new ArrayList<>();
        for (PluginAnalysis entry : analyses) {
            try {
                ReportSection section = entry.analysis().result();
                if (section == null) {
                    errors.add(new ReportError(entry.pluginName(), "result returned null"));
                } else {
                    sections.add(section);
                }
            } catch (Throwable failure) {
                errors.add(isolate(entry.pluginName(), failure));
            }
        }
        analyses.clear();
        return sections;
    }

    /** The plugin failures met so far, in the order they happened. */
    List<ReportError> errors() {
        return List.copyOf(errors);
    }

    private void deliver(Consumer<Analysis> event) {
        Iterator<PluginAnalysis> it = analyses.iterator();
        while (it.hasNext()) {
            PluginAnalysis entry = it.next();
            try {
                event.accept(entry.analysis());
            } catch (Throwable failure) {
                it.remove();
                errors.add(isolate(entry.pluginName(), failure));
            }
        }
    }

    private void requireStarted() {
        if (target == null) {
            throw new IllegalStateException("the scanner did not call onStart first");
        }
    }

    /**
     * Turns a plugin's failure into a report error. The JVM's own failures (out of memory, stack
     * overflow) say nothing about the plugin and leave nothing safe to go on with, so they escape.
     */
    private static ReportError isolate(String pluginName, Throwable failure) {
        if (failure instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        String type = failure.getClass().getSimpleName().isEmpty() ? failure.getClass().getName()
                : failure.getClass().getSimpleName();
        return new ReportError(pluginName, failure.getMessage() == null ? type : type + ": " + failure.getMessage());
    }
}
