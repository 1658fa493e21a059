package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code bin/gstats shell} on a pseudo-terminal (util-linux {@code script}): the JLine console
 * with the gstats banner, commands without their scope, one-line failures, the history under
 * {@code $XDG_STATE_HOME/gstats/}, and {@code quit} and Ctrl-D that end it with 0. Each step waits
 * for the console's answer before typing the next line.
 */
public class ShellLauncherIT {

    private static final long WAIT_MS = 60_000;

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private Path state;
    private Process process;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    @Before
    public void openShell() throws IOException {
        Path repository = SampleRepository.create(TEMP.newFolder().toPath()).dir();
        state = TEMP.newFolder().toPath();
        ProcessBuilder builder = new ProcessBuilder("script", "-qfc",
                ShippedSystem.distribution().resolve("bin/gstats") + " shell", "/dev/null")
                .directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().put("XDG_STATE_HOME", state.toString());
        builder.environment().put("XDG_CACHE_HOME", SampleRepository.workDir().resolve("cache").toString());
        builder.environment().put("TERM", "xterm");
        builder.environment().remove("JAVA_OPTS");
        process = builder.start();
        Thread reader = new Thread(() -> copy(process.getInputStream()), "shell screen");
        reader.setDaemon(true);
        reader.start();
        awaitScreen("Ctrl-D leaves.");
    }

    @After
    public void closeShell() {
        process.destroyForcibly();
    }

    @Test
    public void commandsRunFailuresAreOneLineAndQuitLeavesWithHistoryKept() throws Exception {
        type("plugins\r");
        awaitScreen("gstats-plugin-metrics");
        type("scan --fromat json\r");
        awaitScreen("did you mean '--format'?");
        type("quit\r");

        assertTrue(screen(), process.waitFor(WAIT_MS, TimeUnit.MILLISECONDS));
        assertEquals(screen(), 0, process.exitValue());
        assertFalse("no class names: " + screen(), screen().contains("CommandFailure"));
        List<String> history = Files.readAllLines(state.resolve("gstats/history"));
        assertTrue(history.toString(), history.stream().anyMatch(line -> line.endsWith(":plugins")));
        assertTrue(history.toString(), history.stream().anyMatch(line -> line.endsWith(":quit")));
    }

    @Test
    public void ctrlDLeavesCleanly() throws Exception {
        type("\u0004");

        assertTrue(screen(), process.waitFor(WAIT_MS, TimeUnit.MILLISECONDS));
        assertEquals(screen(), 0, process.exitValue());
    }

    private void type(String keys) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(keys.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private void awaitScreen(String text) {
        long end = System.currentTimeMillis() + WAIT_MS;
        while (!screen().contains(text)) {
            if (System.currentTimeMillis() > end || !process.isAlive() && !screen().contains(text)) {
                throw new AssertionError("waited for '" + text + "', the screen shows: " + screen());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    private void copy(InputStream from) {
        byte[] buffer = new byte[4096];
        try (from) {
            for (int n; (n = from.read(buffer)) > 0;) {
                synchronized (screen) {
                    screen.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
