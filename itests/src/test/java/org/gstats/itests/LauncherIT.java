package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;

/** {@code bin/gstats} as a user runs it: a separate process, its exit status, stdout and stderr. */
public class LauncherIT {

    private static final long TIMEOUT_SECONDS = 120;

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static Path distribution;
    private static SampleRepository sample;

    /**
     * What one run did.
     *
     * @param exit   the exit status
     * @param stdout standard output, UTF-8
     * @param stderr standard error, UTF-8
     */
    record Run(int exit, String stdout, String stderr) {

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    @BeforeClass
    public static void createRepository() {
        distribution = ShippedSystem.distribution();
        sample = SampleRepository.create(TEMP.getRoot().toPath());
    }

    private static Run gstats(String... arguments) {
        return run(distribution.resolve("bin/gstats"), sample.dir(), Map.of(), "", arguments);
    }

    static Run run(Path launcher, Path workingDirectory, Map<String, String> environment, String stdin,
            String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        // the machine's own settings must not reach the system under test
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("GSTATS_PLUGIN_DIR");
        // nor the user's scan store: a store of the test run's own, unless the test names one
        builder.environment().remove("GSTATS_STORE");
        builder.environment().remove("GSTATS_THREADS");
        // a direct run, as CI has it; DaemonLauncherIT runs the daemon
        builder.environment().put("GSTATS_DAEMON", "off");
        // bin/gstats keeps its class archive here rather than in the machine's ~/.cache
        builder.environment().put("XDG_CACHE_HOME", SampleRepository.workDir().resolve("cache").toString());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> stdout = readAll(process.getInputStream());
            CompletableFuture<String> stderr = readAll(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Run(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
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

    /** The whole text as one strict JSON document: anything else on stdout fails the parse. */
    private static JsonObject strictJson(String text) {
        return new GsonBuilder().setStrictness(Strictness.STRICT).create().fromJson(text, JsonObject.class);
    }

    private static int commits(JsonObject report) {
        return report.getAsJsonObject("sections").getAsJsonObject("commits").getAsJsonObject("totals")
                .get("commits").getAsInt();
    }

    private static void assertBadInput(Run run, String expectedInMessage) {
        assertEquals(run.toString(), 2, run.exit());
        assertEquals("nothing on stdout: " + run, "", run.stdout());
        assertEquals("one line on stderr: " + run, 1, run.stderrLines().size());
        String line = run.stderrLines().get(0);
        assertTrue(line, line.startsWith("gstats: ") && line.contains(expectedInMessage));
        assertFalse("no stack trace: " + run, run.stderr().contains("\tat ") || run.stderr().contains("Exception"));
    }

    @Test
    public void scanPrintsOnlyTheJsonReportOnStdout() {
        Run run = gstats("scan", sample.dir().toString(), "--format", "json");
        assertEquals(run.stderr(), 0, run.exit());
        assertEquals(sample.commitCount(), commits(strictJson(run.stdout())));
    }

    @Test
    public void scanDefaultsToTheCurrentDirectory() throws IOException {
        Run run = gstats("scan", "--format", "json", "--quiet");
        assertEquals(run.stderr(), 0, run.exit());
        JsonObject report = strictJson(run.stdout());
        assertEquals(sample.dir().toRealPath().toString(),
                Path.of(report.getAsJsonObject("gstats").get("repository").getAsString()).toRealPath().toString());
    }

    @Test
    public void missingDirectoryIsBadInput() {
        assertBadInput(gstats("scan", "/no/such/dir"), "/no/such/dir");
    }

    @Test
    public void directoryOutsideAnyRepositoryIsBadInput() throws IOException {
        // the system's temporary folder, as the build folder lies inside this project's repository
        Path plain = Files.createTempDirectory("gstats-itest-plain");
        try {
            assertBadInput(gstats("scan", plain.toString()), plain.toString());
        } finally {
            Files.delete(plain);
        }
    }

    @Test
    public void unknownFormatIsBadInput() {
        assertBadInput(gstats("scan", sample.dir().toString(), "--format", "bogus"), "bogus");
    }

    @Test
    public void unknownOptionIsBadInput() {
        assertBadInput(gstats("scan", sample.dir().toString(), "--no-such-option"), "--no-such-option");
    }

    @Test
    public void badHistoryOptionIsBadInput() {
        assertBadInput(gstats("scan", sample.dir().toString(), "--max-commits", "ten"), "--max-commits");
        assertBadInput(gstats("scan", sample.dir().toString(), "--author", "Ann ("), "invalid author pattern");
    }

    @Test
    public void historyOptionsChooseTheCommits() {
        GitRepo repo = GitRepo.open(sample.dir());
        Run run = gstats("scan", sample.dir().toString(), "--format", "json", "--first-parent", "--max-commits", "3",
                "--exclude", "nothing/**", "--diff-algorithm", "histogram");
        assertEquals(run.stderr(), 0, run.exit());
        assertEquals(Math.min(3, repo.git("rev-list", "--first-parent", "HEAD").lines().count()),
                commits(strictJson(run.stdout())));
    }

    @Test
    public void anOptionWithoutItsValueIsBadUsageInOneLine() {
        for (String option : List.of("--include", "--format", "--since", "--plugins", "--max-memory")) {
            Run run = gstats("scan", ".", option);
            assertEquals(run.toString(), 2, run.exit());
            assertEquals("gstats: " + option + " needs a value (gstats help scan lists the options)\n", run.stderr());
            assertEquals("", run.stdout());
        }
    }

    /**
     * A blob gone from the object store: the scan goes on and lists it in the report's errors;
     * with {@code --strict} it stops with exit code 1 and one line.
     */
    @Test
    public void missingObjectIsListedOrWithStrictFatal() throws IOException {
        GitRepo repo = GitRepo.init(TEMP.newFolder("damaged").toPath());
        Person ann = new Person("Ann", "ann@example.com");
        repo.write("a.txt", "a\n").commit("one", ann);
        String second = repo.write("a.txt", "a\nb\n").commit("two", ann);
        String blob = repo.git("rev-parse", second + ":a.txt").strip();
        Files.delete(repo.dir().resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));

        Run lenient = gstats("scan", repo.dir().toString(), "--format", "json");
        assertEquals(lenient.stderr(), 0, lenient.exit());
        JsonObject report = strictJson(lenient.stdout());
        assertEquals(2, commits(report));
        String errors = report.getAsJsonArray("errors").toString();
        assertTrue(errors, errors.contains("\"scanner\"") && errors.contains("missing object " + blob));
        // the change of commit two, and the head's a.txt, which is the same blob
        assertTrue(errors, errors.contains("its file a.txt at the head is not reported"));
        assertTrue(lenient.stderr(), lenient.stderr().contains("2 scanner warnings"));

        Run strict = gstats("scan", repo.dir().toString(), "--format", "json", "--strict");
        assertEquals(strict.toString(), 1, strict.exit());
        assertEquals("", strict.stdout());
        assertEquals(strict.toString(), 1, strict.stderrLines().size());
        assertTrue(strict.stderr(), strict.stderr().contains("missing object " + blob));
    }

    @Test
    public void emptyRepositoryGivesAnEmptyReport() {
        Run run = gstats("scan", SampleRepository.createEmpty(TEMP.getRoot().toPath()).toString(), "--format", "json");
        assertEquals(run.stderr(), 0, run.exit());
        JsonObject report = strictJson(run.stdout());
        assertEquals(0, commits(report));
        assertTrue(report.getAsJsonObject("gstats").get("head").isJsonNull());
    }

    @Test
    public void outputWritesTheReportToTheFileAndNothingToStdout() throws IOException {
        Path file = TEMP.newFolder().toPath().resolve("report.json");
        Run run = gstats("scan", sample.dir().toString(), "--format", "json", "--output", file.toString());
        assertEquals(run.stderr(), 0, run.exit());
        assertEquals("", run.stdout());
        assertEquals(sample.commitCount(), commits(strictJson(Files.readString(file))));
    }

    @Test
    public void runsWithJavaOptsLimitingTheHeap() {
        Run run = run(distribution.resolve("bin/gstats"), sample.dir(), Map.of("JAVA_OPTS", "-Xmx64m"), "",
                "scan", ".", "--format", "json");
        assertEquals(run.stderr(), 0, run.exit());
        assertEquals(sample.commitCount(), commits(strictJson(run.stdout())));
    }

    @Test
    public void aCopyElsewhereRunsFromAnotherDirectoryAndThroughASymlink() throws IOException {
        Path copy = TEMP.newFolder().toPath().resolve("gstats");
        copyTree(distribution, copy);
        Path elsewhere = TEMP.newFolder().toPath();
        Run run = run(copy.resolve("bin/gstats"), elsewhere, Map.of(), "", "scan", sample.dir().toString(),
                "--format", "json");
        assertEquals(run.stderr(), 0, run.exit());
        assertEquals(sample.commitCount(), commits(strictJson(run.stdout())));

        Path link = Files.createSymbolicLink(elsewhere.resolve("gstats-link"), copy.resolve("bin/gstats"));
        Run linked = run(link, elsewhere, Map.of(), "", "plugins");
        assertEquals(linked.stderr(), 0, linked.exit());
        assertTrue(linked.stdout(), linked.stdout().contains("commits"));
    }

    @Test
    public void pluginsListsTheCommitsPlugin() {
        Run run = gstats("plugins");
        assertEquals(run.stderr(), 0, run.exit());
        assertTrue(run.stdout(), run.stdout().contains("commits"));
    }

    @Test
    public void shellRunsCommandsReadFromStdin() {
        Run run = run(distribution.resolve("bin/gstats"), sample.dir(), Map.of(), "gstats:plugins\n", "shell");
        assertEquals(run.stderr(), 0, run.exit());
        assertTrue(run.stdout(), run.stdout().contains("commits"));
    }

    @Test
    public void helpGoesToStdoutAndSucceeds() {
        Run run = gstats("--help");
        assertEquals(0, run.exit());
        assertTrue(run.stdout(), run.stdout().startsWith("usage: gstats"));
    }

    @Test
    public void helpScanDescribesTheScanOptions() {
        Run run = gstats("help", "scan");
        assertEquals(run.stderr(), 0, run.exit());
        assertTrue(run.stdout(), run.stdout().contains("--format") && run.stdout().contains("--output"));
    }

    @Test
    public void noCommandPrintsUsageAndFails() {
        Run run = gstats();
        assertEquals(2, run.exit());
        assertEquals("", run.stdout());
        assertTrue(run.stderr(), run.stderr().startsWith("usage: gstats"));
    }

    @Test
    public void unknownCommandNamesTheChoices() {
        Run run = gstats("bogus");
        assertEquals(2, run.exit());
        assertEquals(List.of("gstats: unknown command 'bogus' (gstats --help lists the commands)"), run.stderrLines());
    }

    /** Copies the installation, keeping bin/gstats executable. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
