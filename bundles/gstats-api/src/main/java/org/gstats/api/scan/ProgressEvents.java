package org.gstats.api.scan;

/**
 * The EventAdmin topic on which the engine publishes how far a scan has got, and the event's
 * properties. Events are posted (asynchronous), about every thousand commits and once at the
 * end; a subscriber registers an {@code org.osgi.service.event.EventHandler} with
 * {@code event.topics=}{@value #TOPIC}.
 */
public final class ProgressEvents {

    /** The topic. */
    public static final String TOPIC = "org/gstats/scan/PROGRESS";
    /** {@link String}: the repository as requested, an absolute path. */
    public static final String REPOSITORY = "repository";
    /** {@link Long}: commits scanned so far. */
    public static final String COMMITS = "commits";
    /**
     * {@link Long}: the number of commits the scan will see, present only when known before
     * the walk ends.
     */
    public static final String TOTAL = "total";
    /** {@link Double}: commits per second since the scan started. */
    public static final String RATE = "rate";
    /** {@link Long}: milliseconds since the scan started. */
    public static final String ELAPSED_MS = "elapsed.ms";
    /** {@link Boolean}: true on the last event of a scan that finished. */
    public static final String DONE = "done";

    private ProgressEvents() {
    }
}
