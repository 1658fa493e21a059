package org.gstats.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Felix's storage kept between runs, in {@code $XDG_CACHE_HOME/gstats/} (else {@code ~/.cache/gstats/}),
 * so that a run finds the installation's bundles installed instead of writing and deleting their
 * cache entries (some 300 files and folders, about half a second of wall time on a disk where
 * creating and deleting files is slow).
 *
 * <p>A cache is one of {@value #SLOTS} slots, {@code felix-<installation>-<content>-<n>}, each held
 * by one process at a time through the lock file beside it: concurrent runs take different slots,
 * and a run that finds every slot taken uses a fresh folder of its own ({@link ProcessFolder}).
 * {@code <content>} is a checksum of {@linkplain #describe what the cache depends on} (the Java
 * runtime, the installation, each jar's name, size and time); the slot keeps that description in
 * full and is used only when it matches exactly and says the installation was complete. Anything
 * else (another build, a run killed while it installed) empties the slot first. A new build
 * removes the slots of the installation's earlier builds, and other installations' slots unused
 * for {@value #UNUSED_DAYS} days, that no process holds.
 */
final class FrameworkCache {

    /** Set to {@code off} to start every run on a fresh framework cache. */
    static final String ENVIRONMENT_VARIABLE = "GSTATS_FRAMEWORK_CACHE";
    /** At most this many concurrent runs of one build reuse a cache; more start fresh. */
    static final int SLOTS = 4;
    private static final String PREFIX = "felix-";
    /** Another installation's slots unused this long are removed, as bin/gstats removes its class archives. */
    static final int UNUSED_DAYS = 30;
    private static final String LOCK_SUFFIX = ".lock";
    /** Written into a slot's lock file when it is taken, which sets the file's time of last change. */
    private static final byte[] LAST_USE = {'\n'};
    /** Written last, after every bundle is installed: its content is the description the slot was built for. */
    private static final String COMPLETE = "complete";
    /**
     * The file in which Felix SCR keeps the component descriptions it parsed, with
     * {@code ds.cache.metadata=true} (config/framework.properties), written when it stops.
     */
    static final String SCR_METADATA_STORE = "componentMetadataStore";
    /**
     * The file in which gstats-config keeps its read of the installation's defaults file, which it
     * checks against the file's text and the installed bundles before it uses it.
     */
    static final String CONFIG_PARSED_DEFAULTS = "parsed-defaults";
    /** What the data areas keep when the slot is taken. */
    private static final Set<String> KEPT = Set.of(SCR_METADATA_STORE, CONFIG_PARSED_DEFAULTS);

    private final Path root;
    private final String installationKey;
    private final String description;

    private FrameworkCache(Path root, String installationKey, String description) {
        this.root = root;
        this.installationKey = installationKey;
        this.description = description;
    }

    /**
     * The cache for this installation and jars, under {@code $XDG_CACHE_HOME/gstats} (an absolute
     * {@code cacheHome}) or else {@code ~/.cache/gstats}; empty when {@code switchValue} is
     * {@code off} or there is no home folder to put it in.
     */
    static Optional<FrameworkCache> locate(String switchValue, String cacheHome, String userHome, Path installation,
            List<Path> jars) throws IOException {
        if ("off".equalsIgnoreCase(switchValue)) {
            return Optional.empty();
        }
        Path base;
        if (cacheHome != null && Path.of(cacheHome).isAbsolute()) {
            base = Path.of(cacheHome);
        } else if (userHome != null && !userHome.isBlank() && !"?".equals(userHome)) {
            base = Path.of(userHome, ".cache");
        } else {
            return Optional.empty();
        }
        return Optional.of(new FrameworkCache(base.resolve("gstats"), checksum(installation.toString()),
                describe(installation, jars)));
    }

    /**
     * What a cache depends on, one line each: the Java runtime, the installation, and every jar
     * (the framework's and the bundles') with its size and modification time. A rebuilt jar
     * changes its line, so a cache is never used with bundles other than those it installed.
     */
    static String describe(Path installation, List<Path> jars) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("java ").append(System.getProperty("java.home")).append(' ')
                .append(System.getProperty("java.vm.version")).append('\n');
        text.append("installation ").append(installation).append('\n');
        for (Path jar : jars) {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            text.append(jar).append(' ').append(attributes.size()).append(' ')
                    .append(attributes.lastModifiedTime().toMillis()).append('\n');
        }
        return text.toString();
    }

    private static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private String slotName(int slot) {
        return PREFIX + installationKey + "-" + checksum(description) + "-" + slot;
    }

    /**
     * Takes the first slot no other process holds, emptied unless it is complete for this
     * description; empty when all are held or the cache folder cannot be written.
     */
    Optional<Slot> claim() {
        try {
            Files.createDirectories(root);
            for (int slot = 0; slot < SLOTS; slot++) {
                Path folder = root.resolve(slotName(slot));
                Path lockFile = root.resolve(folder.getFileName() + LOCK_SUFFIX);
                Optional<FileChannel> lock = tryLock(lockFile);
                if (lock.isEmpty()) {
                    continue;
                }
                // when it was last used, which tells other installations' runs whether it is abandoned;
                // written through the locked channel: closing any other descriptor of the file (as
                // Files.setLastModifiedTime does) releases this process's lock on it
                lock.get().write(ByteBuffer.wrap(LAST_USE), 0);
                try {
                    boolean complete = description.equals(readComplete(folder));
                    if (!complete) {
                        if (slot == 0) {
                            removeEarlierBuilds();
                        }
                        ProcessFolder.deleteTree(folder);
                        Files.createDirectories(folder);
                    }
                    Slot claimed = new Slot(folder, lock.get(), complete, description);
                    if (complete) {
                        claimed.emptyDataAreas();
                    }
                    return Optional.of(claimed);
                } catch (IOException | RuntimeException e) {
                    lock.get().close();
                    throw e;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a cache is a speed-up: a folder that cannot be written means a fresh start, as before
        }
        return Optional.empty();
    }

    private static String readComplete(Path folder) {
        try {
            return Files.readString(folder.resolve(COMPLETE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Removes the slots of this installation's other builds, and those of other installations
     * (moved, replaced, removed) unused for {@value #UNUSED_DAYS} days, that no process holds.
     */
    private void removeEarlierBuilds() {
        String current = checksum(description);
        String ours = PREFIX + installationKey + "-";
        FileTime unusedSince = FileTime.from(Instant.now().minus(Duration.ofDays(UNUSED_DAYS)));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, PREFIX + "*" + LOCK_SUFFIX)) {
            for (Path lockFile : entries) {
                String name = lockFile.getFileName().toString();
                String slot = name.substring(0, name.length() - LOCK_SUFFIX.length());
                if (slot.startsWith(ours + current + "-") || !slot.startsWith(ours)
                        && Files.getLastModifiedTime(lockFile).compareTo(unusedSince) > 0) {
                    continue;
                }
                Optional<FileChannel> lock = tryLock(lockFile);
                if (lock.isPresent()) {
                    try (FileChannel held = lock.get()) {
                        if (ProcessFolder.deleteTree(root.resolve(slot))) {
                            Files.deleteIfExists(lockFile);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an old build's cache left in place costs disk space, not correctness
        }
    }

    /** The channel of {@code lockFile} holding its lock, or empty when another process holds it. */
    private static Optional<FileChannel> tryLock(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(channel);
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM already (an earlier framework of this process)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    /** One slot, held by this process until {@link #close()}. */
    static final class Slot implements FrameworkStorage {

        private final Path folder;
        private final FileChannel lock;
        private final String description;
        private boolean reused;

        private Slot(Path folder, FileChannel lock, boolean reused, String description) {
            this.folder = folder;
            this.lock = lock;
            this.reused = reused;
            this.description = description;
        }

        @Override
        public Path frameworkStorage() {
            return folder.resolve("felix");
        }

        @Override
        public Path fileInstallTemp() {
            return folder.resolve("fileinstall");
        }

        /**
         * Whether the slot holds a complete cache for this build. Its bundles' data areas (where the
         * scanner makes checkouts) were emptied when it was claimed, as a fresh cache has them.
         */
        @Override
        public boolean reused() {
            return reused;
        }

        /** Records that every bundle is installed: the next run may reuse the slot. */
        @Override
        public void installed() {
            if (reused) {
                return;
            }
            Path part = folder.resolve(COMPLETE + ".part");
            try {
                Files.writeString(part, description, StandardCharsets.UTF_8);
                Files.move(part, folder.resolve(COMPLETE), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // not marked complete: the next run on this slot starts it afresh
            }
        }

        /** Empties the slot after a start on it failed, for a fresh start on the same slot. */
        @Override
        public void reset() throws IOException {
            Files.deleteIfExists(folder.resolve(COMPLETE));
            if (!ProcessFolder.deleteTree(folder)) {
                throw new IOException("cannot empty the framework cache " + folder);
            }
            Files.createDirectories(folder);
            reused = false;
        }

        /**
         * Empties the data areas bundles left, e.g. the checkouts of a run that was killed, but for
         * SCR's {@value #SCR_METADATA_STORE}: the component descriptions it parsed, which it checks
         * against each bundle's id and modification time before it uses them, and gstats-config's
         * {@value #CONFIG_PARSED_DEFAULTS}.
         */
        void emptyDataAreas() {
            try (DirectoryStream<Path> bundles = Files.newDirectoryStream(frameworkStorage(), "bundle*")) {
                for (Path bundle : bundles) {
                    Path data = bundle.resolve("data");
                    if (Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
                        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data)) {
                            for (Path entry : entries) {
                                if (!KEPT.contains(entry.getFileName().toString())
                                        || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                                    ProcessFolder.deleteTree(entry);
                                }
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // left for the next run; the bundles themselves clean what they know
            }
        }

        @Override
        public void close() {
            try {
                lock.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }
}
