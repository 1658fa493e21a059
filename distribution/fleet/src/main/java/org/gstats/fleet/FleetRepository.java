package org.gstats.fleet;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * One line of the repositories file: where the repository is (a local path or a clone URL),
 * which branch to scan ({@code null} for its HEAD), and the fleet's id for it, which keys its rows
 * in every table and names its Parquet partition.
 *
 * @param id           the last name of the location and 8 hex digits of its SHA-256: readable,
 *                     path-safe and stable across runs
 * @param location     a local path or a URL that git can clone
 * @param branch       branch, tag or commit; null for HEAD
 * @param sizeBytes    bytes of the local git objects (0 for a URL): the largest are scheduled first
 * @param previousHead the head stored by the last run, null when none
 */
public record FleetRepository(String id, String location, String branch, long sizeBytes, String previousHead)
        implements Serializable {

    /** A location is a URL when it names a scheme or an scp-like host ({@code git@host:path}). */
    public boolean remote() {
        return location.contains("://") || location.matches("^[^/]+@[^/]+:.*");
    }

    public FleetRepository withPreviousHead(String head) {
        return new FleetRepository(id, location, branch, sizeBytes, head);
    }

    static FleetRepository of(String location, String branch) {
        FleetRepository repository = new FleetRepository(idOf(location), location, branch, 0, null);
        return repository.remote() ? repository
                : new FleetRepository(repository.id, location, branch, objectBytes(Path.of(location)), null);
    }

    static String idOf(String location) {
        String trimmed = location.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
        String name = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return (name.isEmpty() ? "repository" : name) + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Bytes under the repository's objects folder; 0 when it is not there (the scan reports why). */
    private static long objectBytes(Path path) {
        Path objects = Files.isDirectory(path.resolve(".git/objects")) ? path.resolve(".git/objects")
                : path.resolve("objects");
        if (!Files.isDirectory(objects)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
