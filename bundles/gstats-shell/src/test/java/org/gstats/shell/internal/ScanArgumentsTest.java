package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.gstats.api.report.WriterOptions;
import org.gstats.api.scan.ScanRequest;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ScanArgumentsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-15T12:00:00Z"), ZoneOffset.UTC);
    private static final String ABSENT = ScanArguments.ABSENT;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path currentDir;

    @Before
    public void setUp() throws IOException {
        currentDir = temp.newFolder("work").toPath();
    }

    @Test
    public void withoutArgumentsScansTheCurrentDirectoryAsText() throws CommandFailure {
        ScanOptions options = validate(arguments(List.of()));

        assertEquals(currentDir(), options.repository());
        assertEquals("text", options.format());
        assertNull(options.output());
        ScanRequest request = options.request();
        assertEquals(currentDir(), request.repository());
        assertNull(request.branch());
        assertNull(request.since());
        assertNull(request.until());
        assertTrue(request.detectRenames());
        assertEquals(Map.of(), request.options());
    }

    @Test
    public void relativePathResolvesAgainstTheCurrentDirectory() throws CommandFailure {
        assertEquals(currentDir().resolve("sub dir"), validate(arguments(List.of("sub dir"))).repository());
        assertEquals(currentDir().getParent().resolve("other"), validate(arguments(List.of("../other"))).repository());
    }

    @Test
    public void absolutePathIsKept() throws CommandFailure {
        assertEquals(Path.of("/srv/repo"), validate(arguments(List.of("/srv/repo"))).repository());
    }

    @Test
    public void everyOptionReachesTheRequest() throws CommandFailure {
        ScanOptions options = validate(new ScanArguments("json", ABSENT, ABSENT, "release/1.0", "2024-01-01",
                "2024-01-31", true, false, false, true, List.of("/srv/repo")));

        ScanRequest request = options.request();
        assertEquals("release/1.0", request.branch());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), request.since());
        assertEquals(Instant.parse("2024-01-31T23:59:59.999999999Z"), request.until());
        assertFalse(request.detectRenames());
        assertTrue(options.verbose());
        assertFalse(options.quiet());
    }

    @Test
    public void outputResolvesAgainstTheCurrentDirectory() throws CommandFailure {
        ScanOptions options = validate(new ScanArguments("json", "out.json", ABSENT, ABSENT, ABSENT, ABSENT,
                false, false, false, false, List.of()));

        assertEquals(currentDir().resolve("out.json"), options.output());
    }

    @Test
    public void onePathOnly() {
        assertBadUsage("more than one path: 'a', 'b' (give one repository path; options start with --)",
                arguments(List.of("a", "b")));
    }

    @Test
    public void emptyPathIsBadUsage() {
        assertBadUsage("empty repository path (leave it out to scan the current directory)", arguments(List.of("")));
    }

    @Test
    public void bareNullFromGogoIsThePathNull() throws CommandFailure {
        assertEquals(currentDir().resolve("null"), validate(arguments(java.util.Arrays.asList((String) null)))
                .repository());
    }

    @Test
    public void emptyOutputIsBadUsage() {
        assertBadUsage("--output needs a file name (leave it out to print the report)", output(""));
    }

    @Test
    public void tableAndPrettyReachTheOptions() throws CommandFailure {
        ScanOptions options = validate(new ScanArguments("csv", ABSENT, "commits.authors", ABSENT, ABSENT, ABSENT, false, true, false, false, List.of()));

        assertEquals(new WriterOptions(true, "commits.authors"), options.writerOptions());
    }

    @Test
    public void emptyTableIsBadUsage() {
        assertBadUsage("--table needs a name such as commits.authors (SECTION.TABLE)", new ScanArguments("csv", ABSENT,
                "", ABSENT, ABSENT, ABSENT, false, false, false, false, List.of()));
    }

    @Test
    public void withoutFormatTheDefaultIsTaken() throws CommandFailure {
        ScanArguments noFormat = new ScanArguments(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, false, false,
                false, false, List.of());

        assertEquals("json", noFormat.validate(currentDir, CLOCK, "json").format());
        assertEquals("text", noFormat.validate(currentDir, CLOCK, "text").format());
        assertEquals("yaml", new ScanArguments("yaml", ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, false, false,
                false, false, List.of()).validate(currentDir, CLOCK, "json").format());
    }

    @Test
    public void emptyBranchIsBadUsage() {
        assertBadUsage("--branch needs a name (leave it out to scan HEAD)", new ScanArguments("text", ABSENT, ABSENT,
                "", ABSENT, ABSENT, false, false, false, false, List.of()));
    }

    @Test
    public void quietAndVerboseTogetherIsBadUsage() {
        assertBadUsage("--quiet and --verbose contradict each other (give one of them)", new ScanArguments("text",
                ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, false, false, true, true, List.of()));
    }

    @Test
    public void sinceAfterUntilIsBadUsage() {
        assertBadUsage("--since 2024-02-01 is after --until 2024-01-31 (nothing to scan)", new ScanArguments("text",
                ABSENT, ABSENT, ABSENT, "2024-02-01", "2024-01-31", false, false, false, false, List.of()));
    }

    @Test
    public void sameDayForSinceAndUntilIsThatDay() throws CommandFailure {
        ScanOptions options = validate(new ScanArguments("text", ABSENT, ABSENT, ABSENT, "2024-01-31", "2024-01-31", false, false, false, false, List.of()));

        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), options.since());
        assertEquals(Instant.parse("2024-01-31T23:59:59.999999999Z"), options.until());
    }

    @Test
    public void badDateIsBadUsage() {
        assertBadUsage("invalid date for --until: 'soon' (use 2024-01-31, '2024-01-31 12:00', "
                + "2024-01-31T12:00:00Z, @1700000000, '2 weeks ago', "
                + "yesterday, 'last month' or 30d)",
                new ScanArguments("text", ABSENT, ABSENT, ABSENT, ABSENT, "soon", false, false, false, false,
                        List.of()));
    }

    private Path currentDir() {
        return currentDir;
    }

    @Test
    public void withoutFormatTheOutputExtensionPicksIt() throws CommandFailure {
        Map<String, String> expected = Map.of("r.json", "json", "r.csv", "csv", "r.xml", "xml", "r.yaml", "yaml",
                "r.YML", "yaml", "r.html", "html", "r.md", "markdown", "r.txt", "text", "r.bin", "text", ".md", "text");
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            ScanArguments arguments = new ScanArguments(ABSENT, entry.getKey(), ABSENT, ABSENT, ABSENT, ABSENT, false,
                    false, false, false, List.of());
            assertEquals(entry.getKey(), entry.getValue(), validate(arguments).format());
        }
        assertEquals("json", validate(output("r.yaml")).format());
    }

    private ScanOptions validate(ScanArguments arguments) throws CommandFailure {
        return arguments.validate(currentDir(), CLOCK, "text");
    }

    private static ScanArguments arguments(List<String> operands) {
        return new ScanArguments("text", ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, false, false, false, false,
                operands);
    }

    private static ScanArguments output(String file) {
        return new ScanArguments("json", file, ABSENT, ABSENT, ABSENT, ABSENT, false, false, false, false,
                List.of());
    }

    private void assertBadUsage(String message, ScanArguments arguments) {
        try {
            ScanOptions options = validate(arguments);
            fail("accepted as " + options);
        } catch (CommandFailure e) {
            assertEquals(message, e.getMessage());
            assertEquals(CommandFailure.BAD_USAGE, e.exitCode());
        }
    }
}
