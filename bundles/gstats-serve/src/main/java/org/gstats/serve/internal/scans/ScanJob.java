package org.gstats.serve.internal.scans;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.gstats.api.report.Report;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.store.StoredReport;

/**
 * One scan started over HTTP: its request, where it has got, and its report once done. Those
 * who follow it (server-sent event streams) are told of each change; one that subscribes late
 * first hears where the scan stands.
 */
public final class ScanJob {

    /** Where a scan stands. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    /**
     * A change a follower hears of.
     *
     * @param name   {@code state} or {@code progress}
     * @param fields what changed
     */
    public record Change(String name, Map<String, Object> fields) {
    }

    /** The id of a scan read back from the store is this and the store's scan id. */
    public static final String STORED_PREFIX = "stored-";

    private final String id;
    private final ScanRequest request;
    private final List<String> plugins;
    private final Instant created;
    private final List<Consumer<Change>> followers = new CopyOnWriteArrayList<>();

    private State state = State.QUEUED;
    private Instant started;
    private Instant finished;
    private String error;
    private Report report;
    private String reportJson;
    private Map<String, Object> progress = Map.of();
    /** Answers derived from the report (a table as JSON or CSV), made once: the report never changes. */
    private final Map<String, Object> derived = new ConcurrentHashMap<>();

    ScanJob(String id, ScanRequest request, List<String> plugins, Instant created) {
        this.id = id;
        this.request = request;
        this.plugins = List.copyOf(plugins);
        this.created = created;
    }

    /**
     * A scan the store recorded (this server's or a command line's), done, with its report as the
     * store keeps it: JSON only.
     */
    static ScanJob stored(StoredReport report, Instant now) {
        ScanJob job = new ScanJob(STORED_PREFIX + report.scanId(), ScanRequest.builder(report.repository()).build(),
                List.of(), now);
        job.running(now);
        job.done(null, report.json(), now);
        return job;
    }

    public String id() {
        return id;
    }

    /** The store's id of a scan read back from it; -1 for a scan this server ran. */
    long storedScanId() {
        return id.startsWith(STORED_PREFIX) ? Long.parseLong(id.substring(STORED_PREFIX.length())) : -1;
    }

    public Path repository() {
        return request.repository();
    }

    ScanRequest request() {
        return request;
    }

    List<String> plugins() {
        return plugins;
    }

    public synchronized State state() {
        return state;
    }

    public Instant created() {
        return created;
    }

    public synchronized Instant started() {
        return started;
    }

    public synchronized Instant finished() {
        return finished;
    }

    /** Why it failed, one line; {@code null} unless {@link State#FAILED}. */
    public synchronized String error() {
        return error;
    }

    /** The report; {@code null} until {@link State#DONE}, and for a {@linkplain #stored stored} scan. */
    public synchronized Report report() {
        return report;
    }

    /** The JSON report, written once by the json format; {@code null} until done. */
    public synchronized String reportJson() {
        return reportJson;
    }

    /**
     * What {@code make} derives from this scan, made the first time it is asked for under
     * {@code key} and kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, Function<ScanJob, T> make) {
        return (T) derived.computeIfAbsent(key, ignored -> make.apply(this));
    }

    /** The latest progress figures ({@code commits}, {@code total}, {@code rate}). */
    public synchronized Map<String, Object> progress() {
        return progress;
    }

    /**
     * Hears every change from now on, after the state as it is; returns false (and hears
     * nothing more) when the scan has already finished.
     */
    public boolean follow(Consumer<Change> follower) {
        Change now;
        Map<String, Object> lastProgress;
        boolean over;
        synchronized (this) {
            now = stateChange();
            lastProgress = progress;
            over = state.finished();
            if (!over) {
                followers.add(follower);
            }
        }
        if (!lastProgress.isEmpty()) {
            follower.accept(new Change("progress", lastProgress));
        }
        follower.accept(now);
        return !over;
    }

    public void unfollow(Consumer<Change> follower) {
        followers.remove(follower);
    }

    void running(Instant at) {
        synchronized (this) {
            state = State.RUNNING;
            started = at;
        }
        tell(stateChange());
    }

    void progressed(Map<String, Object> figures) {
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            progress = Map.copyOf(figures);
        }
        tell(new Change("progress", figures));
    }

    void done(Report result, String json, Instant at) {
        Change change;
        synchronized (this) {
            state = State.DONE;
            report = result;
            reportJson = json;
            finished = at;
            change = stateChange();
        }
        tell(change);
        followers.clear();
    }

    void failed(String reason, Instant at) {
        Change change;
        synchronized (this) {
            state = State.FAILED;
            error = reason;
            finished = at;
            change = stateChange();
        }
        tell(change);
        followers.clear();
    }

    private Change stateChange() {
        return error == null ? new Change("state", Map.of("id", id, "state", state.label()))
                : new Change("state", Map.of("id", id, "state", state.label(), "error", error));
    }

    private void tell(Change change) {
        for (Consumer<Change> follower : followers) {
            follower.accept(change);
        }
    }
}
