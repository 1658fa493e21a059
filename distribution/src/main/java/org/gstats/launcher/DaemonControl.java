package org.gstats.launcher;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code gstats daemon status|stop}: every daemon of this installation (one per environment and
 * launcher options it was started with), one line each; {@code stop} ends them after the commands
 * they run. A socket no daemon answers on is removed.
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
        for (Path socket : sockets) {
            Optional<String> status = ask(socket, stop);
            if (status.isPresent()) {
                answered++;
                out.println((stop ? "stopping: " : "") + status.get());
            }
        }
        if (answered == 0) {
            out.println("no gstats daemon runs for this installation");
        }
        out.flush();
        return 0;
    }

    /** The daemon's status line; empty, and its socket removed, when nobody answers on it. */
    private static Optional<String> ask(Path socket, boolean stop) {
        Optional<SocketChannel> connected = DaemonStarter.tryConnect(socket);
        if (connected.isEmpty()) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // left for the next client, which removes it too
            }
            return Optional.empty();
        }
        try (SocketChannel channel = connected.get()) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(SocketStreams.output(channel)));
            DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.input(channel)));
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
}
