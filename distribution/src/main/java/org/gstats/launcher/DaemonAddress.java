package org.gstats.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the daemon for a command lives, and which daemon that is. A daemon serves one user, one
 * installation's content (the Java runtime and every jar, as the framework cache keys it: a rebuild
 * means another daemon) and one set of what a framework fixes when it starts: the environment the
 * bundles read ({@link #KEYED_VARIABLES}) and the launcher's own options (the command-line rung of
 * the configuration, the plugin folder). A client whose environment or options differ gets a daemon
 * of its own; what differs per command (arguments, directory, terminal) travels in the request.
 *
 * <p>Its socket is {@code gstats-INSTALLATION-KEY.sock} in {@code $XDG_RUNTIME_DIR/gstats}, or
 * {@code gstats/run} in the cache folder when there is no runtime folder; that folder is the
 * user's alone (0700), or no daemon is used.
 *
 * @param folder       the runtime folder
 * @param logFolder    where the daemon's log goes: {@code gstats} in the cache folder
 * @param installation a short checksum of the installation's path: every daemon of it shares it
 * @param key          a checksum of everything the daemon is keyed by
 * @param description  that everything, as text (the daemon compares its installation's again)
 */
record DaemonAddress(Path folder, Path logFolder, String installation, String key, String description) {

    /** Variables a bundle or the JVM reads once per process, by name or by prefix (ending in "_"). */
    static final List<String> KEYED_VARIABLES = List.of("GSTATS_", "GIT_", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
            "XDG_STATE_HOME", "XDG_DATA_HOME", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR");
    /**
     * Decides whether a daemon is used, not what it computes (bin/gstats hands only auto and on to
     * a daemon). The idle timeout is keyed: a daemon keeps the one it started with.
     */
    private static final Set<String> UNKEYED = Set.of("GSTATS_DAEMON");
    private static final String PREFIX = "gstats-";
    private static final int MAX_SOCKET_PATH = 100;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /**
     * @param environment   the client's environment
     * @param content       {@link FrameworkCache#describe} of the installation
     * @param options       the launcher's options that reach the framework, as text
     * @param heapMegabytes the daemon's heap
     * @return empty when there is no folder of the user's alone to put the socket in
     */
    static Optional<DaemonAddress> of(Map<String, String> environment, Path installation, String content,
            String options, int heapMegabytes) {
        Optional<Path> folder = runtimeFolder(environment);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(content);
        text.append("protocol ").append(DaemonProtocol.VERSION).append('\n');
        text.append("heap ").append(heapMegabytes).append('\n');
        text.append("options ").append(options).append('\n');
        new TreeMap<>(environment).forEach((name, value) -> {
            if (keyed(name)) {
                text.append("env ").append(name).append('=').append(value).append('\n');
            }
        });
        DaemonAddress address = new DaemonAddress(folder.get(), cacheFolder(environment).orElse(folder.get()),
                checksum(installation.toString()), checksum(text.toString()), text.toString());
        // a Unix domain socket's path has room for about 100 bytes
        if (address.socket().toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    static boolean keyed(String name) {
        if (UNKEYED.contains(name)) {
            return false;
        }
        return KEYED_VARIABLES.stream().anyMatch(keyed -> keyed.endsWith("_") ? name.startsWith(keyed)
                : name.equals(keyed));
    }

    /** {@code $XDG_CACHE_HOME/gstats}, else {@code ~/.cache/gstats}. */
    private static Optional<Path> cacheFolder(Map<String, String> environment) {
        String cache = environment.get("XDG_CACHE_HOME");
        String home = environment.get("HOME");
        if (cache != null && Path.of(cache).isAbsolute()) {
            return Optional.of(Path.of(cache, "gstats"));
        }
        if (home != null && Path.of(home).isAbsolute()) {
            return Optional.of(Path.of(home, ".cache", "gstats"));
        }
        return Optional.empty();
    }

    /** {@code $XDG_RUNTIME_DIR/gstats}, else {@code gstats/run} in the cache folder; made 0700 when new. */
    static Optional<Path> runtimeFolder(Map<String, String> environment) {
        Path folder;
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && Path.of(runtime).isAbsolute()) {
            folder = Path.of(runtime, "gstats");
        } else {
            Optional<Path> cache = cacheFolder(environment);
            if (cache.isEmpty()) {
                return Optional.empty();
            }
            folder = cache.get().resolve("run");
        }
        try {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(folder.getParent());
                try {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another client made it at the same moment; checked below like any
                }
            }
            PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            // another user's folder, or one others may write into: no daemon rather than a shared socket
            if (!attributes.isDirectory() || !attributes.permissions().equals(OWNER_ONLY)
                    || !attributes.owner().getName().equals(System.getProperty("user.name"))) {
                return Optional.empty();
            }
            return Optional.of(folder);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    Path socket() {
        return folder.resolve(PREFIX + installation + "-" + key + ".sock");
    }

    /** Held by the client that starts the daemon, so that two starting at once start one. */
    Path lock() {
        return folder.resolve(PREFIX + installation + "-" + key + ".lock");
    }

    /** The daemon's log, in the cache folder. */
    Path log() {
        return logFolder.resolve("daemon-" + installation + "-" + key + ".log");
    }

    /** The sockets of every daemon of the installation at {@code installation}, for status and stop. */
    static List<Path> sockets(Path folder, Path installation) throws IOException {
        List<Path> sockets = new ArrayList<>();
        String prefix = PREFIX + checksum(installation.toString()) + "-";
        try (var entries = Files.newDirectoryStream(folder, prefix + "*.sock")) {
            entries.forEach(sockets::add);
        }
        sockets.sort(null);
        return sockets;
    }

    /** The key in a socket's file name. */
    static String keyOf(Path socket) {
        String name = socket.getFileName().toString();
        return name.substring(name.lastIndexOf('-') + 1, name.length() - ".sock".length());
    }

    private static String checksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
