package org.gstats.itests.plugins;

import java.util.concurrent.TimeUnit;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.ReportSection;

/**
 * A stuck plugin, {@value #NAME}: its analysis sleeps at the first commit for far longer than
 * any time budget, and ignores being interrupted, as a plugin caught in a loop would.
 */
public class StallingPlugin implements ScannerPlugin, Analysis {

    public static final String NAME = "staller";

    private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(2);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Stalls at the first commit";
    }

    @Override
    public Analysis newAnalysis(ScanContext context) {
        return new StallingPlugin();
    }

    @Override
    public void onCommit(CommitInfo commit) {
        long end = System.nanoTime() + STALL_NANOS;
        while (System.nanoTime() < end) {
            try {
                TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
            } catch (InterruptedException ignored) {
                // stuck: it does not listen
            }
        }
    }

    @Override
    public ReportSection result() {
        throw new IllegalStateException("the staller never gets this far");
    }
}
