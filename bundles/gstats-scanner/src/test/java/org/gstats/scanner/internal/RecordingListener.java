package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;

/** Keeps what a scan reported, and checks that the events came in the promised order. */
final class RecordingListener implements ScanListener {

    ScanTarget target;
    final List<CommitInfo> commits = new ArrayList<>();
    final Map<String, List<FileChange>> changes = new LinkedHashMap<>();
    final List<ScanWarning> warnings = new ArrayList<>();

    @Override
    public void onStart(ScanTarget scanTarget) {
        assertNull("onStart called twice", target);
        target = scanTarget;
    }

    @Override
    public void onCommit(CommitInfo commit) {
        assertNotNull("onCommit before onStart", target);
        commits.add(commit);
        changes.put(commit.id(), new ArrayList<>());
    }

    @Override
    public void onFileChange(FileChange change) {
        assertEquals("a file change belongs to the commit reported just before it",
                commits.get(commits.size() - 1).id(), change.commitId());
        changes.get(change.commitId()).add(change);
    }

    @Override
    public void onWarning(ScanWarning warning) {
        assertNotNull("onWarning before onStart", target);
        warnings.add(warning);
    }

    List<String> commitIds() {
        return commits.stream().map(CommitInfo::id).toList();
    }
}
