package org.gstats.itests.plugins;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.ReportSection;

/**
 * A slow but well-behaved plugin, {@value #NAME}: half a second per commit, well inside any time
 * budget, and it stops when interrupted. It keeps a scan busy long enough to be removed from it.
 */
public class SlowPlugin implements ScannerPlugin, Analysis {

    public static final String NAME = "slow";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Half a second per commit";
    }

    @Override
    public Analysis newAnalysis(ScanContext context) {
        return new SlowPlugin();
    }

    @Override
    public void onCommit(CommitInfo commit) {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ReportSection result() {
        return new ReportSection(NAME, List.of());
    }
}
