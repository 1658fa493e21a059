package org.gstats.plugin.commits.internal;

import org.gstats.api.Analysis;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Commit history statistics: totals, one row per author, commits per month, and with the
 * option {@value #CHANGES_OPTION} or the configuration {@code [module.commits] changes} every
 * file change.
 */
@Component(service = ScannerPlugin.class, configurationPid = CommitsPlugin.PID)
@Designate(ocd = CommitsPlugin.Config.class)
public final class CommitsPlugin implements ScannerPlugin {

    static final String NAME = "commits";
    static final String CHANGES_OPTION = "commits.changes";
    static final String PID = "org.gstats.module.commits";

    /** {@code [module.commits]} as Configuration Admin hands it over. */
    @ObjectClassDefinition(name = "gstats commits plugin", description = "[module.commits] of the gstats configuration")
    public @interface Config {

        @AttributeDefinition(description = "list every file change of every commit")
        boolean changes() default false;

        @AttributeDefinition(description = "count merge commits (false: as git log --no-merges)")
        boolean include_merges() default true;
    }

    private volatile boolean changes;
    private volatile boolean includeMerges = true;

    @Activate
    @Modified
    void configure(Config config) {
        changes = config.changes();
        includeMerges = config.include_merges();
    }

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
        return new CommitsAnalysis(changes || context.flag(CHANGES_OPTION), includeMerges);
    }
}
