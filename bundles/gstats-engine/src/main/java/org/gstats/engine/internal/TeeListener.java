package org.gstats.engine.internal;

import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;

/** Hands each scanner event to the run, then to a recorder of the event stream. */
final class TeeListener implements ScanListener {

    private final ScanListener run;
    private final ScanListener recorder;

    TeeListener(ScanListener run, ScanListener recorder) {
        this.run = run;
        this.recorder = recorder;
    }

    @Override
    public void onStart(ScanTarget target) {
        run.onStart(target);
        recorder.onStart(target);
    }

    @Override
    public void onCommit(CommitInfo commit) {
        run.onCommit(commit);
        recorder.onCommit(commit);
    }

    @Override
    public void onFileChange(FileChange change) {
        run.onFileChange(change);
        recorder.onFileChange(change);
    }

    @Override
    public void onWarning(ScanWarning warning) {
        run.onWarning(warning);
        recorder.onWarning(warning);
    }

    @Override
    public void onFileInfo(FileInfo file) {
        run.onFileInfo(file);
        recorder.onFileInfo(file);
    }

    @Override
    public void onFileContent(FileContent content) {
        run.onFileContent(content);
        recorder.onFileContent(content);
    }

    @Override
    public void onHistoricalContent(FileContent content) {
        run.onHistoricalContent(content);
        recorder.onHistoricalContent(content);
    }

    @Override
    public void onCheckout(HeadCheckout checkout) {
        run.onCheckout(checkout);
        recorder.onCheckout(checkout);
    }

    @Override
    public void onEnd() {
        run.onEnd();
        recorder.onEnd();
    }
}
