package org.gstats.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests (the store's and the fleet's), from the Debian package's {@code initdb} and
 * {@code pg_ctl}: a temporary data directory, a free port, the user {@value #USER} with the
 * password {@value #PASSWORD} over TCP (SCRAM), stopped and deleted by {@link #close}. initdb refuses to run as root, so as
 * root the server runs as the package's {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "gstats";
    public static final String PASSWORD = "gstats-secret";
    public static final String INSTALL = "apt-get install -y postgresql";

    private final Path dir;
    private final Path bin;
    private final int port;

    private PostgresServer(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    public static PostgresServer start() throws Exception {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("gstats-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(dir, bin, port);
        if (root()) {
            run("chown", "postgres", dir.toString());
        }
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        if (root()) {
            run("chown", "postgres", passwordFile.toString());
        }
        server.asOwner(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "--auth-local=trust",
                "--auth-host=scram-sha-256", "--pwfile=" + passwordFile, "-U", USER, "--no-sync");
        server.asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-l",
                dir.resolve("log").toString(), "-w", "start");
        return server;
    }

    /** A JDBC URL of a new, empty database on the server. */
    public String newDatabase(String name) throws Exception {
        asOwner(bin.resolve("createdb").toString(), "-h", dir.toString(), "-p", String.valueOf(port), "-U", USER, name);
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Stops the server now (it stays stopped; {@link #close} still deletes it). */
    public void stop() throws Exception {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder()).orElseThrow(() -> missing());
        } catch (IOException e) {
            throw missing();
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("PostgreSQL is not installed: these tests start a throwaway server from "
                + "/usr/lib/postgresql/*/bin; install it with: " + INSTALL);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void asOwner(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (root()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        run(line.toArray(String[]::new));
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
