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

import org.gstats.testkit.GitRepo;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code bin/gstats shell} on a pseudo-terminal (util-linux {@code script}, 120 columns): the
 * JLine console with the gstats banner, commands without their scope, one-line failures, the
 * history under {@code $XDG_STATE_HOME/gstats/}, Tab completion, {@code help}, Ctrl-C during a
 * scan, and {@code quit} and Ctrl-D that end it with 0. Each step waits for the console's answer
 * before typing the next line.
 */
public class ShellLauncherIT {

    private static final long WAIT_MS = 60_000;
    /** Emacs mode's kill of the line typed so far. */
    private static final String CLEAR_LINE = "\u0015";
    private static final String TAB = "\t";
    private static final String CTRL_C = "\u0003";

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private Path repository;
    private Path state;
    private Path plugins;
    private Process process;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    @Before
    public void openShell() throws IOException {
        repository = SampleRepository.create(TEMP.newFolder().toPath()).dir();
        state = TEMP.newFolder().toPath();
        plugins = TEMP.newFolder().toPath();
        // without a size the console cannot lay out the line being edited
        ProcessBuilder builder = new ProcessBuilder("script", "-qfc", "stty cols 120 rows 40; exec "
                + ShippedSystem.distribution().resolve("bin/gstats") + " shell", "/dev/null")
                .directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().put("XDG_STATE_HOME", state.toString());
        builder.environment().put("GSTATS_PLUGIN_DIR", plugins.toString());
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
    public void tabCompletesOptionsFormatsPluginNamesEvenOfAJarDroppedInTablesAndPaths() throws Exception {
        type("scan --form" + TAB);
        awaitScreen("--format");
        type(TAB);
        awaitScreen("markdown");
        type(CLEAR_LINE + "scan --plugins " + TAB);
        // the metrics plugin's description, beside its name
        awaitScreen("Files by format and language");

        Files.copy(Path.of(System.getProperty("gstats.ownership.jar")), plugins.resolve("ownership.jar"));
        long end = System.currentTimeMillis() + WAIT_MS;
        while (!screen().contains("ownership") && System.currentTimeMillis() < end) {
            type(CLEAR_LINE + "scan --plugins own" + TAB);
            Thread.sleep(1_000);
        }
        assertTrue("a plugin dropped in completes: " + screen(), screen().contains("ownership"));

        type(CLEAR_LINE + "scan --table " + TAB);
        awaitScreen("commits.");
        type(CLEAR_LINE + "scan sr" + TAB);
        awaitScreen("src/");
        type(CLEAR_LINE + "scan -o do" + TAB);
        awaitScreen("docs/");
        type(CLEAR_LINE + "quit\r");

        assertTrue(screen(), process.waitFor(WAIT_MS, TimeUnit.MILLISECONDS));
        assertEquals(screen(), 0, process.exitValue());
    }

    @Test
    public void helpListsTheGstatsCommandsFirstAndHelpScanShowsScansOptions() throws Exception {
        type("help\r");
        awaitScreen("felix:help lists every command");
        String list = screen().substring(screen().indexOf("gstats commands:"));
        assertTrue(list, list.contains("  scan "));
        assertTrue(list, list.contains("  plugins "));
        assertFalse("Gogo's own commands are not in the list: " + list, list.contains("  lb "));
        type("help scan\r");
        awaitScreen("usage: gstats scan [options] [PATH]");
        awaitScreen("--diff-algorithm NAME");
        type("quit\r");

        assertTrue(screen(), process.waitFor(WAIT_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    public void ctrlCStopsTheScanAloneInOneLineAndTheShellStays() throws Exception {
        Path longHistory = GitRepo.init(TEMP.newFolder().toPath()).importHistory(50_000, 100).dir();
        type("scan --no-store " + longHistory + "\r");
        awaitScreen("commits/s");
        type(CTRL_C);
        awaitScreen("gstats: scan interrupted");
        type("plugins\r");
        awaitScreen("gstats-plugin-metrics");
        type("quit\r");

        assertTrue(screen(), process.waitFor(WAIT_MS, TimeUnit.MILLISECONDS));
        assertEquals(screen(), 0, process.exitValue());
        assertFalse("no class names: " + screen(), screen().contains("Exception"));
        assertFalse("no report: " + screen(), screen().contains("gstats: scanned"));
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
