package org.gstats.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * What an {@code --output} path really names, found before anything is written: the report
 * replaces a regular file by renaming a new one over it, which must never happen to a device,
 * a FIFO or the link the user named. So symbolic links are followed to their final target
 * (a new file is created there, the link stays), FIFOs, character devices and a process's
 * descriptors ({@code /dev/stdout}, {@code /proc/self/fd/1}) are written in place, and
 * anything else that is not a regular file or a directory is refused.
 *
 * @param given the path as the user gave it, for messages
 * @param path  where to write: the final target of any links
 * @param kind  what is there
 */
record OutputTarget(Path given, Path path, Kind kind) {

    /** What the final target is. */
    enum Kind {
        /** A regular file, or nothing yet: written whole beside it and renamed over it. */
        FILE,
        /** A directory. */
        DIRECTORY,
        /** A FIFO, a character device or a process's descriptor: written in place, as a shell's {@code >} does. */
        STREAM,
    }

    /** Linux's limit on links followed in one lookup (MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;
    /** Names the kernel gives to the process's own descriptors; a link there leads to a pipe, a tty, a socket. */
    private static final Pattern DESCRIPTOR = Pattern
            .compile("/dev/std(in|out|err)|/dev/fd/\\d+|/proc/(self|thread-self|\\d+)(/task/\\d+)?/fd/\\d+");

    /** File type bits of {@code st_mode}, as {@code sys/stat.h} defines them. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /**
     * Follows {@code given} to what it names.
     *
     * @throws CommandFailure bad usage when it names a block device, a socket or another special
     *                        file, or a loop of links
     */
    static OutputTarget resolve(Path given) throws CommandFailure {
        Path current = given.toAbsolutePath();
        for (int links = 0; links <= MAX_LINKS; links++) {
            if (DESCRIPTOR.matcher(current.normalize().toString()).matches()) {
                return descriptor(given, current);
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new OutputTarget(given, current, Kind.FILE);
            } catch (IOException e) {
                throw CommandFailure.badUsage("cannot look at --output " + given + ": " + IoReasons.of(e));
            }
            if (attributes.isSymbolicLink()) {
                current = current.resolveSibling(readLink(given, current));
            } else if (attributes.isRegularFile()) {
                return new OutputTarget(given, current, Kind.FILE);
            } else if (attributes.isDirectory()) {
                return new OutputTarget(given, current, Kind.DIRECTORY);
            } else {
                return special(given, current);
            }
        }
        throw CommandFailure.badUsage("--output " + given + " is a loop of symbolic links (give a file name)");
    }

    private static Path readLink(Path given, Path link) throws CommandFailure {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw CommandFailure.badUsage("cannot read the link --output " + given + ": " + IoReasons.of(e));
        }
    }

    /** {@code /dev/stdout} and the like: whatever the descriptor is open on, it is written through it. */
    private static OutputTarget descriptor(Path given, Path current) throws CommandFailure {
        if (Files.isDirectory(current)) {
            throw CommandFailure.badUsage("--output " + given + " is a directory (give a file name)");
        }
        return new OutputTarget(given, current, Kind.STREAM);
    }

    private static OutputTarget special(Path given, Path current) throws CommandFailure {
        int type = fileType(current);
        if (type == S_IFIFO || type == S_IFCHR) {
            return new OutputTarget(given, current, Kind.STREAM);
        }
        String what = switch (type) {
            case S_IFBLK -> "a block device";
            case S_IFSOCK -> "a socket";
            default -> "a special file";
        };
        throw CommandFailure.badUsage("--output " + given + (given.equals(current) ? "" : " (" + current + ")")
                + " is " + what + ", not a file (give a file name; FIFOs and character devices such as /dev/null "
                + "are written as they are)");
    }

    /** The type bits of the file's mode; 0 where the file system does not tell them. */
    private static int fileType(Path path) {
        try {
            return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & S_IFMT;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    /** Whether the target is in place already, as opposed to a file to be created. */
    boolean exists() {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
