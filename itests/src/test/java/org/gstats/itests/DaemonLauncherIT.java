package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gstats.testkit.GitRepo;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * bin/gstats through its daemon (docs/daemon.md), as real processes on repositories built with
 * git: concurrent clients, a client's directory and environment, exit statuses and cancelling as
 * a direct run has them, and the daemon's life (a stale socket, a rebuilt installation, the idle
 * timeout). Each test has a runtime folder of its own, and stops its daemons at the end.
 */
public class DaemonLauncherIT {

    private static final Pattern PID = Pattern.compile("pid (\\d+)");

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    @Rule
    public final TemporaryFolder folder = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static Path launcher;
    private static SampleRepository sample;
    private static GitRepo longer;

    private Path runtime;
    private final List<Path> launchers = new ArrayList<>();

    @BeforeClass
    public static void createRepositories() throws IOException {
        launcher = ShippedSystem.distribution().resolve("bin/gstats");
        sample = SampleRepository.create(TEMP.getRoot().toPath());
        longer = GitRepo.init(TEMP.newFolder("longer").toPath());
        longer.importHistory(6_000, 50);
    }

    /** In the system's temp folder: a socket's path may not be longer than about 100 bytes. */
    @Before
    public void runtimeFolder() throws IOException {
        runtime = Files.createTempDirectory("gstats-it-");
        launchers.add(launcher);
    }

