package org.gstats.scanner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanTarget;

/** Keeps every event of a scan, content included, and checks the promised order. */
class ContentListener implements ScanListener {

    ScanTarget target;
    HeadCheckout checkout;
    final List<CommitInfo> commits = new ArrayList<>();
    final List<FileChange> changes = new ArrayList<>();
    final List<FileInfo> files = new ArrayList<>();
    final List<FileContent> headContents = new ArrayList<>();
    /** A historical content and the change it followed. */
    record Historical(FileChange change, FileContent content) {
    }

    final List<Historical> historical = new ArrayList<>();
    private FileChange lastChange;
    private FileInfo lastFile;

    @Override
    public void onStart(ScanTarget scanTarget) {
        assertNull(target);
        target = scanTarget;
    }

    @Override
    public void onCheckout(HeadCheckout headCheckout) {
        assertNull("one checkout, before the commits", checkout);
        assertEquals(0, commits.size());
        checkout = headCheckout;
    }

    @Override
    public void onCommit(CommitInfo commit) {
        assertEquals("head files come after the commits", 0, files.size());
        commits.add(commit);
        lastChange = null;
    }

    @Override
    public void onFileChange(FileChange change) {
        changes.add(change);
        lastChange = change;
    }

    @Override
    public void onHistoricalContent(FileContent content) {
        assertNotNull("historical content follows its change", lastChange);
        assertEquals(lastChange.path(), content.path());
        assertEquals(lastChange.commitId(), content.commitId());
        historical.add(new Historical(lastChange, content));
        lastChange = null;
    }

    @Override
    public void onFileInfo(FileInfo file) {
        files.add(file);
        lastFile = file;
    }

    @Override
    public void onFileContent(FileContent content) {
        assertNotNull("head content follows its file info", lastFile);
        assertEquals(lastFile, content.file());
        assertEquals(target.headId(), content.commitId());
        headContents.add(content);
        lastFile = null;
    }
}
