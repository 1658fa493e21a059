package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gstats.itests.LauncherIT.Run;
import org.gstats.testkit.GitRepo;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code bin/gstats} under faults, as a separate process: signals in the middle of a scan,
 * the temporary folders of a killed process, reports written to devices and descriptors.
 * Each run gets a temp folder of its own ({@code -Djava.io.tmpdir}) so that what it leaves
 * there can be counted.
 */
public class FaultsLauncherIT {

    private static final long TIMEOUT_SECONDS = 120;
    /** Enough history that the scan is still going when its first progress line appears. */
    private static final int BIG_HISTORY = 20_000;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static Path launcher;
    private static SampleRepository sample;
    private static Path big;

    @BeforeClass
    public static void createRepositories() throws IOException, InterruptedException {
        launcher = ShippedSystem.distribution().resolve("bin/gstats");
        sample = SampleRepository.create(TEMP.getRoot().toPath());
        big = GitRepo.init(Files.createTempDirectory(TEMP.getRoot().toPath(), "big-")).importHistory(BIG_HISTORY, 100)
                .dir();
    }

    @Test
    public void sigintEndsWithOneLineAndStatus130AndLeavesNoTemporaryFolder() throws Exception {
        assertStoppedBySignal("INT", 130);
    }

    @Test
    public void sigtermEndsWithOneLineAndStatus143AndLeavesNoTemporaryFolder() throws Exception {
        assertStoppedBySignal("TERM", 143);
    }

    /**
     * The first scan of an installation writes the class-data archive, with the JVM as the
     * wrapper's child: the signal sent to the wrapper reaches the scan at once, and no archive,
     * whole or part-written, is left.
     */
    @Test
    public void sigtermDuringTheClassArchiveRunEndsTheScanPromptly() throws Exception {
        Path cache = assertStoppedBySignal("TERM", 143, true);
        assertEquals(List.of(), classArchives(cache));
    }

    @Test
    public void sigintDuringTheClassArchiveRunEndsTheScanPromptly() throws Exception {
        Path cache = assertStoppedBySignal("INT", 130, true);
        assertEquals(List.of(), classArchives(cache));
    }

    private static void assertStoppedBySignal(String signal, int status) throws Exception {
        assertStoppedBySignal(signal, status, false);
    }

    /** @return the run's cache folder (its scan store and class archive) */
    private static Path assertStoppedBySignal(String signal, int status, boolean classArchive) throws Exception {
        Path temp = Files.createTempDirectory(TEMP.getRoot().toPath(), "tmp-");
        Process process = start(temp, classArchive, "scan", big.toString(), "--format", "json");
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CountDownLatch scanning = new CountDownLatch(1);
        CompletableFuture<String> stderr = readLines(process.getErrorStream(), line -> {
            if (line.contains(" commits")) {
                scanning.countDown();
            }
        });
        assertTrue("no progress line within " + TIMEOUT_SECONDS + " s",
                scanning.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, folders(temp).size());

        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());

        assertTrue("still running", process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        String errors = stderr.join();
        stdout.join();
        assertEquals(errors, status, process.exitValue());
        List<String> lines = errors.lines().filter(line -> !line.matches("gstats: [\\d,]+ commits.*")).toList();
        assertEquals(errors, List.of("gstats: interrupted"), lines);
        assertEquals("left behind: " + folders(temp), List.of(), folders(temp));
        return temp.resolve("cache");
    }

