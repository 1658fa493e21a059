package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.gstats.api.scan.DiffAlgorithm;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.GstatsConfiguration;
import org.gstats.config.api.Rung;
import org.gstats.config.api.Setting;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code gstats:scan} run through Gogo's real parser, with a stand-in engine and writers. */
public class ScanCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-15T12:00:00Z"), ZoneOffset.UTC);

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final RecordingEngine engine = new RecordingEngine();
    private ScanCommand command;
    private GogoSession gogo;
    private Path currentDir;

    @Before
    public void setUp() throws IOException {
        command = new ScanCommand(engine, CLOCK);
        command.addReportWriter(new NamingWriter("json", Set.of(ReportWriter.Option.PRETTY)), properties("json", 1L));
        command.addReportWriter(new NamingWriter("text", Set.of()), properties("text", 2L));
        command.addReportWriter(new FailingWriter(), properties("broken", 3L));
        command.addReportWriter(new TableWriter(), properties("csv", 4L));
        gogo = new GogoSession().register("scan", command);
        currentDir = temp.newFolder("work").toPath();
        gogo.session().currentDir(currentDir);
    }

    @After
    public void tearDown() {
        gogo.close();
    }

    @Test
    public void unknownFormatIsBadUsageAndNothingIsScanned() {
        Exception failure = gogo.execute("gstats:scan --format xml /tmp");

        assertBadUsage("unknown format 'xml' (available: broken, csv, json, text)", failure);
        assertNull(engine.request);
    }

    @Test
    public void textReportOfTheCurrentDirectoryGoesToTheConsoleAndSummaryToStderr() {
        assertNull(gogo.execute("gstats:scan"));

        assertEquals(currentDir, engine.request.repository());
        assertEquals("text report of " + currentDir + "\n", gogo.out());
        assertEquals("gstats: scanned 3 commits of " + currentDir + " in 2.1 s\n", gogo.err());
        assertEquals(0, gogo.exitCode());
        assertEquals(false, gogo.session().get(CommandStatus.VERBOSE));
    }

    @Test
    public void pluginsOptionChoosesThePluginsOfTheScan() {
        assertNull(gogo.execute("gstats:scan --plugins commits,ownership"));

        assertEquals(PluginSelection.only(java.util.Set.of("commits", "ownership")), engine.selection);
    }

    @Test
    public void withoutPluginsOptionEveryPluginTakesPart() {
        assertNull(gogo.execute("gstats:scan"));

        assertEquals(PluginSelection.ALL, engine.selection);
    }

    @Test
    public void optionsBeforeAndAfterThePathReachTheRequest() {
        assertNull(gogo.execute("gstats:scan --branch dev 'my repo' --format json --since 2024-01-01 "
                + "--until 2024-01-31 --changes --no-renames"));

        ScanRequest request = engine.request;
        assertEquals(currentDir.resolve("my repo"), request.repository());
        assertEquals("dev", request.branch());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), request.since());
        assertEquals(Instant.parse("2024-01-31T23:59:59.999999999Z"), request.until());
        assertFalse(request.detectRenames());
        // without a configuration service the command line's keys are the scan's settings
        assertEquals(Map.of("changes", "true"), request.settings("module.commits"));
        assertEquals("json report of " + currentDir.resolve("my repo") + "\n", gogo.out());
    }

    @Test
    public void historyOptionsReachTheRequest() {
        assertNull(gogo.execute("gstats:scan --include 'src/**' --author 'Ann|Bob' --exclude 'vendor/**' "
                + "--first-parent repo --include docs --max-commits 20 --no-mailmap --diff-algorithm histogram "
                + "--strict --exclude '**/*.min.js' --no-replace-objects"));

        ScanRequest request = engine.request;
        assertEquals(currentDir.resolve("repo"), request.repository());
        assertEquals(List.of("src/**", "docs"), request.includes());
        assertEquals(List.of("vendor/**", "**/*.min.js"), request.excludes());
        assertEquals("Ann|Bob", request.author());
        assertTrue(request.firstParent());
        assertEquals(20, request.maxCommits());
        assertFalse(request.mailmap());
        assertTrue(request.strict());
        assertEquals(DiffAlgorithm.HISTOGRAM, request.diffAlgorithm());
        assertTrue(request.detectRenames());
        assertFalse(request.replaceObjects());
    }

    @Test
    public void historyOptionsDefaultToGitsDefaults() {
        assertNull(gogo.execute("gstats:scan"));

        ScanRequest request = engine.request;
        assertEquals(List.of(), request.includes());
        assertEquals(List.of(), request.excludes());
        assertNull(request.author());
        assertFalse(request.firstParent());
        assertEquals(0, request.maxCommits());
        assertTrue(request.mailmap());
        assertFalse(request.strict());
        assertEquals(DiffAlgorithm.MYERS, request.diffAlgorithm());
        assertTrue(request.replaceObjects());
    }

    @Test
    public void maxCommitsTakesUpToItsLimit() {
        assertNull(gogo.execute("gstats:scan --max-commits 2147483647"));

        assertEquals(Integer.MAX_VALUE, engine.request.maxCommits());
    }

    @Test
    public void badHistoryOptionsAreBadUsage() {
        assertBadUsage("--max-commits needs a whole number above 0, not '0'",
                gogo.execute("gstats:scan --max-commits 0"));
        assertBadUsage("--max-commits needs a whole number above 0, not 'ten'",
                gogo.execute("gstats:scan --max-commits ten"));
        assertBadUsage("--max-commits is at most 2147483647, not '99999999999999'",
                gogo.execute("gstats:scan --max-commits 99999999999999"));
        assertBadUsage("--max-commits is at most 2147483647, not '2147483648'",
                gogo.execute("gstats:scan --max-commits 2147483648"));
        assertBadUsage("unknown --diff-algorithm 'patience' (use myers, histogram or minimal)",
                gogo.execute("gstats:scan --diff-algorithm patience"));
        assertBadUsage("--author needs a pattern such as 'Ann|ann@example.com' (leave it out to take every author)",
                gogo.execute("gstats:scan --author ''"));
        assertBadUsage("--include needs a value (gstats help scan lists the options)",
                gogo.execute("gstats:scan --include src --include"));
        assertBadUsage("--exclude needs a value before --strict", gogo.execute("gstats:scan --exclude --strict"));
        assertBadUsage("option --strict is given more than once", gogo.execute("gstats:scan --strict --strict"));
        assertNull(engine.request);
    }

    @Test
    public void summaryCountsScannerWarningsApartFromPluginErrors() {
        engine.errors = List.of(new ReportError("scanner", "missing object 0a needed by commit 1b: skipped"),
                new ReportError("metrics", "boom"));

        assertNull(gogo.execute("gstats:scan"));

        assertTrue(gogo.err(), gogo.err().endsWith(" in 2.1 s, 1 scanner warning, 1 plugin error (see the report)\n"));
    }

    @Test
    public void unreadCommitsWriteTheReportAndExitOne() {
        engine.errors = List.of(new ReportError("scanner", "9 commits could not be read: the history stops at commit "
                + "1b, which is in the damaged pack pack-2c.pack (git fsck shows the damage)", 9));

        Exception failure = gogo.execute("gstats:scan --format json");

        assertEquals("json report of " + currentDir + "\n", gogo.out());
        assertTrue(String.valueOf(failure), failure instanceof CommandFailure);
        assertEquals("9 commits of " + currentDir + " could not be read; the report leaves them out (its errors say "
                + "where)", failure.getMessage());
        assertEquals(1, gogo.exitCode());
    }

    @Test
    public void ageIsCountedFromNow() {
        assertNull(gogo.execute("gstats:scan --since 30d"));

        assertEquals(Instant.parse("2024-02-14T12:00:00Z"), engine.request.since());
    }

    @Test
    public void unknownOptionIsBadUsage() {
        assertBadUsage("unknown option '--foo' (options: -f/--format, -o/--output, --table, --pretty, --full, "
                + "--color, -b/--branch, --since, --until, --author, --exclude-author, --group-authors, --include, "
                + "--exclude, -n/--max-commits, --first-parent, --no-renames, "
                + "--no-mailmap, --no-replace-objects, --diff-algorithm, --strict, --changes, --plugins, --max-memory, "
                + "--performance-mode, "
                + "--store, --no-store, -q/--quiet, -v/--verbose)",
                gogo.execute("gstats:scan /tmp --foo"));
        assertNull(engine.request);
    }

    @Test
    public void repeatedOptionIsBadUsage() {
        assertBadUsage("option --format is given more than once",
                gogo.execute("gstats:scan --format json --format text"));
    }

    @Test
    public void badDateIsBadUsage() {
        assertBadUsage("invalid date for --since: 'someday' (use 2024-01-31, '2024-01-31 12:00', "
                + "2024-01-31T12:00:00Z, @1700000000, '2 weeks ago', "
                + "yesterday, 'last month' or 30d)",
                gogo.execute("gstats:scan --since someday"));
    }

    @Test
    public void missingOptionValueIsBadUsageThatNamesTheOption() {
        assertBadUsage("--format needs a value (gstats help scan lists the options)", gogo.execute("gstats:scan --format"));
        assertNull(engine.request);
    }

    @Test
    public void helpListsTheOptionsOfTheTableAndScansNothing() {
        assertNull(gogo.execute("gstats:scan --help"));

        assertEquals(ScanOptionTable.OPTIONS.help(), gogo.out());
        assertNull(engine.request);
    }

    @Test
    public void singleQuotedArgumentsArriveVerbatim() {
        assertNull(gogo.execute("gstats:scan --branch '007' '1e5 $HOME *.java'"));

        assertEquals("007", engine.request.branch());
        assertEquals(currentDir.resolve("1e5 $HOME *.java"), engine.request.repository());
    }

    @Test
    public void quietPrintsTheReportOnly() {
        assertNull(gogo.execute("gstats:scan --quiet"));

        assertEquals("text report of " + currentDir + "\n", gogo.out());
        assertEquals("", gogo.err());
    }

    @Test
    public void stderrTerminalComesFromTheSessionOrTheLauncherProperty() {
        assertFalse(ScanCommand.stderrTerminal(gogo.session()));
        System.setProperty(CommandStatus.STDERR_TERMINAL, "true");
        try {
            assertTrue(ScanCommand.stderrTerminal(gogo.session()));
            gogo.session().put(CommandStatus.STDERR_TERMINAL, false);
            assertFalse(ScanCommand.stderrTerminal(gogo.session()));
        } finally {
            System.clearProperty(CommandStatus.STDERR_TERMINAL);
        }
        gogo.session().put(CommandStatus.STDERR_TERMINAL, true);
        assertTrue(ScanCommand.stderrTerminal(gogo.session()));
    }

    @Test
    public void verbosePrintsProgressAndTellsTheLauncher() {
        assertNull(gogo.execute("gstats:scan -v"));

        assertEquals(true, gogo.session().get(CommandStatus.VERBOSE));
        assertEquals("gstats: scanning " + currentDir + "\n"
                + "gstats: 3 commits…\n"
                + "gstats: scanned 3 commits of " + currentDir + " in 2.1 s\n", gogo.err());
    }

    @Test
    public void verboseIsSetEvenWhenTheCommandFails() {
        assertBadUsage("unknown format 'xml' (available: broken, csv, json, text)",
                gogo.execute("gstats:scan --verbose --format xml"));

        assertEquals(true, gogo.session().get(CommandStatus.VERBOSE));
    }

    @Test
    public void outputFileGetsTheReportAndTheSummaryNamesIt() throws IOException {
        Path directory = Files.createDirectory(currentDir.resolve("out dir"));

        assertNull(gogo.execute("gstats:scan --format json --output 'out dir/report.json'"));

        Path file = directory.resolve("report.json");
        assertEquals("json report of " + currentDir + "\n", Files.readString(file));
        assertEquals("", gogo.out());
        assertEquals("gstats: scanned 3 commits of " + currentDir + " in 2.1 s, wrote json report to " + file + "\n",
                gogo.err());
        assertEquals(0, gogo.exitCode());
    }

    /**
     * An engine that hands the report over before it returns (while its store records the scan):
     * the report is written then, once, and the summary follows when the scan has returned.
     */
    @Test
    public void aReportHandedOverEarlyIsWrittenThenAndOnce() throws IOException {
        Path file = currentDir.resolve("report.json");
        List<String> writtenAtHandover = new ArrayList<>();
        engine.handover = () -> writtenAtHandover.add(readOrNothing(file));

        assertNull(gogo.execute("gstats:scan --format json --output report.json"));

        assertEquals(List.of("json report of " + currentDir + "\n"), writtenAtHandover);
        assertEquals("json report of " + currentDir + "\n", Files.readString(file));
        assertEquals("gstats: scanned 3 commits of " + currentDir + " in 2.1 s, wrote json report to " + file + "\n",
                gogo.err());
        assertEquals(0, gogo.exitCode());
    }

    /** A write that fails at the handover fails the command as it did after the scan: exit 1, the old file kept. */
    @Test
    public void aWriteFailingAtTheHandoverIsExitOneAndLeavesTheOldFile() throws IOException {
        Path file = Files.writeString(currentDir.resolve("report.txt"), "old report");
        engine.handover = () -> { };

        Exception failure = gogo.execute("gstats:scan --format broken --output report.txt");

        assertTrue(String.valueOf(failure), failure instanceof CommandFailure);
        assertEquals("cannot write the report to " + file + ": disk full", failure.getMessage());
        assertEquals(1, gogo.exitCode());
        assertEquals("old report", Files.readString(file));
    }

    private static String readOrNothing(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "nothing";
        }
    }

    @Test
    public void writeFailureIsExitOneAndLeavesTheOldFile() throws IOException {
        Path file = Files.writeString(currentDir.resolve("report.txt"), "old report");

        Exception failure = gogo.execute("gstats:scan --format broken --output report.txt");

        assertTrue(String.valueOf(failure), failure instanceof CommandFailure);
        assertEquals("cannot write the report to " + file + ": disk full", failure.getMessage());
        assertEquals(1, gogo.exitCode());
        assertEquals("old report", Files.readString(file));
        assertEquals("", gogo.err());
    }

    @Test
    public void consoleWriteFailureIsExitOne() {
        Exception failure = gogo.execute("gstats:scan --format broken");

        assertEquals("cannot write the report: disk full", failure.getMessage());
        assertEquals(1, gogo.exitCode());
    }

    @Test
    public void scanExceptionIsThrownOnWithItsExitCode() {
        engine.failure = new ScanException(ScanException.Reason.BAD_INPUT,
                "not a Git repository: /tmp/x (pass the path of a repository or a directory inside one)");
        assertSame(engine.failure, gogo.execute("gstats:scan /tmp/x"));
        assertEquals(2, gogo.exitCode());

        engine.failure = new ScanException(ScanException.Reason.FAILED, "cannot read pack file");
        assertSame(engine.failure, gogo.execute("gstats:scan /tmp/x"));
        assertEquals(1, gogo.exitCode());
    }

    @Test
    public void unexpectedEngineFailureIsExitOneWithOneLine() {
        engine.crash = new IllegalStateException("boom\n\tat somewhere");

        Exception failure = gogo.execute("gstats:scan");

        assertEquals("unexpected failure: boom", failure.getMessage());
        assertSame(engine.crash, failure.getCause());
        assertEquals(1, gogo.exitCode());
    }

    @Test
    public void successAfterFailureResetsTheExitCode() {
        gogo.execute("gstats:scan --foo");
        assertEquals(2, gogo.exitCode());

        assertNull(gogo.execute("gstats:scan"));
        assertEquals(0, gogo.exitCode());
    }

    @Test
    public void summaryCountsPluginErrors() {
        engine.errors = List.of(new ReportError("metrics", "boom"), new ReportError("churn", "bang"));

        assertNull(gogo.execute("gstats:scan"));

        assertEquals("gstats: scanned 3 commits of " + currentDir + " in 2.1 s, 2 plugin errors (see the report)\n",
                gogo.err());
        assertEquals(0, gogo.exitCode());
    }

    @Test
    public void removedWriterIsNoLongerOffered() {
        command.removeReportWriter(new NamingWriter("json", Set.of()), properties("json", 1L));

        assertBadUsage("unknown format 'json' (available: broken, csv, text)",
                gogo.execute("gstats:scan --format json"));
    }

    @Test
    public void withoutFormatATerminalGetsTextAndAnythingElseJson() {
        gogo.session().put(CommandStatus.TERMINAL, false);
        assertNull(gogo.execute("gstats:scan --quiet"));
        assertEquals("json report of " + currentDir + "\n", gogo.out());

        gogo.session().put(CommandStatus.TERMINAL, true);
        assertNull(gogo.execute("gstats:scan --quiet"));
        assertEquals("json report of " + currentDir + "\ntext report of " + currentDir + "\n", gogo.out());
    }

    @Test
    public void prettyAndTheChosenTableReachTheWriter() {
        assertNull(gogo.execute("gstats:scan --format json --pretty --quiet"));
        assertNull(gogo.execute("gstats:scan --format csv --table commits.authors --quiet"));

        assertEquals("json report of " + currentDir + " (pretty)\ncommits.authors\n", gogo.out());
    }

    @Test
    public void prettyForAFormatWithoutIndentationIsBadUsageBeforeTheScan() {
        assertBadUsage("--pretty does not apply to text (formats that indent: json)",
                gogo.execute("gstats:scan --format text --pretty"));
        assertNull(engine.request);
    }

    @Test
    public void tableForAFormatThatWritesTheWholeReportIsBadUsage() {
        assertBadUsage("--table does not apply to json, which writes the whole report (formats that write one "
                + "table: csv)", gogo.execute("gstats:scan --format json --table commits.authors"));
        assertNull(engine.request);
    }

    @Test
    public void tablesToTheConsoleNeedAChosenTable() {
        assertBadUsage("csv writes one table to stdout: name it with --table commits.authors, or give --output DIR",
                gogo.execute("gstats:scan --format csv"));
        assertNull(engine.request);
    }

    @Test
    public void unknownTableIsBadUsageNamingTheTablesThereAre() {
        assertBadUsage("unknown table 'commits.nope' (available: commits.totals, commits.authors)",
                gogo.execute("gstats:scan --format csv --table commits.nope"));
        assertEquals("", gogo.out());
    }

    @Test
    public void chosenTableGoesToAFileWithOutput() throws IOException {
        assertNull(gogo.execute("gstats:scan --format csv --table commits.totals --output totals.csv --quiet"));

        assertEquals("commits.totals\n", Files.readString(currentDir.resolve("totals.csv")));
    }

    @Test
    public void everyTableGoesToADirectoryAndTheSummaryNamesIt() throws IOException {
        assertNull(gogo.execute("gstats:scan --format csv --output 'report dir'"));

        Path directory = currentDir.resolve("report dir");
        assertEquals(List.of("commits_authors.csv", "commits_totals.csv"), names(directory));
        assertEquals("commits.authors\n", Files.readString(directory.resolve("commits_authors.csv")));
        assertEquals("gstats: scanned 3 commits of " + currentDir + " in 2.1 s, wrote csv report to " + directory
                + "\n", gogo.err());
        assertEquals(List.of("report dir"), names(currentDir));
    }

    @Test
    public void anEarlierReportDirectoryIsReplaced() throws IOException {
        Path directory = Files.createDirectory(currentDir.resolve("report"));
        Files.writeString(directory.resolve("old_table.csv"), "old");

        assertNull(gogo.execute("gstats:scan --format csv --output report --quiet"));

        assertEquals(List.of("commits_authors.csv", "commits_totals.csv"), names(directory));
    }

    @Test
    public void aDirectoryWithOtherFilesIsNeverReplaced() throws IOException {
        Files.writeString(currentDir.resolve("notes.txt"), "mine");
        Path nested = Files.createDirectories(currentDir.resolve("reports/tables.csv"));

        assertBadUsage("--output directory " + currentDir + " holds more than csv files, e.g. notes.txt (give a new "
                + "or empty directory; an earlier csv report is replaced)",
                gogo.execute("gstats:scan --format csv --output ."));
        assertBadUsage("--output directory " + nested.getParent() + " holds more than csv files, e.g. tables.csv "
                + "(give a new or empty directory; an earlier csv report is replaced)",
                gogo.execute("gstats:scan --format csv --output reports"));
        Exception root = gogo.execute("gstats:scan --format csv --output /");
        assertTrue(root.getMessage(), root.getMessage().startsWith("--output directory / holds more than csv files"));
        assertEquals(2, gogo.exitCode());
        assertNull(engine.request);
        assertEquals("mine", Files.readString(currentDir.resolve("notes.txt")));
        assertTrue(Files.isDirectory(nested));
    }

    @Test
    public void directoryOutputOverAFileIsBadUsage() throws IOException {
        Path file = Files.writeString(currentDir.resolve("report.csv"), "a file");

        assertBadUsage("--output for csv is a directory, but " + file + " is a file (give a directory, or --table "
                + "to write one table)", gogo.execute("gstats:scan --format csv --output report.csv"));
    }

    @Test
    public void fileOutputMustBeAFileInAnExistingDirectory() throws IOException {
        Path directory = Files.createDirectory(currentDir.resolve("reports"));

        assertBadUsage("--output is a directory: " + directory + " (give a file name)",
                gogo.execute("gstats:scan --format json --output reports"));
        assertBadUsage("no such directory for --output: " + directory.resolve("missing") + " (create it first)",
                gogo.execute("gstats:scan --format json --output reports/missing/out.json"));
        assertBadUsage("no such directory for --output: " + directory.resolve("missing") + " (create it first)",
                gogo.execute("gstats:scan --format csv --output reports/missing/out"));
        assertNull(engine.request);
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    private void assertBadUsage(String message, Exception failure) {
        assertTrue(String.valueOf(failure), failure instanceof CommandFailure);
        assertEquals(message, failure.getMessage());
        assertEquals(2, gogo.exitCode());
    }

    private static Map<String, Object> properties(String format, long serviceId) {
        return Map.of(ReportWriter.FORMAT_PROPERTY, format, "service.id", serviceId);
    }

    /** Stands in for the engine: remembers the request, reports 3 commits, answers with an empty report. */
    @Test
    public void memoryOptionsBecomeConfigurationKeys() {
        LayeredConfiguration configuration = new LayeredConfiguration();
        command.setConfiguration(configuration);

        assertNull(gogo.execute("gstats:scan --max-memory 256MB --performance-mode low"));

        assertEquals(Map.of(ScanOptionTable.MAX_MEMORY.key(), "256MB", ScanOptionTable.PERFORMANCE_MODE.key(), "low"),
                configuration.request.commandLine());
    }

    @Test
    public void aMemoryOptionWithoutValueIsBadUsage() {
        command.setConfiguration(new LayeredConfiguration());
        assertBadUsage("--max-memory needs a value before --quiet", gogo.execute("gstats:scan --max-memory --quiet"));
    }

    @Test
    public void configuredValuesFillTheOptionsNotGiven() {
        LayeredConfiguration configuration = new LayeredConfiguration();
        configuration.configured.put(ScanOptionTable.SINCE.key(), "2024-01-01");
        configuration.configured.put(ScanOptionTable.FORMAT.key(), "json");
        configuration.configured.put(ScanOptionTable.NO_RENAMES.key(), false);
        command.setConfiguration(configuration);

        assertNull(gogo.execute("gstats:scan --until 2024-01-31 sub"));

        assertEquals(currentDir.resolve("sub"), configuration.request.repository());
        assertEquals(Map.of(ScanOptionTable.UNTIL.key(), "2024-01-31"), configuration.request.commandLine());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), engine.request.since());
        assertEquals(Instant.parse("2024-01-31T23:59:59.999999999Z"), engine.request.until());
        assertFalse(engine.request.detectRenames());
        assertEquals("json report of " + currentDir.resolve("sub") + "\n", gogo.out());
    }

    @Test
    public void configuredHistoryKeysFillTheHistoryOptionsNotGiven() {
        LayeredConfiguration configuration = new LayeredConfiguration();
        configuration.configured.put(ScanOptionTable.FIRST_PARENT.key(), true);
        configuration.configured.put(ScanOptionTable.EXCLUDE.key(), List.of("vendor/**", "gen/{a,b}/**"));
        configuration.configured.put(ScanOptionTable.MAX_COMMITS.key(), 25L);
        configuration.configured.put(ScanOptionTable.NO_MAILMAP.key(), false);
        configuration.configured.put(ScanOptionTable.DIFF_ALGORITHM.key(), "histogram");
        configuration.configured.put(ScanOptionTable.STRICT.key(), true);
        configuration.configured.put(ScanOptionTable.NO_REPLACE_OBJECTS.key(), false);
        command.setConfiguration(configuration);

        assertNull(gogo.execute("gstats:scan --max-commits 7"));

        assertTrue(engine.request.firstParent());
        assertEquals(List.of("vendor/**", "gen/{a,b}/**"), engine.request.excludes());
        assertEquals(7, engine.request.maxCommits());
        assertFalse(engine.request.mailmap());
        assertEquals(DiffAlgorithm.HISTOGRAM, engine.request.diffAlgorithm());
        assertTrue(engine.request.strict());
        assertFalse(engine.request.replaceObjects());
    }

    @Test
    public void pluginSectionsBecomeTheScansSettings() {
        LayeredConfiguration configuration = new LayeredConfiguration();
        configuration.configured.put("module.coupling.min-degree", 50L);
        configuration.configured.put("module.ownership.kinds", List.of("src", "test"));
        command.setConfiguration(configuration);

        assertNull(gogo.execute("gstats:scan --changes"));

        assertEquals(Map.of("min.degree", 50L), engine.request.settings("module.coupling"));
        assertEquals(Map.of("kinds", List.of("src", "test")), engine.request.settings("module.ownership"));
        assertEquals(true, engine.request.settings("module.commits").get("changes"));
        assertEquals(Map.of(), engine.request.options());
    }

    @Test
    public void repeatedAuthorsAndExcludedAuthorsBecomeOnePatternCheckedBeforeTheScan() {
        assertNull(gogo.execute("gstats:scan --author Ann --exclude-author bot --author 'Bob|Cy'"));
        assertEquals("^(?!.*(?:(?:bot)))(?=.*(?:(?:Ann)|(?:Bob|Cy)))", engine.request.author());

        engine.request = null;
        assertBadUsage("invalid author pattern 'Ann (' for --exclude-author: Unclosed group (a Java regular "
                + "expression)", gogo.execute("gstats:scan --exclude-author 'Ann ('"));
        assertNull(engine.request);
    }

    @Test
    public void groupAuthorsReachesTheCommitsPluginAndIsChecked() {
        assertNull(gogo.execute("gstats:scan --group-authors name"));
        assertEquals("name", engine.request.settings("module.commits").get("group.authors"));

        assertBadUsage("--group-authors takes email or name, not 'login'",
                gogo.execute("gstats:scan --group-authors login"));
    }

    @Test
    public void fullAppliesOnlyToFormatsThatSummarise() {
        assertBadUsage("--full does not apply to json, which writes every table whole (formats that summarise: "
                + "none)", gogo.execute("gstats:scan --format json --full"));
        assertBadUsage("--color takes auto, always or never, not 'red'", gogo.execute("gstats:scan --color red"));
    }

    @Test
    public void flagsOnTheCommandLineAreGivenToTheConfiguration() {
        LayeredConfiguration configuration = new LayeredConfiguration();
        command.setConfiguration(configuration);

        assertNull(gogo.execute("gstats:scan --quiet --no-renames --changes --format text"));

        assertEquals(Map.of(ScanOptionTable.QUIET.key(), "true", ScanOptionTable.VERBOSE.key(), "false",
                ScanOptionTable.NO_RENAMES.key(), "false", ScanOptionTable.CHANGES.key(), "true", ScanOptionTable.FORMAT.key(), "text"),
                configuration.request.commandLine());
        assertEquals("", gogo.err());
        assertEquals(true, gogo.session().get(CommandStatus.QUIET));
    }

    @Test
    public void aConfigurationThatCannotBeUsedIsBadInputAndNothingIsScanned() {
        LayeredConfiguration configuration = new LayeredConfiguration();
        configuration.problem = "/home/a/.config/gstats/config.toml:3:15: malformed TOML: unexpected '='";
        command.setConfiguration(configuration);

        assertBadUsage(configuration.problem, gogo.execute("gstats:scan"));
        assertNull(engine.request);
    }

    /** The configuration keys the shell reads, with configured values over defaults and the command line over both. */
    private static final class LayeredConfiguration implements GstatsConfiguration {
        final Map<String, Object> configured = new java.util.HashMap<>();
        ConfigRequest request;
        String problem;

        @Override
        public EffectiveConfiguration resolve(ConfigRequest configRequest) throws ConfigException {
            request = configRequest;
            if (problem != null) {
                throw new ConfigException(problem);
            }
            Map<String, Object> values = new java.util.LinkedHashMap<>(Map.of(ScanOptionTable.VERBOSE.key(), false,
                    ScanOptionTable.QUIET.key(), false, ScanOptionTable.NO_RENAMES.key(), true, ScanOptionTable.SINCE.key(), "",
                    ScanOptionTable.UNTIL.key(), "", ScanOptionTable.CHANGES.key(), false, ScanOptionTable.FORMAT.key(), "",
                    ScanOptionTable.OUTPUT.key(), "", ScanOptionTable.PRETTY.key(), false));
            values.putAll(Map.of(ScanOptionTable.FIRST_PARENT.key(), false, ScanOptionTable.INCLUDE.key(), List.of(),
                    ScanOptionTable.EXCLUDE.key(), List.of(), ScanOptionTable.MAX_COMMITS.key(), 0L,
                    ScanOptionTable.NO_MAILMAP.key(), true, ScanOptionTable.DIFF_ALGORITHM.key(), "myers",
                    ScanOptionTable.STRICT.key(), false, ScanOptionTable.PLUGINS.key(), List.of()));
            values.putAll(Map.of(ScanOptionTable.GROUP_AUTHORS.key(), "email", ScanOptionTable.COLOR.key(), "auto",
                    ReportArguments.THEME_KEY, "dark", ScanOptionTable.NO_REPLACE_OBJECTS.key(), true));
            values.putAll(configured);
            configRequest.commandLine().forEach((key, text) -> values.put(key,
                    text.equals("true") || text.equals("false") ? Boolean.valueOf(text) : text));
            return new EffectiveConfiguration(values.entrySet().stream()
                    .map(entry -> new Setting(entry.getKey(), entry.getValue(), Rung.DEFAULTS, "test"))
                    .toList(), List.of());
        }

        @Override
        public String defaultsFile() {
            return "";
        }
    }

    private static final class RecordingEngine implements ScanEngine {
        ScanRequest request;
        PluginSelection selection;
        ScanException failure;
        RuntimeException crash;
        List<ReportError> errors = List.of();
        /** When set, the report is handed over before the scan returns (as a store's write runs), then this runs. */
        Runnable handover;

        @Override
        public Report scan(ScanRequest scanRequest, ProgressListener progress) throws ScanException {
            return scan(scanRequest, PluginSelection.ALL, progress);
        }

        @Override
        public Report scan(ScanRequest scanRequest, PluginSelection plugins, ProgressListener progress)
                throws ScanException {
            request = scanRequest;
            selection = plugins;
            if (failure != null) {
                throw failure;
            }
            if (crash != null) {
                throw crash;
            }
            progress.commitsScanned(3);
            ReportHeader header = new ReportHeader("0.1.0", scanRequest.repository().toString(), "HEAD",
                    "0123456789abcdef0123456789abcdef01234567", CLOCK.instant(), 2100);
            ReportSection commits = new ReportSection("commits", List.of(new Fields("totals", Map.of("commits", 3)),
                    Table.builder("authors", "name").row("Ann").build()));
            Report report = new Report(header, List.of(commits), errors);
            if (handover != null) {
                progress.reportReady(report);
                handover.run();
            }
            return report;
        }
    }

    /** Writes one line naming its format, the repository and, when asked, that it is pretty. */
    private static final class NamingWriter implements ReportWriter {
        private final String format;
        private final Set<Option> options;

        NamingWriter(String format, Set<Option> options) {
            this.format = format;
            this.options = options;
        }

        @Override
        public String format() {
            return format;
        }

        @Override
        public Set<Option> options() {
            return options;
        }

        @Override
        public void write(Report report, OutputStream out) throws IOException {
            write(report, WriterOptions.DEFAULT, out);
        }

        @Override
        public void write(Report report, WriterOptions writerOptions, OutputStream out) throws IOException {
            out.write((format + " report of " + report.header().repository() + (writerOptions.pretty() ? " (pretty)"
                    : "") + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Like CSV: the chosen table's name to a stream, or one file per table into a directory. */
    private static final class TableWriter implements ReportWriter {
        @Override
        public String format() {
            return "csv";
        }

        @Override
        public Set<Option> options() {
            return Set.of(Option.TABLE);
        }

        @Override
        public boolean writesDirectory(WriterOptions options) {
            return options.table() == null;
        }

        @Override
        public void write(Report report, OutputStream out) {
            throw new UnsupportedOperationException("the command always passes the options");
        }

        @Override
        public void write(Report report, WriterOptions options, OutputStream out) throws IOException {
            out.write((options.table() + "\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void writeDirectory(Report report, WriterOptions options, Path directory) throws IOException {
            for (String name : report.itemNames()) {
                Files.writeString(directory.resolve(name.replace('.', '_') + ".csv"), name + "\n");
            }
        }
    }

    /** Fails half way, as a full disk would. */
    private static final class FailingWriter implements ReportWriter {
        @Override
        public String format() {
            return "broken";
        }

        @Override
        public void write(Report report, OutputStream out) throws IOException {
            out.write("half a rep".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }
    }
}
