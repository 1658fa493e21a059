package org.gstats.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A daemon's command's standard input: the client's, asked for when the command first reads it,
 * so that a command that never reads leaves the client's stdin alone.
 */
final class ForwardedInput extends InputStream {

    private static final byte[] END = new byte[0];

    private final DaemonFrames frames;
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private boolean asked;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    ForwardedInput(DaemonFrames frames) {
        this.frames = frames;
    }

    /** What the client sent; an empty array for the end of its input. */
    void received(byte[] bytes) {
        chunks.add(bytes.length == 0 ? END : bytes);
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            if (!asked) {
                asked = true;
                frames.signal(DaemonProtocol.STDIN_WANTED);
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading standard input");
            }
            position = 0;
            if (current == END) {
                ended = true;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, bytes, offset, n);
        position += n;
        return n;
    }
}
