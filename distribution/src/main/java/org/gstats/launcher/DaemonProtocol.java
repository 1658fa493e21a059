package org.gstats.launcher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What bin/gstats' client and the daemon say to each other over the Unix domain socket, in
 * {@link DataOutputStream} form. The client opens with {@link #MAGIC}, {@link #VERSION} and the
 * daemon's key (a daemon answers {@link #WELCOME} only to clients of its own installation,
 * environment and options), then one of {@link #RUN}, {@link #STATUS} or {@link #STOP}. During a
 * run both sides send frames: a kind byte, then for the data kinds a length and the bytes. Each
 * frame is written whole under one lock, so stdout and stderr arrive in the order they were written.
 */
final class DaemonProtocol {

    /** "GSTD". */
    static final int MAGIC = 0x47535444;
    /** Raised with any change here: a client and a daemon of different versions never talk. */
    static final int VERSION = 1;

    // the daemon's answer to the opening
    static final byte WELCOME = 'K';
    static final byte WRONG_DAEMON = 'W';

    // what the client asks for
    static final byte RUN = 'R';
    static final byte STATUS = 'S';
    static final byte STOP = 'Q';

    // the daemon's answer to RUN, before any frame
    static final byte ACCEPTED = 'A';
    /** Followed by the reason: the client runs the command directly. */
    static final byte REFUSED = 'N';

    // daemon to client, during a run
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    /** The command reads standard input: the client starts sending it. */
    static final byte STDIN_WANTED = 'I';
    static final byte EXIT = 'X';

    // client to daemon, during a run
    static final byte STDIN = 'D';
    static final byte STDIN_END = 'Z';
    /** Followed by the signal's number (2 SIGINT, 15 SIGTERM). */
    static final byte CANCEL = 'C';
    /** The reader of the client's standard output went away. */
    static final byte STDOUT_CLOSED = 'P';

    /** Longest string or frame accepted: what is longer is not from a client or daemon of ours. */
    static final int MAX_LENGTH = 1 << 24;

    private DaemonProtocol() {
    }

    static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("not a gstats daemon's message (length " + length + ")");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** The opening: magic, version, the key of the daemon the client means. */
    static void writeOpening(DataOutputStream out, String key) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeString(out, key);
    }

    /** Whether the opening is a client of this protocol version asking for the daemon with {@code key}. */
    static boolean readOpening(DataInputStream in, String key) throws IOException {
        try {
            return in.readInt() == MAGIC && in.readInt() == VERSION && key.equals(readString(in));
        } catch (EOFException e) {
            return false;
        }
    }
}