    @After
    public void stopDaemons() {
        for (Path installation : launchers) {
            String status = gstats(installation, folder.getRoot().toPath(), Map.of(), "daemon", "status").stdout();
            gstats(installation, folder.getRoot().toPath(), Map.of(), "daemon", "stop");
            for (long pid : pids(status)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        try (var files = Files.walk(runtime)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void twoConcurrentScansGoThroughOneDaemonAndEachGetsItsOwnReport() throws Exception {
        CompletableFuture<LauncherIT.Run> first = CompletableFuture.supplyAsync(
                () -> gstats(sample.dir(), Map.of(), "scan", "--format", "json", "--no-store"));
        CompletableFuture<LauncherIT.Run> second = CompletableFuture.supplyAsync(
                () -> gstats(longer.dir(), Map.of(), "scan", "--format", "json", "--no-store", "--plugins",
                        "commits"));
        LauncherIT.Run sampleRun = first.get();
        LauncherIT.Run longerRun = second.get();
        assertEquals(sampleRun.toString(), 0, sampleRun.exit());
        assertEquals(longerRun.toString(), 0, longerRun.exit());
        assertEquals(sample.commitCount(), commits(sampleRun.stdout()));
        assertEquals(Integer.parseInt(longer.git("rev-list", "--count", "HEAD").trim()), commits(longerRun.stdout()));
        assertEquals(sample.commitsByAuthor().size(), authors(sampleRun.stdout()));

        String status = gstats(sample.dir(), Map.of(), "daemon", "status").stdout();
        assertEquals(status, 1, pids(status).size());
        assertTrue(status, status.contains("2 commands run"));
    }

    @Test
    public void relativePathsAndTheProjectConfigurationAreTheClientsDirectorys() throws Exception {
        Path repository = sample.dir();
        Path parent = repository.getParent();
        String name = repository.getFileName().toString();
        LauncherIT.Run relative = gstats(parent, Map.of(), "scan", name, "--format", "json", "--no-store", "-o",
                "report-" + name + ".json", "--quiet");
        assertEquals(relative.toString(), 0, relative.exit());
        Path report = parent.resolve("report-" + name + ".json");
        assertEquals(sample.commitCount(), commits(Files.readString(report)));
        Files.delete(report);

        // no operand: the repository holding the client's directory, and its .gstats.toml
        Path copy = folder.newFolder("clone").toPath();
        GitRepo clone = GitRepo.init(copy);
        clone.git("pull", "-q", repository.toString(), "main");
        Files.writeString(copy.resolve(".gstats.toml"), "[scanner]\nfirst-parent = true\n");
        LauncherIT.Run inside = gstats(copy.resolve("src"), Map.of(), "scan", "--format", "json", "--no-store");
        assertEquals(inside.toString(), 0, inside.exit());
        assertEquals(Integer.parseInt(clone.git("rev-list", "--first-parent", "--count", "HEAD").trim()),
                commits(inside.stdout()));
    }

    @Test
    public void eachClientsEnvironmentCountsAndADifferentOneGetsADaemonOfItsOwn() {
        LauncherIT.Run json = gstats(sample.dir(), Map.of("GSTATS_FORMAT", "json"), "scan", "--no-store");
        LauncherIT.Run yaml = gstats(sample.dir(), Map.of("GSTATS_FORMAT", "yaml"), "scan", "--no-store");
        assertEquals(json.toString(), 0, json.exit());
        assertEquals(yaml.toString(), 0, yaml.exit());
        assertEquals(sample.commitCount(), commits(json.stdout()));
        assertTrue(yaml.stdout(), yaml.stdout().startsWith("gstats:") && !yaml.stdout().startsWith("{"));
        String status = gstats(sample.dir(), Map.of(), "daemon", "status").stdout();
        assertEquals(status, 2, pids(status).size());

        // stop returns once both have exited
        LauncherIT.Run stop = gstats(sample.dir(), Map.of(), "daemon", "stop");
        assertEquals(stop.toString(), 0, stop.exit());
        assertEquals(stop.stdout(), Set.copyOf(pids(status)), Set.copyOf(pids(stop.stdout())));
        for (long pid : pids(status)) {
            assertTrue(stop.stdout(), exited(pid));
        }
    }

    @Test
    public void exitStatusesAndMessagesAreThoseOfADirectRun() {
        List<String[]> commands = List.of(new String[] {"scan", "--no-store", "--format", "json"},
                new String[] {"scan", "--no-store", "--no-such-option"},
                new String[] {"scan", "--no-store", "no/such/folder"},
                new String[] {"scan", "--no-store", "--format", "nope"},
                new String[] {"config", "--defaults"},
                new String[] {"plugin", "no-such-plugin"});
        for (String[] command : commands) {
            LauncherIT.Run daemon = gstats(sample.dir(), Map.of(), command);
            LauncherIT.Run direct = gstats(sample.dir(), Map.of("GSTATS_DAEMON", "off"), command);
            String what = String.join(" ", command) + ": " + daemon + " vs " + direct;
            assertEquals(what, direct.exit(), daemon.exit());
            assertEquals(what, timeless(direct.stderr()), timeless(daemon.stderr()));
            if (daemon.exit() != 0) {
                assertEquals(what, direct.stdout(), daemon.stdout());
            }
        }
    }

    @Test
    public void sigtermCancelsTheScanInTheDaemonWithTheDirectRunsLineAndStatus() throws Exception {
        gstats(sample.dir(), Map.of(), "plugins");
        // long enough that the warm daemon is still scanning when the signal comes (6,000 commits
        // took it 0.8 s on an idle machine: it had finished)
        GitRepo longest = GitRepo.init(TEMP.newFolder("longest").toPath());
        longest.importHistory(60_000, 50);
        Process process = start(longest.dir(), Map.of(), "scan", "--no-store", "--format", "json");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> copy(process.getErrorStream(), stderr));
        CompletableFuture.runAsync(() -> copy(process.getInputStream(), OutputStream.nullOutputStream()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!stderr.toString(StandardCharsets.UTF_8).contains("commits") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // a signal as kill sends it: Process.destroy would also close the streams read here
        assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        reading.get(10, TimeUnit.SECONDS);
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(err, 143, process.exitValue());
        List<String> lines = err.lines().toList();
        assertEquals(err, "gstats: interrupted", lines.get(lines.size() - 1));
        assertFalse(err, err.contains("scanned"));
        // the daemon stays, its scan stopped
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String status;
        do {
            status = gstats(sample.dir(), Map.of(), "daemon", "status").stdout();
        } while (!status.contains(" 0 running") && System.nanoTime() < deadline);
        assertTrue(status, status.contains(" 0 running"));
        assertEquals(0, gstats(sample.dir(), Map.of(), "scan", "--no-store", "--format", "json").exit());
    }

    @Test
    public void aDeadDaemonsSocketIsReplacedByANewDaemon() throws Exception {
        assertEquals(0, gstats(sample.dir(), Map.of(), "plugins").exit());
        List<Long> first = pids(gstats(sample.dir(), Map.of(), "daemon", "status").stdout());
        assertEquals(1, first.size());
        ProcessHandle daemon = ProcessHandle.of(first.get(0)).orElseThrow();
        daemon.destroyForcibly();
        daemon.onExit().get(10, TimeUnit.SECONDS);
        try (var sockets = Files.list(runtime.resolve("gstats"))) {
            assertEquals("a killed daemon leaves its socket", 1, sockets.filter(f -> f.toString().endsWith(".sock"))
                    .count());
        }
        LauncherIT.Run run = gstats(sample.dir(), Map.of(), "scan", "--no-store", "--format", "json");
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(sample.commitCount(), commits(run.stdout()));
        List<Long> second = pids(gstats(sample.dir(), Map.of(), "daemon", "status").stdout());
        assertEquals(1, second.size());
        assertNotEquals(first, second);
    }

    @Test
    public void aRebuiltInstallationGetsANewDaemonAndTheOldOneExits() throws Exception {
        Path copy = folder.newFolder("installation").toPath();
        Process cp = new ProcessBuilder("cp", "-a", launcher.getParent().getParent() + "/.", copy.toString())
                .inheritIO().start();
        assertEquals(0, cp.waitFor());
        Path copied = copy.resolve("bin/gstats");
        launchers.add(copied);
        assertEquals(0, gstats(copied, sample.dir(), Map.of(), "plugins").exit());
        List<Long> before = pids(gstats(copied, sample.dir(), Map.of(), "daemon", "status").stdout());
        assertEquals(1, before.size());

        Path jar;
        try (var jars = Files.list(copy.resolve("bundle"))) {
            jar = jars.filter(f -> f.toString().contains("gstats-plugin-commits")).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        ProcessHandle old = ProcessHandle.of(before.get(0)).orElseThrow();
        old.onExit().get(30, TimeUnit.SECONDS);

        LauncherIT.Run run = gstats(copied, sample.dir(), Map.of(), "scan", "--no-store", "--format", "json");
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(sample.commitCount(), commits(run.stdout()));
        List<Long> after = pids(gstats(copied, sample.dir(), Map.of(), "daemon", "status").stdout());
        assertEquals(1, after.size());
        assertNotEquals(before, after);
    }

    @Test
    public void anIdleDaemonExitsAfterItsTimeoutAndRemovesItsSocket() throws Exception {
        assertEquals(0, gstats(sample.dir(), Map.of("GSTATS_DAEMON_IDLE_TIMEOUT", "2"), "plugins").exit());
        List<Long> pids = pids(gstats(sample.dir(), Map.of(), "daemon", "status").stdout());
        assertEquals(1, pids.size());
        ProcessHandle.of(pids.get(0)).orElseThrow().onExit().get(30, TimeUnit.SECONDS);
        try (var sockets = Files.list(runtime.resolve("gstats"))) {
            assertEquals(0, sockets.filter(f -> f.toString().endsWith(".sock")).count());
        }
        assertEquals("no gstats daemon runs for this installation",
                gstats(sample.dir(), Map.of(), "daemon", "status").stdout().trim());
    }

    private LauncherIT.Run gstats(Path directory, Map<String, String> environment, String... arguments) {
        return gstats(launcher, directory, environment, arguments);
    }

    private LauncherIT.Run gstats(Path installation, Path directory, Map<String, String> environment,
            String... arguments) {
        return LauncherIT.run(installation, directory, daemonEnvironment(environment), "", arguments);
    }

    private Map<String, String> daemonEnvironment(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>();
        all.put("GSTATS_DAEMON", "on");
        all.put("XDG_RUNTIME_DIR", runtime.toString());
        all.putAll(environment);
        return all;
    }

    private Process start(Path directory, Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("XDG_CACHE_HOME", SampleRepository.workDir().resolve("cache").toString());
        builder.environment().putAll(daemonEnvironment(environment));
        return builder.start();
    }

    /** Stderr without what depends on time: the duration, and progress lines (printed after a while). */
    private static String timeless(String stderr) {
        return stderr.replaceAll("in [0-9.]+ s", "").replaceAll("(?m)^gstats: [0-9]+ commits…\\R", "");
    }

    /** Gone, or a zombie its new parent has not reaped yet (its files and sockets are released). */
    private static boolean exited(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    private static List<Long> pids(String status) {
        List<Long> pids = new ArrayList<>();
        Matcher matcher = PID.matcher(status);
        while (matcher.find()) {
            pids.add(Long.parseLong(matcher.group(1)));
        }
        return pids;
    }

    private static int commits(String json) {
        JsonObject report = JsonParser.parseString(json).getAsJsonObject();
        return report.getAsJsonObject("sections").getAsJsonObject("commits").getAsJsonObject("totals")
                .get("commits").getAsInt();
    }

    private static int authors(String json) {
        JsonObject report = JsonParser.parseString(json).getAsJsonObject();
        return report.getAsJsonObject("sections").getAsJsonObject("commits").getAsJsonObject("totals")
                .get("authors").getAsInt();
    }

    private static void copy(InputStream in, OutputStream out) {
        try (in) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
