package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gstats.itests.LauncherIT.Run;
import org.gstats.testkit.GitRepo;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * The command-line conventions people bring from git, through the shipped bin/gstats: help
 * everywhere, --version, "did you mean", a closed pipe, git's short flags, and a wrong --table
 * refused before the scan.
 */
public class ConventionsLauncherIT {

    @ClassRule
    public static final TemporaryFolder TEMP = TemporaryFolder.builder()
            .parentFolder(SampleRepository.workDir().toFile()).build();

    private static Path distribution;
    private static SampleRepository sample;

    @BeforeClass
    public static void createRepository() {
        distribution = ShippedSystem.distribution();
        sample = SampleRepository.create(TEMP.getRoot().toPath());
    }

    private static Run gstats(String... arguments) {
        return LauncherIT.run(distribution.resolve("bin/gstats"), sample.dir(), Map.of(), "", arguments);
    }

    @Test
    public void helpHasItsSpellingsBeforeAndAfterACommand() {
        for (String flag : List.of("--help", "-h")) {
            Run usage = gstats(flag);
            assertEquals(usage.toString(), 0, usage.exit());
            assertTrue(usage.stdout(), usage.stdout().startsWith("usage: gstats <command>")
                    && usage.stdout().contains("--version"));

            Run scan = gstats("scan", "--format", "json", flag);
            assertEquals(scan.toString(), 0, scan.exit());
            assertTrue(scan.stdout(), scan.stdout().startsWith("usage: gstats scan")
                    && scan.stdout().contains("  -n, --max-commits N"));

            Run sql = gstats("sql", flag);
            assertEquals(sql.toString(), 0, sql.exit());
            assertTrue(sql.stdout(), sql.stdout().startsWith("usage: gstats sql"));
        }
    }

    @Test
    public void versionNamesGstatsItsCommitJavaAndFelix() throws Exception {
        Run run = gstats("--version");
        assertEquals(run.toString(), 0, run.exit());
        List<String> lines = run.stdout().lines().toList();
        assertEquals(run.stdout(), 3, lines.size());
        assertTrue(lines.get(0), lines.get(0).matches("gstats \\S+ \\(commit ([0-9a-f]{12}|unknown)\\)"));
        assertTrue(lines.get(1), lines.get(1).startsWith("Java " + Runtime.version().feature()));
        String felixJar;
        try (Stream<Path> jars = Files.list(distribution.resolve("lib"))) {
            felixJar = jars.map(jar -> jar.getFileName().toString())
                    .filter(name -> name.startsWith("org.apache.felix.framework-")).findFirst().orElseThrow();
        }
        assertEquals("Felix " + felixJar.substring("org.apache.felix.framework-".length(), felixJar.length() - 4),
                lines.get(2));
    }

    @Test
    public void aMistypedCommandOrOptionGetsTheNearestOne() {
        Run command = gstats("scna", ".");
        assertEquals(command.toString(), 2, command.exit());
        assertEquals(List.of("gstats: unknown command 'scna'; did you mean 'scan'?"), command.stderrLines());

        Run option = gstats("scan", ".", "--fromat", "json");
        assertEquals(option.toString(), 2, option.exit());
        assertEquals(List.of("gstats: unknown option '--fromat'; did you mean '--format'?"), option.stderrLines());
        assertEquals("", option.stdout());
    }

    @Test
    public void aClosedPipeEndsTheRunQuietlyAsGitDoes() {
        // `true` reads nothing and exits long before the JVM has started: every write finds the pipe closed
        Run run = LauncherIT.run(Path.of("/bin/bash"), sample.dir(), Map.of(), "", "-c",
                "set -o pipefail; \"$0\" scan . --format text --full --no-store --quiet | true",
                distribution.resolve("bin/gstats").toString());
        assertEquals(run.toString(), 0, run.exit());
        assertEquals(run.toString(), "", run.stderr());
    }

    @Test
    public void gitsShortFlagsWork() throws Exception {
        GitRepo repo = GitRepo.open(sample.dir());
        String second = repo.git("rev-parse", "HEAD~1").strip();
        Path output = TEMP.newFolder().toPath().resolve("report.json");
        Run run = gstats("scan", "-b", second, "-n", "2", "-f", "json", "-o", output.toString(), "-q", "--no-store",
                ".");
        assertEquals(run.toString(), 0, run.exit());
        assertEquals("-q: nothing but errors on stderr", "", run.stderr());
        JsonObject report = new Gson().fromJson(Files.readString(output), JsonObject.class);
        assertEquals(second, report.getAsJsonObject("gstats").get("head").getAsString());
        assertEquals(repo.git("rev-list", "--max-count=2", second).lines().count(), report.getAsJsonObject(
                "sections").getAsJsonObject("commits").getAsJsonObject("totals").get("commits").getAsLong());
    }

    @Test
    public void aWrongTableIsRefusedBeforeTheScan() {
        for (String table : List.of("authors", "comits.authors")) {
            Run run = gstats("scan", ".", "--format", "csv", "--table", table, "-v", "--no-store");
            assertEquals(run.toString(), 2, run.exit());
            assertEquals("", run.stdout());
            assertTrue(run.stderr(), run.stderr().contains("gstats: " + (table.equals("authors")
                    ? "--table takes SECTION.TABLE" : "unknown section 'comits' in --table comits.authors; did you "
                            + "mean 'commits'?")));
            // -v announces the scan as it starts: it never did
            assertFalse(run.stderr(), run.stderr().contains("gstats: scanning"));
        }
    }
}
