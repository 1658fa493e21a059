package org.gstats.engine.internal;

import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.report.ReportSection;

/**
 * One plugin's analysis seen through its own requirements. The scanner reads content for
 * the requirements of all plugins folded together, so a plugin that asked for less (no
 * historical content, a smaller size limit, no binaries) must not receive what another
 * plugin asked for.
 */
final class RequiredContent implements Analysis {

    private final Analysis analysis;
    private final PluginDataRequirements requirements;

    /** @param requirements the plugin's own; {@code null} (a careless plugin) counts as none */
    RequiredContent(Analysis analysis, PluginDataRequirements requirements) {
        this.analysis = analysis;
        this.requirements = requirements == null ? PluginDataRequirements.NONE : requirements;
    }

    /** The requirements of all plugins together: what the scanner must read. */
    static PluginDataRequirements fold(Iterable<RegisteredPlugin> plugins) {
        PluginDataRequirements folded = PluginDataRequirements.NONE;
        for (RegisteredPlugin plugin : plugins) {
            try {
                PluginDataRequirements own = plugin.plugin().requirements();
                if (own != null) {
                    folded = folded.combine(own);
                }
            } catch (RuntimeException failure) {
                // The run asks again when it starts the plugin, and reports the failure then.
            }
        }
        return folded;
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
        if (requirements.headContent() && within(content)) {
            analysis.onFileContent(content);
        }
    }

    @Override
    public void onHistoricalContent(FileContent content) {
        if (requirements.historicalContent() && within(content)) {
            analysis.onHistoricalContent(content);
        }
    }

    @Override
    public void onCheckout(HeadCheckout checkout) {
        if (requirements.filesOnDisk()) {
            analysis.onCheckout(checkout);
        }
    }

    @Override
    public ReportSection result() {
        return analysis.result();
    }

    private boolean within(FileContent content) {
        return content.length() <= requirements.maxFileSize() && (!content.file().binary() || requirements.binaryContent());
    }
}
