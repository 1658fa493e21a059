package org.gstats.itests.plugins;

import java.util.List;
import java.util.Map;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;

/**
 * A third party's plugin, {@value #NAME}, whose section says which build of it ran: the DS
 * property {@value #VERSION_PROPERTY} of its component description, which each test jar sets to
 * its bundle version. One class is plugin and analysis, so the jar needs one class file.
 */
public class VersionedPlugin implements ScannerPlugin, Analysis {

    public static final String NAME = "hello";
    public static final String VERSION_PROPERTY = "hello.version";

    private String version;
    private long commits;

    public VersionedPlugin() {
    }

    private VersionedPlugin(String version) {
        this.version = version;
    }

    void activate(Map<String, Object> properties) {
        version = String.valueOf(properties.get(VERSION_PROPERTY));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Says hello from build " + version;
    }

    @Override
    public Analysis newAnalysis(ScanContext context) {
        return new VersionedPlugin(version);
    }

    @Override
    public void onCommit(CommitInfo commit) {
        commits++;
    }

    @Override
    public ReportSection result() {
        return new ReportSection(NAME, List.of(new Fields("build", Map.of("version", version, "commits", commits))));
    }
}
