package org.gstats.itests.plugins;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.ReportSection;

/** A faulty plugin, {@value #NAME}: its analysis throws at the first commit. */
public class ThrowingPlugin implements ScannerPlugin, Analysis {

    public static final String NAME = "thrower";
    public static final String MESSAGE = "thrown on purpose by the thrower plugin";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Throws at the first commit";
    }

    @Override
    public Analysis newAnalysis(ScanContext context) {
        return new ThrowingPlugin();
    }

    @Override
    public void onCommit(CommitInfo commit) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public ReportSection result() {
        throw new IllegalStateException("the thrower never gets this far");
    }
}
