package org.gstats.api.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened, as posted to EventAdmin: its topic, when, and its properties
 * (strings, numbers and booleans only).
 *
 * @param topic      one of the topics below
 * @param time       when it happened
 * @param properties what it is about, e.g. {@value #REPOSITORY}, {@value #COMMITS}, {@value #PLUGIN}
 */
public record Notification(String topic, Instant time, Map<String, Object> properties) {

    /** Every gstats topic, as an EventAdmin topic pattern. */
    public static final String ALL = "org/gstats/*";
    /** A scan started: {@value #REPOSITORY}, {@value #PLUGINS}. */
    public static final String SCAN_STARTED = "org/gstats/scan/STARTED";
    /**
     * A scan got further: the engine's progress event, with the properties of
     * {@link org.gstats.api.scan.ProgressEvents} ({@value #REPOSITORY}, {@value #COMMITS}, rate, ...).
     */
    public static final String SCAN_PROGRESS = org.gstats.api.scan.ProgressEvents.TOPIC;
    /** A scan finished: {@value #REPOSITORY}, {@value #COMMITS}, {@value #DURATION_MS}, {@value #ERRORS}. */
    public static final String SCAN_FINISHED = "org/gstats/scan/FINISHED";
    /** A scan could not run or finish: {@value #REPOSITORY}, {@value #MESSAGE}. */
    public static final String SCAN_FAILED = "org/gstats/scan/FAILED";
    /** A plugin failed in a scan and was dropped from it: {@value #PLUGIN}, {@value #MESSAGE}. */
    public static final String PLUGIN_FAILED = "org/gstats/plugin/FAILED";
    /** A plugin service arrived: {@value #PLUGIN}. */
    public static final String PLUGIN_ADDED = "org/gstats/plugin/ADDED";
    /** A plugin service left: {@value #PLUGIN}. */
    public static final String PLUGIN_REMOVED = "org/gstats/plugin/REMOVED";
    /** A plugin's circuit breaker opened: {@value #PLUGIN}, {@value #MESSAGE}. */
    public static final String PLUGIN_DISABLED = "org/gstats/plugin/DISABLED";

    public static final String REPOSITORY = "repository";
    public static final String PLUGINS = "plugins";
    public static final String COMMITS = "commits";
    public static final String DURATION_MS = "duration_ms";
    public static final String ERRORS = "errors";
    public static final String PLUGIN = "plugin";
    public static final String MESSAGE = "message";

    public Notification {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(time, "time");
        properties = Map.copyOf(properties);
    }
}
