package org.gstats.plugins.coupling.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code [module.coupling]}: the thresholds of {@link CouplingThresholds}, as code-maat names
 * them. gstats checks the section against this schema; a scan hands its values over in
 * {@code ScanContext.settings()}.
 */
@ObjectClassDefinition(pid = CouplingConfig.PID, name = "gstats coupling plugin",
        description = "[module.coupling] of the gstats configuration")
@interface CouplingConfig {

    String PID = "org.gstats.module.coupling";

    @AttributeDefinition(min = "0", description = "each file of a pair changed in at least this many commits")
    int min_revisions() default 5;

    @AttributeDefinition(min = "0", description = "the pair changed together in at least this many commits")
    int min_shared() default 5;

    @AttributeDefinition(min = "0", description = "coupling degree in percent at least this")
    int min_degree() default 30;

    @AttributeDefinition(min = "0", description = "commits that change more files than this are left out")
    int max_changeset_size() default 30;
}
