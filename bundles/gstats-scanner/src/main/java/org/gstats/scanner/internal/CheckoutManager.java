package org.gstats.scanner.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.gstats.api.HeadCheckout;

/**
 * Checks a commit out to a temporary folder, {@code <temp root>/gstats-checkout-*}/{@code <commit id>},
 * for plugins that need files on disk, and removes it when closed. A shutdown hook removes it
 * too when the process is stopped (Ctrl-C, SIGTERM) while the scan runs, since the scan's own
 * {@code finally} does not run then. Creates nothing unless {@link #checkout} is called.
 */
final class CheckoutManager implements AutoCloseable {

    private final Path tempRoot;
    private Path folder;
    private Thread cleanupOnExit;

    CheckoutManager(Path tempRoot) {
        this.tempRoot = tempRoot;
    }

    /** Writes {@code commit}'s tree (blobs as files, symlinks as links, submodules as empty folders). */
    HeadCheckout checkout(ObjectReader reader, RevCommit commit) throws IOException {
        if (folder != null) {
            throw new IllegalStateException("one checkout per scan");
        }
        folder = Files.createTempDirectory(tempRoot, "gstats-checkout-");
        cleanupOnExit = new Thread(() -> delete(folder), "gstats-checkout-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        Path root = Files.createDirectory(folder.resolve(commit.name())).toAbsolutePath();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            walk.addTree(commit.getTree());
            while (walk.next()) {
                Path file = root.resolve(walk.getPathString()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("path outside the checkout in commit " + commit.name() + ": "
                            + walk.getPathString());
                }
                write(reader, walk, file);
            }
        }
        return new HeadCheckout(root, commit.name());
    }

    private static void write(ObjectReader reader, TreeWalk walk, Path file) throws IOException {
        FileMode mode = walk.getFileMode(0);
        if (mode == FileMode.GITLINK) {
            Files.createDirectories(file);
            return;
        }
        Files.createDirectories(file.getParent());
        if (mode == FileMode.SYMLINK) {
            byte[] target = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes();
            Files.createSymbolicLink(file, Path.of(new String(target, StandardCharsets.UTF_8)));
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).copyTo(out);
        }
        if (mode == FileMode.EXECUTABLE_FILE) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway; deleting twice is harmless
        }
        delete(folder);
        folder = null;
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary checkout " + folder, e);
        }
    }
}
