package org.gstats.scanner.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The part of {@code [scanner]} that chooses which history one scan walks and how it counts
 * lines. No component reads it from Configuration Admin: each scan's values travel in its
 * request ({@code per scan} in the description says so to gstats-config), so this type is the
 * keys' declaration, their defaults and their checks.
 */
@ObjectClassDefinition(pid = HistoryConfiguration.PID, name = "gstats history",
        description = "[scanner] per scan: which history a scan walks and how it counts lines")
@interface HistoryConfiguration {

    String PID = "org.gstats.scanner.history";

    @AttributeDefinition(name = "--no-renames GSTATS_RENAMES",
            description = "detect renames as git log -M does; false is git log --no-renames")
    boolean renames() default true;

    @AttributeDefinition(name = "--first-parent", description = "follow only the first parent of merge commits")
    boolean first_parent() default false;

    @AttributeDefinition(name = "--include", description = "only files matching these patterns (empty: all)")
    String[] include() default {};

    @AttributeDefinition(name = "--exclude", description = "leave out files matching these patterns")
    String[] exclude() default {};

    @AttributeDefinition(name = "--max-commits", min = "0", description = "stop after this many commits (0: no limit)")
    int max_commits() default 0;

    @AttributeDefinition(name = "--no-mailmap", description = "map author names and emails through .mailmap")
    boolean mailmap() default true;

    @AttributeDefinition(name = "--diff-algorithm", description = "the diff that counts inserted and deleted lines",
            options = {@Option(value = "myers"), @Option(value = "histogram"), @Option(value = "minimal")})
    String diff_algorithm() default "myers";

    @AttributeDefinition(name = "--no-replace-objects GSTATS_REPLACE_OBJECTS",
            description = "read objects through refs/replace/ as git does; false is git --no-replace-objects "
                    + "(GIT_NO_REPLACE_OBJECTS turns it off too)")
    boolean replace_objects() default true;

    @AttributeDefinition(name = "--strict", description = "strict mode of gstats:scan (see gstats help scan)")
    boolean strict() default false;

    @AttributeDefinition(name = "[time] --since GSTATS_SINCE",
            description = "only commits committed at or after this time")
    String since() default "";

    @AttributeDefinition(name = "[time] --until GSTATS_UNTIL",
            description = "only commits committed at or before this time")
    String until() default "";
}
