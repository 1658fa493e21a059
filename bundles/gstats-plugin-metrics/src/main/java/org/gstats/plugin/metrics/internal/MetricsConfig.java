package org.gstats.plugin.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The metrics plugin's configuration, PID {@value MetricsPlugin#PID}: the keys of the TOML
 * section {@code [module.metrics]}, where a dash in a key is a dot in the property (and an
 * underscore in the method name here), e.g. {@code top-n} is {@code top.n}.
 */
@ObjectClassDefinition(name = "gstats metrics", description = "[module.metrics] of the gstats configuration: "
        + "change frequency, complexity, hotspots, technical debt, format detection and duplication")
public @interface MetricsConfig {

    @AttributeDefinition(description = "time windows in days, counted back from the head commit's time")
    int[] windows() default {30, 90, 365};

    @AttributeDefinition(min = "1", description = "how many hotspots the hotspots table lists and coupling counts")
    int top_n() default 20;

    @AttributeDefinition(description = "weight of complexity in the debt score")
    double weight_complexity() default 0.30;

    @AttributeDefinition(description = "weight of churn in the debt score")
    double weight_churn() default 0.25;

    @AttributeDefinition(description = "weight of size (code lines) in the debt score")
    double weight_size() default 0.15;

    @AttributeDefinition(description = "weight of the duplicated-lines ratio in the debt score")
    double weight_duplication() default 0.20;

    @AttributeDefinition(description = "weight of coupling to hotspots in the debt score")
    double weight_coupling() default 0.10;

    @AttributeDefinition(description = "highest debt score (0..100) for ratings A, B, C and D; above the last is E")
    double[] rating_thresholds() default {10, 20, 35, 50};

    @AttributeDefinition(min = "1", description = "smallest clone in tokens")
    int min_tokens() default 50;

    @AttributeDefinition(min = "1", description = "smallest clone in lines")
    int min_lines() default 5;

    @AttributeDefinition(min = "0", description = "most files whose content is analysed; the rest get metadata only")
    int max_files() default 100_000;

    @AttributeDefinition(name = "[size]", description = "files larger than this get metadata only")
    long max_file_size() default 1024 * 1024;

    @AttributeDefinition(description = "compute per-function complexity (functions, hotspots, debt's complexity)")
    boolean complexity_analysis() default true;

    @AttributeDefinition(description = "count vendored files in the metrics beyond the files table")
    boolean include_vendored() default false;

    @AttributeDefinition(description = "count generated files in the metrics beyond the files table")
    boolean include_generated() default false;
}
