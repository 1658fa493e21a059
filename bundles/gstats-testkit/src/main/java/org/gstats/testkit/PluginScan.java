package org.gstats.testkit;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.ReportSection;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;

/**
 * One plugin over a real scan, without the engine: the scanner reads what the plugin's
 * requirements ask for and hands every event to the plugin's one analysis on the calling
 * thread, in the order the engine would.
 */
public final class PluginScan implements ScanListener {

    private final ScannerPlugin plugin;
    private final ScanRequest request;
    private Analysis analysis;

    private PluginScan(ScannerPlugin plugin, ScanRequest request) {
        this.plugin = plugin;
        this.request = request;
    }

    /** Scans with {@code scanner} and returns the plugin's section. */
    public static ReportSection run(RepositoryScanner scanner, ScanRequest request, ScannerPlugin plugin)
            throws ScanException {
        PluginScan scan = new PluginScan(plugin, request);
        scanner.scan(request, plugin.requirements(), scan);
        if (scan.analysis == null) {
            throw new IllegalStateException("the scanner never started the scan");
        }
        return scan.analysis.result();
    }

    @Override
    public void onStart(ScanTarget target) {
        // the plugin's own section of the scan's settings, as the engine hands it over
        analysis = plugin.newAnalysis(new ScanContext(target.repository(), target.branch(), target.headId(),
                request.options(), request.settings(ScanRequest.pluginSection(plugin.name()))));
    }

    @Override
    public void onCommit(CommitInfo commit) {
        analysis.onCommit(commit);
    }

    @Override
    public void onFileChange(FileChange change) {
        analysis.onFileChange(change);
    }

    @Override
    public void onFileInfo(FileInfo file) {
        analysis.onFileInfo(file);
    }

    @Override
    public void onFileContent(FileContent content) {
        analysis.onFileContent(content);
    }

    @Override
    public void onHistoricalContent(FileContent content) {
        analysis.onHistoricalContent(content);
    }

    @Override
    public void onCheckout(HeadCheckout checkout) {
        analysis.onCheckout(checkout);
    }
}
