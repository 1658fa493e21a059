package org.gstats.scanner.internal;

import java.io.File;
import java.io.IOException;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.gstats.api.FileContent;

/**
 * Reads the blobs of head files the scan handed over unread, when a plugin first asks for them: until
 * the listener's {@code onEnd} returns, on the plugin's thread. They are read through the repository
 * opened again at the first such read, not through the scan's: that one is closed before the plugins
 * make their sections, so that its pack indexes and cached pack data (tens of MB on a large history)
 * are not held while they do, and a rescan whose plugins kept a result for every blob opens nothing.
 */
final class ContentOnDemand implements AutoCloseable {

    private final File gitDir;
    private Repository reopened;
    private boolean closed;

    ContentOnDemand(File gitDir) {
        this.gitDir = gitDir;
    }

    /** What reads {@code id}'s bytes when asked for. */
    FileContent.Source source(ObjectId id) {
        return () -> {
            try (ObjectReader reader = repository().newObjectReader()) {
                return reader.open(id, Constants.OBJ_BLOB).getCachedBytes((int) BlobCache.MAX_BLOB_SIZE);
            }
        };
    }

    private synchronized Repository repository() throws IOException {
        if (closed) {
            throw new IOException("the scan has ended: content can be read until the plugin's result is made");
        }
        if (reopened == null) {
            reopened = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
        }
        return reopened;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (reopened != null) {
            reopened.close();
        }
    }
}
