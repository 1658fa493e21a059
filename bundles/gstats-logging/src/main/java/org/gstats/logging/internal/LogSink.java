package org.gstats.logging.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import com.google.gson.stream.JsonWriter;

/**
 * Where every logger's lines go: standard error (looked up at each line, so that inside a Gogo
 * command the session's error stream gets them) and the log file when one is set. One line per
 * event; a line is written whole under the sink's lock, so lines of threads never interleave.
 */
final class LogSink {

    /** The key of the scan id in SLF4J's MDC, set by the engine while a scan runs. */
    static final String SCAN_KEY = "scan";

    static final LogSink INSTANCE = new LogSink(() -> System.err, Clock.systemUTC());

    private final Supplier<PrintStream> stderr;
    private final Clock clock;
    private volatile LogSettings settings = LogSettings.DEFAULT;
    private Writer file;

    LogSink(Supplier<PrintStream> stderr, Clock clock) {
        this.stderr = stderr;
        this.clock = clock;
    }

    LogSettings settings() {
        return settings;
    }

    /**
     * Takes new settings; a log file that cannot be opened is reported on standard error and
     * left out.
     */
    synchronized void configure(LogSettings next) {
        closeFile();
        LogSettings effective = next;
        if (next.file() != null) {
            try {
                if (next.file().getParent() != null) {
                    Files.createDirectories(next.file().getParent());
                }
                file = Files.newBufferedWriter(next.file(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                stderr.get().println("gstats: cannot write the log file " + next.file() + " (" + e.getMessage()
                        + "); logging to stderr only");
                effective = new LogSettings(next.verbose(), next.quiet(), next.json(), null);
            }
        }
        settings = effective;
    }

    synchronized void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                stderr.get().println("gstats: closing the log file failed: " + e.getMessage());
            }
            file = null;
        }
    }

    boolean enabled(String logger, Level level) {
        return level.atLeast(settings.threshold(logger));
    }

    void log(String logger, Level level, String message, Throwable error, String scan) {
        LogSettings current = settings;
        String line = current.json() ? json(logger, level, message, error, scan, current.verbose())
                : text(logger, level, message, error, scan, current.verbose());
        synchronized (this) {
            stderr.get().println(line);
            if (file != null) {
                try {
                    file.write(line);
                    file.write('\n');
                    file.flush();
                } catch (IOException e) {
                    stderr.get().println("gstats: writing the log file failed: " + e.getMessage());
                }
            }
        }
    }

    private String text(String logger, Level level, String message, Throwable error, String scan, boolean trace) {
        StringBuilder line = new StringBuilder();
        line.append(Instant.now(clock)).append(' ').append(level).append(' ').append(logger);
        if (scan != null) {
            line.append(" [scan ").append(scan).append(']');
        }
        line.append(' ').append(message);
        if (error != null) {
            line.append(trace ? System.lineSeparator() + stackTrace(error).stripTrailing() : " (" + error + ")");
        }
        return line.toString();
    }

    private String json(String logger, Level level, String message, Throwable error, String scan, boolean trace) {
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            json.beginObject();
            json.name("time").value(Instant.now(clock).toString());
            json.name("level").value(level.name());
            json.name("component").value(logger);
            if (scan != null) {
                json.name("scan").value(scan);
            }
            json.name("message").value(message);
            if (error != null) {
                json.name("error").value(error.toString());
                if (trace) {
                    json.name("stack_trace").value(stackTrace(error));
                }
            }
            json.endObject();
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
