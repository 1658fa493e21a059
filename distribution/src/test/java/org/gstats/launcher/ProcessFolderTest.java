package org.gstats.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Which temporary folders a start sweeps: only those of processes that are gone. */
public class ProcessFolderTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void createdFolderIsNamedWithThePidAndRemovedOnClose() throws IOException {
        Path folder;
        try (ProcessFolder process = ProcessFolder.create(temp.getRoot().toPath())) {
            folder = process.path();
            assertTrue(folder.getFileName().toString().startsWith("gstats-felix-" + ProcessHandle.current().pid() + "-"));
            Files.createDirectories(process.frameworkStorage().resolve("bundle1/data"));
        }
        assertFalse(Files.exists(folder));
    }

    @Test
    public void sweepsTheFoldersOfDeadProcessesOnly() throws Exception {
        Path root = temp.getRoot().toPath();
        long dead = deadPid();
        Path gone = folder(root, "gstats-felix-" + dead + "-1");
        Files.createDirectories(gone.resolve("cache/bundle3/data/checkout"));
        Path live = folder(root, "gstats-felix-" + ProcessHandle.current().pid() + "-2");
        Path noPid = Files.createDirectory(root.resolve("gstats-felix-notes"));
        Path held = folder(root, "gstats-felix-" + dead + "-3");

        int removed;
        // a process of another pid namespace: its pid means nothing here, but it holds its lock
        try (FileChannel channel = FileChannel.open(held.resolve("lock"), StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            removed = sweepFromAnotherJvm(root);
        }

        assertEquals(1, removed);
        assertFalse(Files.exists(gone));
        assertTrue(Files.isDirectory(live));
        assertTrue(Files.isDirectory(noPid));
        assertTrue(Files.isDirectory(held));
    }

    private static Path folder(Path root, String name) throws IOException {
        Path folder = Files.createDirectory(root.resolve(name));
        Files.writeString(folder.resolve("lock"), "");
        return folder;
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    /**
     * A lock held by this JVM would make {@code tryLock} throw here rather than fail, so the
     * sweep that must respect it runs in a JVM of its own, as the next gstats would.
     */
    private static int sweepFromAnotherJvm(Path root) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ProcessFolderTest.class.getName() + "$Sweep", root.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertEquals(output, 0, process.waitFor());
        return Integer.parseInt(output);
    }

    /** Sweeps the folder named by its argument and prints how many folders it removed. */
    public static final class Sweep {
        public static void main(String[] args) {
            System.out.println(ProcessFolder.sweep(Path.of(args[0])));
        }
    }
}
