package org.gstats.launcher;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Connects a client to its daemon, starting one in the background when none answers. Two
 * clients starting at once take the same lock file: the first starts the daemon, the second
 * finds it running. A socket nobody answers on is a dead daemon's, and is removed.
 */
final class DaemonStarter {

    /** A daemon that is not ready within this is given up on: the client runs the command itself. */
    private static final long START_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(60);
    private static final long POLL_MS = 20;
    /** A log longer than this is started afresh when the next daemon starts. */
    private static final long LOG_LIMIT = 1 << 20;

    private DaemonStarter() {
    }

    /** The daemon's socket, connected; empty when there is none and it cannot be started. */
    static Optional<SocketChannel> connect(DaemonAddress address, List<String> command) {
        Optional<SocketChannel> running = tryConnect(address.socket());
        if (running.isPresent()) {
            return running;
        }
        try (FileChannel lockFile = FileChannel.open(address.lock(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            running = tryConnect(address.socket());
            if (running.isPresent()) {
                return running;
            }
            Files.deleteIfExists(address.socket());
            Files.createDirectories(address.log().getParent());
            if (Files.isRegularFile(address.log()) && Files.size(address.log()) > LOG_LIMIT) {
                Files.delete(address.log());
            }
            Process daemon = new ProcessBuilder(command).directory(new File("/"))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(address.log().toFile()))
                    .redirectErrorStream(true).start();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
            while (System.nanoTime() < deadline) {
                running = tryConnect(address.socket());
                if (running.isPresent() || !daemon.isAlive()) {
                    return running;
                }
                Thread.sleep(POLL_MS);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<SocketChannel> tryConnect(Path socket) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                return Optional.of(channel);
            } catch (IOException e) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
