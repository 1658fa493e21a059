package org.gstats.scanner.internal;

import java.io.IOException;

import org.eclipse.jgit.lib.ObjectReader;

/**
 * Reads the head's files on a thread of its own while the walk goes on, once the scan replays
 * recorded commits. No diff reads a replayed commit's blobs, so in a rescan the head's sizes and
 * line counts (and the content plugins' bytes) were all read one after the other once the walk
 * had ended, a fifth of a rescan's scan thread. What this thread reads goes where a diff's read
 * goes: its stats to the {@link FileTracker}, the blob into the scan's {@link BlobCache}, so the
 * head's turn finds both; what it has not read by then, or could not read, the head's turn reads
 * as before (its errors are the head's to report: here a failed read only ends the thread). The
 * events, and their order, are the same either way.
 *
 * <p>It reads no more than half of what the blob cache keeps: past that, what it read would be
 * crowded out before its use and read twice. Never interrupted: an interrupt closes JGit's pack
 * channels under the other readers.
 */
final class HeadPrefetch implements AutoCloseable {

    private final ObjectReader scanReader;
    private Thread thread;
    private volatile boolean stopped;

    /** @param scanReader the scan thread's reader, from which this thread's own is made */
    HeadPrefetch(ObjectReader scanReader) {
        this.scanReader = scanReader;
    }

    /** Whether it has started. */
    boolean started() {
        return thread != null;
    }

    /** Starts reading the head files that no diff has read yet, in the order the head's turn takes them. */
    void start(FileTracker tracker, BlobCache blobs) {
        ObjectReader reader = scanReader.newReader();
        BlobCache view = blobs.withReader(reader);
        thread = new Thread(() -> {
            try (reader) {
                long footprint = 0;
                for (FileTracker.HeadFile file : tracker.files()) {
                    if (stopped || footprint > BlobCache.BUDGET / 2) {
                        return;
                    }
                    if (!tracker.known(file.id())) {
                        footprint += view.load(file.id()).footprint();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the head's turn reads this file again and reports what is wrong with it
            }
        }, "gstats-head-read");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the blob being read, and waits for that. */
    @Override
    public void close() {
        stopped = true;
        if (thread == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
