package org.gstats.scanner.internal;

import java.io.IOException;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.gstats.api.ChangeType;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.PluginDataRequirements;

/**
 * Hands file content to plugins as far as the scan's folded requirements ask, through the
 * scan's one {@link BlobCache}: a version the diff has just read is not read again, and each
 * {@link FileContent} is made once and shared by every plugin that receives it.
 */
final class ContentReader {

    private final BlobCache blobs;
    private final ObjectReader reader;
    private final PluginDataRequirements requirements;
    private final ScanObserver observer;

    ContentReader(BlobCache blobs, ObjectReader reader, PluginDataRequirements requirements, ScanObserver observer) {
        this.blobs = blobs;
        this.reader = reader;
        this.requirements = requirements;
        this.observer = observer;
    }

    /** The head file's content, or {@code null} when no plugin wants it. */
    FileContent head(FileTracker.HeadFile file, FileInfo info, String headId) throws IOException {
        if (!requirements.headContent() || !wanted(info.size(), info.binary())) {
            return null;
        }
        return content(blobs.load(file.id()), info, headId, file.id());
    }

    /**
     * The file's content right after {@code change}, or {@code null} when no plugin wants it
     * (deletions, submodules, files over the size limit, binaries unless asked for).
     */
    FileContent historical(RevCommit commit, FileChange change) throws IOException {
        if (!requirements.historicalContent() || change.type() == ChangeType.DELETED
                || change.newSize() > requirements.maxFileSize()) {
            return null;
        }
        try (TreeWalk entry = TreeWalk.forPath(reader, change.path(), commit.getTree())) {
            if (entry == null || entry.getFileMode(0) == FileMode.GITLINK) {
                return null;
            }
            Blob blob = blobs.load(entry.getObjectId(0));
            if (!wanted(blob.size(), blob.binary())) {
                return null;
            }
            FileInfo info = new FileInfo(change.path(), blob.size(), blob.binary() ? -1 : blob.lineCount(),
                    blob.binary());
            return content(blob, info, commit.name(), entry.getObjectId(0));
        }
    }

    private boolean wanted(long size, boolean binary) {
        return size <= requirements.maxFileSize() && (!binary || requirements.binaryContent());
    }

    private FileContent content(Blob blob, FileInfo info, String commitId, ObjectId blobId) {
        // A blob over the scanner's own read limit has no bytes to give.
        if (blob.content() == null) {
            return null;
        }
        observer.contentDelivered();
        return new FileContent(info, commitId, blobId.name(), blob.content());
    }
}
