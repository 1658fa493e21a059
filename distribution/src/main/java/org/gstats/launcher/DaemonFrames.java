package org.gstats.launcher;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The daemon's side of a run's channel. Frames are queued in the order they are written and
 * sent by a thread of their own, so that what the command writes to stdout and stderr reaches the
 * client in that order, and so that interrupting the command (a cancel) never interrupts a write
 * on the socket: an interrupted channel operation closes the channel, and the exit status would
 * never arrive.
 */
final class DaemonFrames {

    /** Frames no longer than this, so that a large write does not hold the others up for long. */
    private static final int CHUNK = 1 << 16;
    /** At most this many frames wait: a client that reads slowly slows the command down, as a pipe does. */
    private static final int QUEUED = 64;
    private static final byte[] END = new byte[0];
    private static final long DRAIN_SECONDS = 30;

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread sender;
    private volatile IOException failure;

    DaemonFrames(DataOutputStream out) {
        sender = new Thread(() -> send(out), "gstats-daemon-frames");
        sender.setDaemon(true);
        sender.start();
    }

    private void send(DataOutputStream out) {
        while (true) {
            byte[] frame;
            try {
                frame = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (frame == END) {
                try {
                    out.flush();
                } catch (IOException e) {
                    failure = e;
                }
                return;
            }
            if (failure != null) {
                // the client is gone: what is still queued is dropped, and writers are told
                continue;
            }
            try {
                out.write(frame);
                if (queue.isEmpty()) {
                    out.flush();
                }
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    synchronized void data(byte kind, byte[] bytes, int offset, int length) throws IOException {
        for (int start = offset; start < offset + length; start += CHUNK) {
            int size = Math.min(CHUNK, offset + length - start);
            ByteArrayOutputStream frame = new ByteArrayOutputStream(size + 5);
            DataOutputStream data = new DataOutputStream(frame);
            data.writeByte(kind);
            data.writeInt(size);
            data.write(bytes, start, size);
            enqueue(frame.toByteArray());
        }
    }

    synchronized void signal(byte kind) throws IOException {
        enqueue(new byte[] {kind});
    }

    /** Sends the exit status after everything queued, and waits until it is sent. */
    void exit(int status) throws IOException {
        synchronized (this) {
            enqueue(new byte[] {DaemonProtocol.EXIT, (byte) (status >>> 24), (byte) (status >>> 16),
                    (byte) (status >>> 8), (byte) status});
            enqueue(END);
        }
        try {
            sender.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void enqueue(byte[] frame) throws IOException {
        if (failure != null) {
            throw failure;
        }
        // offer first: put refuses at once in a thread whose interrupt flag is set
        if (queue.offer(frame)) {
            return;
        }
        try {
            queue.put(frame);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing to the client");
        }
    }

    /**
     * One of the command's output streams.
     *
     * @param closed when it says so, writes fail as a closed pipe does (the client's reader went
     *               away)
     * @param muted  when it says so, writes are dropped (the run was cancelled)
     */
    OutputStream stream(byte kind, BooleanSupplier closed, BooleanSupplier muted) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (muted.getAsBoolean()) {
                    return;
                }
                if (closed.getAsBoolean()) {
                    throw new IOException("Broken pipe");
                }
                data(kind, bytes, offset, length);
            }
        };
    }
}
