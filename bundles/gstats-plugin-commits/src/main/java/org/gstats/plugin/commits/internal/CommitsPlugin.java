package org.gstats.plugin.commits.internal;

import org.gstats.api.Analysis;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.converter.Converters;

/**
 * Commit history statistics: totals, one row per author, commits per month, and with
 * {@code [module.commits] changes} (the option {@code --changes}) every file change. Its
 * settings are the scan's ({@link ScanContext#settings()}): each scan reads its own.
 */
@Component(service = ScannerPlugin.class)
public final class CommitsPlugin implements ScannerPlugin {

    static final String NAME = "commits";
    static final String PID = "org.gstats.module.commits";

    /** {@code [module.commits]}, read from a scan's settings. */
    @ObjectClassDefinition(pid = PID, name = "gstats commits plugin",
            description = "[module.commits] of the gstats configuration")
    public @interface Config {

        @AttributeDefinition(name = "--changes", description = "list every file change of every commit")
        boolean changes() default false;

        @AttributeDefinition(
                description = "count merge commits (false: as git log --no-merges; merges still says how many)")
        boolean include_merges() default true;
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
        Config config = Converters.standardConverter().convert(context.settings()).to(Config.class);
        return new CommitsAnalysis(config.changes(), config.include_merges());
    }
}