    /** The class archives, whole or part-written, in a run's cache folder. */
    private static List<Path> classArchives(Path cache) throws IOException {
        Path dir = cache.resolve("gstats");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("classes-")).sorted().toList();
        }
    }

    /**
     * bin/gstats sizes the heap from the scanned repository's .gstats.toml: the repository is the
     * scan's operand, not a folder given as an option's value ({@code -o DIR}) wherever it stands.
     */
    @Test
    public void theHeapIsSizedByTheScannedRepositoryNotByAnOptionsFolder() throws IOException {
        Path sized = Files.createTempDirectory(TEMP.getRoot().toPath(), "sized-");
        GitRepo.init(sized).write("a.txt", "a\n").commit("a", new GitRepo.Person("Ann", "ann@example.com"));
        Files.writeString(sized.resolve(".gstats.toml"), "[scanner]\nmax-memory = \"64MB\"\n");
        Path out = Files.createDirectory(sized.resolve("out"));
        Path temp = Files.createTempDirectory(TEMP.getRoot().toPath(), "tmp-");
        // the JVM's own account of its heap: 64 MB and a quarter more is 80 MB
        Map<String, String> logHeap = Map.of("JAVA_OPTS", "-Djava.io.tmpdir=" + temp
                + " -Xlog:gc+init=info:stderr", "GSTATS_CDS", "off");

        for (List<String> arguments : List.of(
                List.of("scan", sample.dir().toString(), "--format", "csv", "-o", out.toString(), "--no-store"),
                List.of("scan", "-o", out.toString(), sample.dir().toString(), "--format", "csv", "--no-store"))) {
            Run run = LauncherIT.run(launcher, sample.dir(), logHeap, "", arguments.toArray(String[]::new));
            assertEquals(run.stderr(), 0, run.exit());
            assertFalse(arguments + "\n" + run.stderr(), heapMax(run).equals("80M"));
        }
        Run sizedRun = LauncherIT.run(launcher, sample.dir(), logHeap, "", "scan", "-o",
                temp.resolve("report.json").toString(), sized.toString(), "--no-store");
        assertEquals(sizedRun.stderr(), 0, sizedRun.exit());
        assertEquals("80M", heapMax(sizedRun));
    }

    private static String heapMax(Run run) {
        return run.stderr().lines().filter(line -> line.contains("Heap Max Capacity: "))
                .map(line -> line.substring(line.indexOf("Heap Max Capacity: ") + "Heap Max Capacity: ".length()))
                .findFirst().orElseThrow(() -> new AssertionError("no heap in " + run.stderr()));
    }

    @Test
    public void foldersOfKilledProcessesAreSweptAndThoseOfLiveOnesKept() throws Exception {
        Path temp = Files.createTempDirectory(TEMP.getRoot().toPath(), "tmp-");
        Process killed = start(temp, false, "scan", big.toString(), "--format", "json");
        CountDownLatch scanning = new CountDownLatch(1);
        readAll(killed.getInputStream());
        readLines(killed.getErrorStream(), line -> scanning.countDown());
        assertTrue(scanning.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        killed.destroyForcibly().waitFor();
        List<Path> leftOver = folders(temp);
        assertEquals(1, leftOver.size());
        assertTrue(leftOver.get(0).getFileName().toString().startsWith("gstats-felix-" + killed.pid() + "-"));
        // a live process's folder: this JVM's pid, and its lock held as gstats holds it
        Path live = Files.createDirectory(temp.resolve("gstats-felix-" + ProcessHandle.current().pid() + "-1"));
        Files.writeString(live.resolve("lock"), "");
        // a folder of someone else's program that merely looks alike: no pid in its name
        Path other = Files.createDirectory(temp.resolve("gstats-felix-notes"));

        Run run = run(temp, "plugins");

        assertEquals(run.stderr(), 0, run.exit());
        assertFalse("the killed process's folder is still there", Files.exists(leftOver.get(0)));
        assertTrue(Files.isDirectory(live));
        assertTrue(Files.isDirectory(other));
        assertEquals(List.of(other, live).stream().sorted().toList(), folders(temp));
    }

    @Test
    public void reportToDevStdoutGoesThroughTheProcessStdout() throws IOException {
        Path temp = Files.createTempDirectory(TEMP.getRoot().toPath(), "tmp-");

        Run run = run(temp, "scan", sample.dir().toString(), "--format", "json", "--quiet", "--output", "/dev/stdout");

        assertEquals(run.stderr(), 0, run.exit());
        assertTrue(run.stdout(), run.stdout().startsWith("{") && run.stdout().contains("\"commits\""));
        assertTrue(Files.isSymbolicLink(Path.of("/dev/stdout")));
    }

    @Test
    public void reportToDevFullIsOneNoSpaceLineAndTheDeviceStays() throws IOException {
        Path devFull = Path.of("/dev/full");
        org.junit.Assume.assumeTrue(Files.exists(devFull));
        Path temp = Files.createTempDirectory(TEMP.getRoot().toPath(), "tmp-");

        Run run = run(temp, "scan", sample.dir().toString(), "--format", "json", "--quiet", "--output", "/dev/full");

        assertEquals(run.toString(), 1, run.exit());
        assertEquals(run.toString(), List.of("gstats: cannot write the report to /dev/full: no space left on device"),
                run.stderrLines());
        assertEquals(0020000, ((Integer) Files.getAttribute(devFull, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000);
    }

    /**
     * Root reads a mode-000 directory anyway, as git does; so, run as root, the case is run as
     * {@code nobody} through {@code setpriv}, and skipped only where neither applies.
     */
    @Test
    public void unreadableRepositoryIsPermissionDenied() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        org.junit.Assume.assumeTrue("setpriv is needed to drop root", !root || Files.isExecutable(SETPRIV));
        Path parent = Files.createTempDirectory(TEMP.getRoot().toPath(), "locked-");
        Path locked = parent.resolve("repo");
        GitRepo.init(locked).write("a.txt", "a\n").commit("one", new GitRepo.Person("Ann", "ann@example.com"));
        Path temp = Files.createTempDirectory(TEMP.getRoot().toPath(), "tmp-");
        // nobody must reach the repository's folder and write its temp folder
        for (Path dir : List.of(TEMP.getRoot().toPath(), parent, temp)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Files.setPosixFilePermissions(locked, Set.of());
        try {
            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(List.of(SETPRIV.toString(), "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            }
            command.add(launcher.toString());
            command.addAll(List.of("scan", locked.toString(), "--format", "json"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(parent.toFile());
            builder.environment().remove("GSTATS_PLUGIN_DIR");
            builder.environment().put("JAVA_OPTS", "-Djava.io.tmpdir=" + temp);
            builder.environment().put("HOME", temp.toString());
            // the scan store goes where nobody may write (Java takes the home folder from the password file)
            builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAll(process.getInputStream());
            CompletableFuture<String> stderr = readAll(process.getErrorStream());
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));

            assertEquals(stderr.join(), 2, process.exitValue());
            assertEquals("", stdout.join());
            assertEquals(List.of("gstats: permission denied: cannot read " + locked + " (run gstats as a user who may "
                    + "read it)"), stderr.join().lines().toList());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    public void interactiveShellPrintsAFailureAsOneLineWithoutAClassName() throws IOException {
        Path temp = Files.createTempDirectory(TEMP.getRoot().toPath(), "tmp-");
        Path missing = temp.resolve("nowhere");

        Run run = LauncherIT.run(launcher, sample.dir(), Map.of("JAVA_OPTS", "-Djava.io.tmpdir=" + temp),
                "gstats:scan " + missing + "\n", "shell");

        String output = run.stdout() + run.stderr();
        assertTrue(output, output.contains("gstats: no such directory: " + missing + "\n"));
        assertFalse(output, output.contains("Exception"));
    }

    /**
     * A pack with damaged bytes in one blob: git's own log --numstat dies there; gstats writes
     * its report with what it could read, names the pack, counts the commits it could not read
     * and exits 1; JGit's warning comes out as a gstats log line.
     */
    @Test
    public void damagedPackIsNamedCountedAndExitsOne() throws Exception {
        Path repo = Files.createTempDirectory(TEMP.getRoot().toPath(), "damaged-");
        GitRepo git = GitRepo.init(repo);
        for (int i = 1; i <= 12; i++) {
            git.write("file" + i % 3 + ".txt", ("commit " + i + " line\n").repeat(40 * i))
                    .commit("commit " + i, new GitRepo.Person("Ann", "ann@example.com"));
        }
        String blob = git.git("rev-parse", "HEAD~6:file0.txt").trim();
        git.git("gc", "-q");
        Path pack;
        try (Stream<Path> files = Files.list(repo.resolve(".git/objects/pack"))) {
            pack = files.filter(file -> file.toString().endsWith(".pack")).findFirst().orElseThrow();
        }
        long offset = -1;
        for (String line : git.git("verify-pack", "-v", pack.toString().replaceFirst("\\.pack$", ".idx")).split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields[0].equals(blob)) {
                offset = Long.parseLong(fields[4]);
            }
        }
        byte[] bytes = Files.readAllBytes(pack);
        for (int at = (int) offset + 8; at < offset + 40; at++) {
            bytes[at] ^= 0x55;
        }
        pack.toFile().setWritable(true);
        Files.write(pack, bytes);
        Path temp = Files.createTempDirectory(TEMP.getRoot().toPath(), "tmp-");

        Run run = run(temp, "scan", repo.toString(), "--format", "json");

        assertEquals(run.stderr(), 1, run.exit());
        String name = pack.getFileName().toString();
        assertTrue(run.stdout(), run.stdout().contains("commits could not be read: the history stops at commit ")
                && run.stdout().contains("which is in the damaged pack " + name));
        List<String> lines = run.stderrLines();
        assertTrue(run.stderr(), lines.get(lines.size() - 1).matches("gstats: \\d+ commits of " + repo
                + " could not be read; the report leaves them out \\(its errors say where\\)"));
        String logLine = "\\S+Z WARN org\\.eclipse\\.jgit\\.\\S+ .*" + Pattern.quote(name) + ".*";
        assertTrue(run.stderr(), lines.stream().anyMatch(line -> line.matches(logLine)));
        for (String line : lines) {
            assertTrue("neither gstats' nor its log's: " + line, line.startsWith("gstats: ") || line.matches(logLine));
        }
    }

    private static Run run(Path temp, String... arguments) {
        return LauncherIT.run(launcher, sample.dir(), Map.of("JAVA_OPTS", "-Djava.io.tmpdir=" + temp,
                "GSTATS_FRAMEWORK_CACHE", "off"), "", arguments);
    }

    /**
     * @param classArchive whether the run may write the class-data archive (the wrapper then keeps
     *                     the JVM as its child)
     */
    private static Process start(Path temp, boolean classArchive, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(sample.dir().toFile());
        builder.environment().remove("GSTATS_PLUGIN_DIR");
        builder.environment().remove("GSTATS_STORE");
        builder.environment().put("JAVA_OPTS", "-Djava.io.tmpdir=" + temp);
        // a scan store and class archive of this process's own: a replayed history would end before the signal
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        if (classArchive) {
            builder.environment().remove("GSTATS_CDS");
        } else {
            builder.environment().put("GSTATS_CDS", "off");
        }
        // the fresh framework folder in temp, whose removal these tests watch (StartupLauncherIT: the kept one)
        builder.environment().put("GSTATS_FRAMEWORK_CACHE", "off");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** The gstats folders in {@code temp}, sorted. */
    private static List<Path> folders(Path temp) throws IOException {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("gstats-")).sorted().toList();
        }
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Reads every line, handing each to {@code onLine} as it comes; completes with the whole text. */
    private static CompletableFuture<String> readLines(InputStream stream,
            java.util.function.Consumer<String> onLine) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    text.append(line).append('\n');
                    onLine.accept(line);
                }
                return text.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
