package org.gstats.shell.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes a directory of files so that readers never see it half written: the files go into a
 * hidden temporary directory beside the target (one file system, so renames are atomic), are
 * forced to disk, then the directory is renamed into place. A directory already there is
 * first renamed aside and removed once the new one is in place. On failure the temporary
 * directory is removed and the target is as it was.
 */
final class AtomicDirectory {

    /** Produces the directory's files. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path directory) throws IOException;
    }

    private AtomicDirectory() {
    }

    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = sibling(absolute, "tmp");
        Files.createDirectory(temporary);
        try {
            content.writeTo(temporary);
            forceFiles(temporary);
            moveIntoPlace(temporary, absolute);
        } finally {
            deleteTree(temporary);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = sibling(target, "old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    private static Path sibling(Path target, String purpose) {
        return target.resolveSibling("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "." + purpose);
    }

    private static void forceFiles(Path directory) throws IOException {
        for (Path file : tree(directory)) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths = tree(directory);
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    private static List<Path> tree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return new ArrayList<>(paths.toList());
        }
    }
}
