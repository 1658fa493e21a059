package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AtomicDirectoryTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void createsTheDirectoryWithEveryFile() throws IOException {
        Path target = temp.getRoot().toPath().resolve("report");

        AtomicDirectory.write(target, directory -> {
            Files.writeString(directory.resolve("a.csv"), "a\r\n");
            Files.writeString(directory.resolve("b.csv"), "b\r\n");
        });

        assertEquals(List.of("a.csv", "b.csv"), names(target));
        assertEquals("a\r\n", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("report"), names(temp.getRoot().toPath()));
    }

    @Test
    public void replacesAnExistingDirectoryWhole() throws IOException {
        Path target = Files.createDirectory(temp.getRoot().toPath().resolve("report"));
        Files.writeString(target.resolve("old.csv"), "old");
        Files.writeString(target.resolve("a.csv"), "old a");

        AtomicDirectory.write(target, directory -> Files.writeString(directory.resolve("a.csv"), "new a"));

        assertEquals(List.of("a.csv"), names(target));
        assertEquals("new a", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("report"), names(temp.getRoot().toPath()));
    }

    @Test
    public void failureHalfWayLeavesTheOldDirectoryAndNoTemporaryOne() throws IOException {
        Path target = Files.createDirectory(temp.getRoot().toPath().resolve("report"));
        Files.writeString(target.resolve("a.csv"), "old a");

        try {
            AtomicDirectory.write(target, directory -> {
                Files.writeString(directory.resolve("a.csv"), "new a");
                throw new IOException("disk full");
            });
            fail("the failure was swallowed");
        } catch (IOException e) {
            assertEquals("disk full", e.getMessage());
        }

        assertEquals(List.of("a.csv"), names(target));
        assertEquals("old a", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("report"), names(temp.getRoot().toPath()));
    }

    @Test
    public void failureOfANewDirectoryCreatesNothing() throws IOException {
        Path target = temp.getRoot().toPath().resolve("report");

        try {
            AtomicDirectory.write(target, directory -> {
                Files.createDirectory(directory.resolve("nested"));
                Files.writeString(directory.resolve("nested/a.csv"), "a");
                throw new IllegalStateException("writer bug");
            });
            fail("the failure was swallowed");
        } catch (IllegalStateException e) {
            assertEquals("writer bug", e.getMessage());
        }

        assertFalse(Files.exists(target));
        assertEquals(List.of(), names(temp.getRoot().toPath()));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }
}
