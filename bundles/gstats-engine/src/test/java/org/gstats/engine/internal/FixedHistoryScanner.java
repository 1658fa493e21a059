package org.gstats.engine.internal;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;

/**
 * A scanner that replays a fixed history, to test the engine's delivery without git. An
 * optional action runs right after {@code onStart}, e.g. to change the plugin set mid-scan.
 */
final class FixedHistoryScanner implements RepositoryScanner {

    /** A commit and the file changes that follow it, or a warning. */
    record Step(CommitInfo commit, List<FileChange> changes, ScanWarning warning) {
    }

    static final Path REPOSITORY = Path.of("/repos/sample");

    private final String headId;
    private final List<Step> steps = new ArrayList<>();
    private Runnable afterStart = () -> {
    };

    FixedHistoryScanner(String headId) {
        this.headId = headId;
    }

    /** No commits at all: a freshly initialised repository. */
    static FixedHistoryScanner empty() {
        return new FixedHistoryScanner(null);
    }

    FixedHistoryScanner commit(String id, String... changedPaths) {
        CommitInfo commit = new CommitInfo(id, List.of(), "Ann", "ann@example.com",
                OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC), "Ann", "ann@example.com",
                OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC), "commit " + id);
        List<FileChange> changes = new ArrayList<>();
        for (String path : changedPaths) {
            changes.add(new FileChange(id, path, null, ChangeType.MODIFIED, 1, 1, false, 10, 10, 3));
        }
        steps.add(new Step(commit, changes, null));
        return this;
    }

    /** A warning reported after the commits so far. */
    FixedHistoryScanner warning(ScanWarning warning) {
        steps.add(new Step(null, List.of(), warning));
        return this;
    }

    FixedHistoryScanner afterStart(Runnable action) {
        afterStart = action;
        return this;
    }

    @Override
    public void scan(ScanRequest request, PluginDataRequirements requirements, ScanListener listener) {
        String branch = request.branch() == null ? "HEAD" : request.branch();
        listener.onStart(new ScanTarget(REPOSITORY, branch, headId));
        afterStart.run();
        for (Step step : steps) {
            if (step.warning() != null) {
                listener.onWarning(step.warning());
                continue;
            }
            listener.onCommit(step.commit());
            step.changes().forEach(listener::onFileChange);
        }
    }
}
