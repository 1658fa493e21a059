package org.gstats.shell.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * Words for the usual I/O failures: the JDK's messages are often just a path (the reason is
 * the exception's class) or the operating system's sentence, e.g. "No space left on device".
 */
final class IoReasons {

    private IoReasons() {
    }

    /** The reason in lower case, without the path the caller names anyway, e.g. "no space left on device". */
    static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String reason = e instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                ? fileSystem.getReason()
                : CommandStatus.oneLine(e);
        return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
