package org.gstats.launcher;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that notices when its reader went away ({@code gstats scan | head -1}): the
 * write fails with "Broken pipe" (the JVM ignores SIGPIPE), which is remembered so that the run
 * can end quietly with status 0, as git does. Any other failure (a full disk) stays an error.
 */
final class ClosedPipe extends FilterOutputStream {

    private volatile boolean closed;

    ClosedPipe(OutputStream out) {
        super(out);
    }

    /** Whether a write found the reader gone. */
    boolean closed() {
        return closed;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw noted(e);
        }
    }

    private IOException noted(IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("Broken pipe")) {
            closed = true;
        }
        return e;
    }
}
