package org.gstats.shell.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes to what must not be replaced, a FIFO, a character device or a process's descriptor,
 * the way a shell's {@code >} does: opened where it is, never created, never renamed over.
 * Appending keeps what a regular file behind {@code /dev/stdout} already holds.
 */
final class InPlaceFile {

    private InPlaceFile() {
    }

    static void write(Path target, AtomicFile.Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
            content.writeTo(out);
            out.flush();
        }
    }
}
