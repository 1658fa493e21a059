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
import org.osgi.service.metatype.annotations.Option;

/**
 * Commit history statistics: totals, one row per author (or per person with
 * {@value #GROUP_AUTHORS_OPTION} {@code name}), commits per month, clusters of identities that
 * look like one person, and with the
 * option {@value #CHANGES_OPTION} or the configuration {@code [module.commits] changes} every
 * file change.
 */
@Component(service = ScannerPlugin.class, configurationPid = CommitsPlugin.PID)
@Designate(ocd = CommitsPlugin.Config.class)
public final class CommitsPlugin implements ScannerPlugin {

    static final String NAME = "commits";
    static final String CHANGES_OPTION = "commits.changes";
    /** {@code --group-authors}: {@value AuthorIdentities#BY_EMAIL} or {@value AuthorIdentities#BY_NAME}. */
    static final String GROUP_AUTHORS_OPTION = "commits.group-authors";
    static final String PID = "org.gstats.module.commits";

    /** {@code [module.commits]} as Configuration Admin hands it over. */
    @ObjectClassDefinition(name = "gstats commits plugin", description = "[module.commits] of the gstats configuration")
    public @interface Config {

        @AttributeDefinition(description = "list every file change of every commit")
        boolean changes() default false;

        @AttributeDefinition(description = "count merge commits (false: as git log --no-merges)")
        boolean include_merges() default true;

        @AttributeDefinition(description = "one author per name and email (email, as git shortlog -sne) or per "
                + "normalised name (name, as gitinspector)", options = {@Option(value = AuthorIdentities.BY_EMAIL),
                    @Option(value = AuthorIdentities.BY_NAME)})
        String group_authors() default AuthorIdentities.BY_EMAIL;
    }

    private volatile boolean changes;
    private volatile boolean includeMerges = true;
    private volatile String groupAuthors = AuthorIdentities.BY_EMAIL;

    @Activate
    @Modified
    void configure(Config config) {
        changes = config.changes();
        includeMerges = config.include_merges();
        groupAuthors = config.group_authors();
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
        String grouping = context.options().getOrDefault(GROUP_AUTHORS_OPTION, groupAuthors);
        return new CommitsAnalysis(changes || context.flag(CHANGES_OPTION), includeMerges,
                AuthorIdentities.BY_NAME.equals(grouping));
    }
}
