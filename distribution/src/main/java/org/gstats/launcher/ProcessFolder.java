package org.gstats.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary folder of a gstats process that has no {@link FrameworkCache} slot (all held, or
 * {@code GSTATS_FRAMEWORK_CACHE=off}), {@code gstats-felix-<pid>-<random>} in the system's temp
 * folder: the framework cache (where bundles keep their data, the scanner its checkouts) and
 * FileInstall's temporary files live in it, so that removing it removes all.
 * The process removes it when it ends; a process killed outright ({@code kill -9}, a crash)
 * cannot, so every start sweeps the folders of processes that are gone. A folder is gone
 * when its pid is not running and the lock its process held is free: the pid alone is not
 * proof, since pids are reused and another container sharing {@code /tmp} counts its own.
 */
final class ProcessFolder implements FrameworkStorage {

    static final String PREFIX = "gstats-felix-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.+");
    private static final String LOCK = "lock";

    private final Path folder;
    private final FileChannel lockChannel;

    private ProcessFolder(Path folder, FileChannel lockChannel) {
        this.folder = folder;
        this.lockChannel = lockChannel;
    }

    /** Creates this process's folder in {@code temp} and holds its lock until {@link #close()}. */
    static ProcessFolder create(Path temp) throws IOException {
        Path folder = Files.createTempDirectory(temp, PREFIX + ProcessHandle.current().pid() + "-");
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        channel.lock();
        return new ProcessFolder(folder, channel);
    }

    Path path() {
        return folder;
    }

    /** Where Felix keeps its cache. */
    @Override
    public Path frameworkStorage() {
        return folder.resolve("cache");
    }

    /** Where FileInstall copies what it installs. */
    @Override
    public Path fileInstallTemp() {
        return folder.resolve("fileinstall");
    }

    /** Always fresh: Felix cleans it on its first start. */
    @Override
    public boolean reused() {
        return false;
    }

    @Override
    public void installed() {
        // removed at the end: nothing to record for a next run
    }

    /** Felix cleans a fresh folder itself on its first start. */
    @Override
    public void reset() {
        // nothing kept to remove
    }

    /**
     * Removes the folders that processes which are gone left in {@code temp}; a folder that
     * cannot be removed (another user's) is left quietly.
     *
     * @return how many were removed
     */
    static int sweep(Path temp) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path entry : entries) {
                if (isLeftOver(entry) && deleteTree(entry)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // sweeping is a courtesy: a temp folder that cannot be listed must not stop the run
        }
        return removed;
    }

    private static boolean isLeftOver(Path entry) {
        Matcher name = NAME.matcher(entry.getFileName().toString());
        if (!name.matches() || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(name.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path lock = entry.resolve(LOCK);
        if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
            // killed in the instant between the folder and its lock, or not ours: left alone
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock()) {
            return held != null;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Releases the lock and removes the folder with everything in it. */
    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        if (!deleteTree(folder)) {
            System.err.println("gstats: could not delete the temporary folder " + folder);
        }
    }

    /** Deletes {@code root} and everything in it; true when it is gone. */
    static boolean deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
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
            return true;
        } catch (IOException e) {
            return !Files.exists(root, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
