package org.gstats.scanner.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.errors.LargeObjectException;
import org.gstats.api.FileInfo;

/**
 * The head's files' infos, the first of them read ahead while the scan would otherwise wait (for
 * the store's open), the rest when their turn comes, when what an earlier scan told of a blob
 * (the store's answer, which reading ahead does not wait for) spares reading it. Its info is the
 * same either way ({@link FileTracker#info}); what reading it ahead met (a missing blob, a failed
 * read) is kept and met again at its turn, after the history, where a scan that did not read
 * ahead meets it.
 */
final class HeadFiles {

    private final FileTracker tracker;
    private final BlobCache blobs;
    /** Asked at a file's turn only: reading ahead happens while the store's answers would wait for its open. */
    private final FileTracker.Told told;
    /** Per file read ahead, in order: its {@link FileInfo}, or the exception its read threw. */
    private final List<Object> readAhead = new ArrayList<>();

    HeadFiles(FileTracker tracker, BlobCache blobs, FileTracker.Told told) {
        this.tracker = tracker;
        this.blobs = blobs;
        this.told = told;
    }

    List<FileTracker.HeadFile> files() {
        return tracker.files();
    }

    /** Reads the next file ahead; false when every file is read. */
    boolean readNext() {
        List<FileTracker.HeadFile> files = tracker.files();
        if (readAhead.size() == files.size()) {
            return false;
        }
        try {
            readAhead.add(tracker.info(files.get(readAhead.size()), blobs, FileTracker.Told.NONE));
        } catch (IOException | LargeObjectException e) {
            readAhead.add(e);
        }
        return true;
    }

    /** The {@code index}th file's info, as read ahead or read now. */
    FileInfo info(int index) throws IOException {
        if (index >= readAhead.size()) {
            return tracker.info(tracker.files().get(index), blobs, told);
        }
        Object read = readAhead.get(index);
        if (read instanceof IOException e) {
            throw e;
        }
        if (read instanceof LargeObjectException e) {
            throw e;
        }
        return (FileInfo) read;
    }
}
