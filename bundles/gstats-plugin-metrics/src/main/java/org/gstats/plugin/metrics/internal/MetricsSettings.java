package org.gstats.plugin.metrics.internal;

import java.util.Arrays;
import java.util.Map;

import org.osgi.util.converter.Converters;

/**
 * The configuration, checked: what an analysis runs with. Bad values are refused with one line
 * that names the key and what it takes.
 */
record MetricsSettings(int[] windows, int topN, Weights weights, double[] ratingThresholds, int minTokens,
        int minLines, int maxFiles, long maxFileSize, boolean complexityAnalysis, boolean includeVendored,
        boolean includeGenerated) {

    /** Weights of the debt score's inputs. */
    record Weights(double complexity, double churn, double size, double duplication, double coupling) {

        double sum() {
            return complexity + churn + size + duplication + coupling;
        }
    }

    /** The defaults of {@link MetricsConfig}, its one schema. */
    static final MetricsSettings DEFAULTS = of(Map.of());

    // each message is made only when its check fails: a record's toString is linked at its first call,
    // which in a new JVM cost more than the checks (this constructor runs as the plugin activates)
    MetricsSettings {
        windows = windows.clone();
        ratingThresholds = ratingThresholds.clone();
        for (int window : windows) {
            if (window <= 0) {
                throw invalid("windows", "positive numbers of days, not " + window);
            }
        }
        if (topN <= 0) {
            throw invalid("top-n", "a positive number, not " + topN);
        }
        if (!(weights.complexity() >= 0 && weights.churn() >= 0 && weights.size() >= 0
                && weights.duplication() >= 0 && weights.coupling() >= 0 && weights.sum() > 0)) {
            throw invalid("weight-*", "weights of zero or more with a positive sum, not " + weights);
        }
        if (ratingThresholds.length != 4) {
            throw invalid("rating-thresholds",
                    "four ascending scores (the highest for A, B, C and D), not " + Arrays.toString(ratingThresholds));
        }
        for (int i = 1; i < ratingThresholds.length; i++) {
            if (!(ratingThresholds[i - 1] <= ratingThresholds[i])) {
                throw invalid("rating-thresholds", "ascending scores, not " + Arrays.toString(ratingThresholds));
            }
        }
        if (minTokens < 2) {
            throw invalid("min-tokens", "2 or more, not " + minTokens);
        }
        if (minLines < 1) {
            throw invalid("min-lines", "1 or more, not " + minLines);
        }
        if (maxFiles < 0) {
            throw invalid("max-files", "0 or more, not " + maxFiles);
        }
        if (maxFileSize < 0) {
            throw invalid("max-file-size", "0 or more bytes, not " + maxFileSize);
        }
    }

    /**
     * Settings as a scan or Configuration Admin holds them (property names with dots), read into
     * {@link MetricsConfig} by the OSGi Converter; a key not there takes the annotation's default.
     */
    static MetricsSettings of(Map<String, ?> properties) {
        return of(Converters.standardConverter().convert(properties).to(MetricsConfig.class));
    }

    static MetricsSettings of(MetricsConfig config) {
        return new MetricsSettings(config.windows(), config.top_n(),
                new Weights(config.weight_complexity(), config.weight_churn(), config.weight_size(),
                        config.weight_duplication(), config.weight_coupling()),
                config.rating_thresholds(), config.min_tokens(), config.min_lines(), config.max_files(),
                config.max_file_size(), config.complexity_analysis(), config.include_vendored(),
                config.include_generated());
    }

    @Override
    public int[] windows() {
        return windows.clone();
    }

    @Override
    public double[] ratingThresholds() {
        return ratingThresholds.clone();
    }

    /** The rating A–E of a debt score. */
    String rating(double score) {
        for (int i = 0; i < ratingThresholds.length; i++) {
            if (score <= ratingThresholds[i]) {
                return String.valueOf((char) ('A' + i));
            }
        }
        return "E";
    }

    private static IllegalArgumentException invalid(String key, String what) {
        return new IllegalArgumentException("[module.metrics] " + key + " takes " + what);
    }
}
