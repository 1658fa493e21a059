package org.gstats.plugin.commits.internal;

import org.gstats.api.Analysis;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * Commit history statistics: totals, one row per author, commits per month, and with the
 * option {@value #CHANGES_OPTION} every file change.
 */
@Component(service = ScannerPlugin.class)
public final class CommitsPlugin implements ScannerPlugin {

    static final String NAME = "commits";
    static final String CHANGES_OPTION = "commits.changes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Commits, merges, authors and changed lines: totals, per author, per month";
    }

    @Override
    public Analysis newAnalysis(ScanContext context) {
        return new CommitsAnalysis(context.flag(CHANGES_OPTION));
    }
}
