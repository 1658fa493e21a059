package org.gstats.logging.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

public class LogSinkTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LogSink sink = new LogSink(() -> new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2024-03-15T12:00:00Z"), ZoneOffset.UTC));

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void textLineCarriesTimeLevelComponentAndScanId() {
        sink.log("gstats.engine", Level.WARN, "plugin x failed", null, "a1b2c3");
        sink.log("gstats.config", Level.WARN, "unknown key", null, null);
        assertEquals("2024-03-15T12:00:00Z WARN gstats.engine [scan a1b2c3] plugin x failed\n"
                + "2024-03-15T12:00:00Z WARN gstats.config unknown key\n", err());
    }

    @Test
    public void jsonLineIsOneObjectWithTheSameFields() {
        sink.configure(new LogSettings(false, false, true, null));
        sink.log("gstats.engine", Level.ERROR, "line \"one\"\nline two", new IllegalStateException("boom"), "a1b2");
        String[] lines = err().split("\n");
        assertEquals(1, lines.length);
        JsonObject line = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertEquals("2024-03-15T12:00:00Z", line.get("time").getAsString());
        assertEquals("ERROR", line.get("level").getAsString());
        assertEquals("gstats.engine", line.get("component").getAsString());
        assertEquals("a1b2", line.get("scan").getAsString());
        assertEquals("line \"one\"\nline two", line.get("message").getAsString());
        assertEquals("java.lang.IllegalStateException: boom", line.get("error").getAsString());
        assertFalse("a stack trace without verbose", line.has("stack_trace"));
    }

    @Test
    public void levelFollowsVerboseAndQuiet() {
        assertTrue(sink.enabled("gstats.config", Level.WARN));
        assertFalse(sink.enabled("gstats.config", Level.INFO));
        sink.configure(new LogSettings(true, false, false, null));
        assertTrue(sink.enabled("gstats.engine", Level.DEBUG));
        assertFalse("JGit's debug lines with -v", sink.enabled("org.eclipse.jgit.util.FS", Level.DEBUG));
        assertTrue(sink.enabled("org.eclipse.jgit.util.FS", Level.INFO));
        sink.configure(new LogSettings(false, true, false, null));
        assertFalse(sink.enabled("gstats.config", Level.WARN));
        assertTrue(sink.enabled("gstats.config", Level.ERROR));
    }

    @Test
    public void felixHttpWarnsOnlyWithVerbose() {
        assertFalse("its disabled first start at every serve", sink.enabled("org.apache.felix.http", Level.WARN));
        assertTrue(sink.enabled("org.apache.felix.http", Level.ERROR));
        assertTrue(sink.enabled("org.apache.felix.http.jetty", Level.WARN));
        sink.configure(new LogSettings(true, false, false, null));
        assertTrue(sink.enabled("org.apache.felix.http", Level.WARN));
    }

    @Test
    public void aLogFileGetsTheLinesToo() throws Exception {
        Path file = folder.getRoot().toPath().resolve("logs/gstats.log");
        sink.configure(new LogSettings(false, false, false, file));
        sink.log("gstats.config", Level.WARN, "to both", null, null);
        sink.closeFile();
        assertEquals("2024-03-15T12:00:00Z WARN gstats.config to both\n", err());
        assertEquals(err(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    public void aLogFileThatCannotBeOpenedIsSaidOnceAndLeftOut() throws Exception {
        Path blocker = folder.newFile("not-a-dir").toPath();
        sink.configure(new LogSettings(false, false, false, blocker.resolve("gstats.log")));
        assertTrue(err(), err().startsWith("gstats: cannot write the log file " + blocker.resolve("gstats.log")));
        assertEquals(null, sink.settings().file());
    }
}
