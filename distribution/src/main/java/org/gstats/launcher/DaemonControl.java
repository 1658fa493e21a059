package org.gstats.launcher;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code gstats daemon status|stop}: every daemon of this installation (one per environment and
 * launcher options it was started with), one line each; {@code stop} ends them after the commands
 * they run and returns once their processes have exited. A socket no daemon answers on is removed.
 */
final class DaemonControl {

    private DaemonControl() {
    }

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1 || !List.of("status", "stop").contains(arguments.get(0))) {
            err.println("gstats: usage: gstats daemon status|stop");
            return 2;
        }
        boolean stop = arguments.get(0).equals("stop");
        Optional<Path> folder = DaemonAddress.runtimeFolder(System.getenv());
        List<Path> sockets;
        try {
            Path home = Installation.locate().home();
            sockets = folder.isPresent() ? DaemonAddress.sockets(folder.get(), home) : List.of();
        } catch (IOException e) {
            err.println("gstats: cannot list the daemons: " + e.getMessage());
            return 1;
        }
        int answered = 0;
        List<SocketChannel> stopping = new ArrayList<>();
        for (Path socket : sockets) {
            Optional<SocketChannel> connected = connect(socket);
            if (connected.isEmpty()) {
                continue;
            }
            SocketChannel channel = connected.get();
            Optional<String> status = ask(channel, socket, stop);
            if (status.isPresent()) {
                answered++;
                out.println((stop ? "stopping: " : "") + status.get());
                out.flush();
            }
            if (status.isPresent() && stop) {
                stopping.add(channel);
            } else {
                close(channel);
            }
        }
        // a stopped daemon's connection ends with its process (after the commands it runs), so
        // that what follows `gstats daemon stop` finds its store and files released
        for (SocketChannel channel : stopping) {
            awaitEnd(channel);
        }
        if (answered == 0) {
            out.println("no gstats daemon runs for this installation");
        }
        out.flush();
        return 0;
    }

    /** A connection to the daemon on the socket; empty, and the socket removed, when nobody answers on it. */
    private static Optional<SocketChannel> connect(Path socket) {
        Optional<SocketChannel> connected = DaemonStarter.tryConnect(socket);
        if (connected.isEmpty()) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // left for the next client, which removes it too
            }
        }
        return connected;
    }

    /** The daemon's status line; empty when it does not answer as a daemon of this installation. */
    private static Optional<String> ask(SocketChannel channel, Path socket, boolean stop) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.input(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(SocketStreams.output(channel)));
            DaemonProtocol.writeOpening(out, DaemonAddress.keyOf(socket));
            out.writeByte(stop ? DaemonProtocol.STOP : DaemonProtocol.STATUS);
            out.flush();
            if (in.readByte() != DaemonProtocol.WELCOME) {
                return Optional.empty();
            }
            return Optional.of(DaemonProtocol.readString(in));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void awaitEnd(SocketChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        try (channel) {
            while (channel.read(buffer.clear()) >= 0) {
                // the daemon sends nothing more; the end of the stream is its exit
            }
        } catch (IOException e) {
            // a connection reset is an end too
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was left to say on it
        }
    }
}
