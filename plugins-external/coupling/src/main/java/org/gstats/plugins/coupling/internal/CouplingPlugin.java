package org.gstats.plugins.coupling.internal;

import org.gstats.api.Analysis;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * Change coupling: pairs of files that change in the same commits. The degree of a pair is
 * 100 · shared commits / mean of the two files' revisions. The scan's {@code [module.coupling]}
 * settings set the thresholds; see {@link CouplingThresholds}.
 */
@Component(service = ScannerPlugin.class)
public final class CouplingPlugin implements ScannerPlugin {

    static final String NAME = "coupling";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Change coupling: pairs of files changed in the same commits, with shared commits and degree";
    }

    @Override
    public Analysis newAnalysis(ScanContext context) {
        return new CouplingAnalysis(CouplingThresholds.from(context.settings()));
    }
}
