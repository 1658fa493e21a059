package org.gstats.serve.internal.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may ask and what they may name: the bearer token, when one is set, and the roots a
 * repository must lie under. Paths are compared as real paths, so a symbolic link that leads
 * out of a root is outside it.
 */
public final class Access {

    private static final String BEARER = "Bearer ";

    private final List<Path> roots;
    private final byte[] token;

    /**
     * @param roots real paths of the directories repositories may lie under
     * @param token the token requests must carry; empty for none
     */
    public Access(List<Path> roots, String token) {
        this.roots = List.copyOf(roots);
        this.token = token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public List<Path> roots() {
        return roots;
    }

    /** Whether the request's {@code Authorization} header lets it in. */
    public boolean admits(String authorization) {
        if (token == null) {
            return true;
        }
        // the scheme's name is case-insensitive (RFC 9110, 11.1): curl users write "bearer" too
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // constant time: the comparison must not tell how much of a guess was right
        return MessageDigest.isEqual(token, authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The real path of the repository the user named, relative names taken against the first
     * root.
     *
     * @throws Refusal when the path is malformed, has a {@code ..} segment, does not exist, or
     *                 lies outside every root
     */
    public Path repository(String given) throws Refusal {
        if (given == null || given.isBlank()) {
            throw new Refusal(400, "the request names no repository (give \"repository\": PATH)");
        }
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            throw new Refusal(400, "'" + given + "' is not a path");
        }
        for (Path segment : path) {
            if (segment.toString().equals("..")) {
                throw new Refusal(403, "'" + given + "' has a '..' segment; name the repository by its own path");
            }
        }
        Path absolute = path.isAbsolute() || roots.isEmpty() ? path : roots.get(0).resolve(path);
        if (!Files.exists(absolute)) {
            if (!under(absolute.normalize())) {
                throw outside(given);
            }
            throw new Refusal(404, "there is no directory at " + absolute);
        }
        Path real;
        try {
            real = absolute.toRealPath();
        } catch (IOException e) {
            throw new Refusal(404, "cannot read " + absolute);
        }
        if (!under(real)) {
            throw outside(given);
        }
        return real;
    }

    /** Whether a path from the store (already real when it was scanned) may be shown. */
    public boolean shows(Path stored) {
        try {
            return under(stored.toRealPath());
        } catch (IOException e) {
            return under(stored.normalize());
        }
    }

    /**
     * The Git repositories the roots hold, for a user to pick from before any was scanned: a
     * root that is one, and each directory directly in a root that is one (a work tree, or a bare
     * repository), as real paths, each root's by name. A link leading out of the roots is left out.
     */
    public List<Path> found() {
        Set<Path> found = new LinkedHashSet<>();
        for (Path root : roots) {
            if (isRepository(root)) {
                found.add(root);
                continue;
            }
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory).filter(Access::isRepository).sorted()
                        .map(Access::real).filter(path -> path != null && under(path)).forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                // a root that cannot be listed holds nothing to show
            }
        }
        return List.copyOf(found);
    }

    private static boolean isRepository(Path directory) {
        return Files.exists(directory.resolve(".git"))
                || Files.isRegularFile(directory.resolve("HEAD")) && Files.isDirectory(directory.resolve("objects"));
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private boolean under(Path path) {
        return roots.stream().anyMatch(path::startsWith);
    }

    private Refusal outside(String given) {
        return new Refusal(403, "'" + given + "' is outside the directories this server may scan (" + roots + ")");
    }

    /** A request refused: the HTTP status and one line for the user. */
    public static final class Refusal extends Exception {

        private static final long serialVersionUID = 1L;

        private final int status;

        public Refusal(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
