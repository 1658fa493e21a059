package org.gstats.plugins.ownership.internal;

import org.gstats.api.Analysis;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * Who owns the code: per file and per directory the main author by lines added, the share of
 * the lines they added, the number of contributors and the fragmentation (1 − Σ share²); and the
 * repository's bus factor, the smallest set of authors who are main author of more than half of
 * the files.
 */
@Component(service = ScannerPlugin.class)
public final class OwnershipPlugin implements ScannerPlugin {

    static final String NAME = "ownership";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Code ownership and bus factor: main author, ownership share, contributors, fragmentation";
    }

    @Override
    public Analysis newAnalysis(ScanContext context) {
        return new OwnershipAnalysis();
    }
}
