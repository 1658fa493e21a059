package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AtomicFileTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void writesTheWholeContent() throws IOException {
        Path target = temp.getRoot().toPath().resolve("report.json");

        AtomicFile.write(target, out -> out.write("{}\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals("{}\n", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    public void replacesAnExistingFile() throws IOException {
        Path target = Files.writeString(temp.getRoot().toPath().resolve("report.json"), "old report");

        AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    public void failingWriterLeavesTheTargetUnchangedAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(temp.getRoot().toPath().resolve("report.json"), "old report");

        try {
            AtomicFile.write(target, out -> {
                out.write("half a rep".getBytes(StandardCharsets.UTF_8));
                out.flush();
                throw new IOException("disk full");
            });
            fail("the failure was swallowed");
        } catch (IOException e) {
            assertEquals("disk full", e.getMessage());
        }

        assertEquals("old report", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    public void writerThatThrowsUncheckedCreatesNothing() throws IOException {
        Path target = temp.getRoot().toPath().resolve("report.json");

        try {
            AtomicFile.write(target, out -> {
                out.write('x');
                throw new IllegalStateException("writer bug");
            });
            fail("the failure was swallowed");
        } catch (IllegalStateException e) {
            assertEquals("writer bug", e.getMessage());
        }

        assertFalse(Files.exists(target));
        assertEquals(List.of(), files());
    }

    @Test(expected = NoSuchFileException.class)
    public void missingDirectoryFails() throws IOException {
        AtomicFile.write(temp.getRoot().toPath().resolve("missing/report.json"), out -> out.write('x'));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(temp.getRoot().toPath())) {
            return files.toList();
        }
    }
}
