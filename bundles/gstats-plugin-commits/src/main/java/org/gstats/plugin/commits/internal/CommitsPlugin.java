package org.gstats.plugin.commits.internal;

import org.gstats.api.Analysis;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.osgi.util.converter.Converters;

/**
 * Commit history statistics: totals, one row per author (or per person with
 * {@code [module.commits] group-authors = "name"}, the option {@code --group-authors}), commits
 * per month, clusters of identities that look like one person, and with
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

        @AttributeDefinition(name = "--group-authors", description = "one author per name and email (email, as git shortlog -sne) or per "
                + "normalised name (name, as gitinspector)", options = {@Option(value = AuthorIdentities.BY_EMAIL),
                    @Option(value = AuthorIdentities.BY_NAME)})
        String group_authors() default AuthorIdentities.BY_EMAIL;
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
        return new CommitsAnalysis(config.changes(), config.include_merges(),
                AuthorIdentities.BY_NAME.equals(config.group_authors()));
    }
}
