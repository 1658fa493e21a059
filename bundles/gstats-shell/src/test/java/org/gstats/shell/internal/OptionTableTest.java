package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class OptionTableTest {

    private static final OptionTable SCAN = ScanOptionTable.OPTIONS;
    private static final String OPTION_LIST = "-f/--format, -o/--output, --table, --pretty, --full, --color, "
            + "-b/--branch, --since, --until, --author, --exclude-author, --group-authors, --include, --exclude, "
            + "-n/--max-commits, --first-parent, --no-renames, --no-mailmap, --no-replace-objects, --diff-algorithm, "
            + "--strict, --changes, --plugins, --max-memory, --performance-mode, --store, --no-store, -q/--quiet, "
            + "-v/--verbose";

    @Test
    public void optionsMayComeBeforeAndAfterThePathAndRepeatedOnesKeepEveryValue() throws CommandFailure {
        OptionTable.Given given = SCAN.parse("--include", "src/**", "repo", "-v", "--include", "lib/**", "--format",
                "json");

        assertEquals(List.of("repo"), given.operands());
        assertEquals(List.of("src/**", "lib/**"), given.values(ScanOptionTable.INCLUDE));
        assertEquals("json", given.value(ScanOptionTable.FORMAT));
        assertTrue(given.has(ScanOptionTable.VERBOSE));
        assertFalse(given.has(ScanOptionTable.QUIET));
    }

    @Test
    public void unknownOptionNamesTheOptionsOfTheTable() {
        assertBadUsage("unknown option '--foo' (options: " + OPTION_LIST + ")", "--foo");
        assertBadUsage("unknown option '-x' (options: " + OPTION_LIST + ")", "/srv/repo", "-x");
    }

    @Test
    public void aMistypedOptionGetsTheNearestOne() {
        assertBadUsage("unknown option '--fromat'; did you mean '--format'?", "--fromat", "json");
        assertBadUsage("unknown option '--max-commit'; did you mean '--max-commits'?", "--max-commit", "3");
        assertBadUsage("unknown option '--brnch=main'; did you mean '--branch'?", "--brnch=main");
    }

    @Test
    public void gitsShortFlagsAreRowsOfTheTable() throws CommandFailure {
        OptionTable.Given given = SCAN.parse("-b", "main", "-o", "out.json", "-f", "json", "-n", "5", "-q", "repo");

        assertEquals("main", given.value(ScanOptionTable.BRANCH));
        assertEquals("out.json", given.value(ScanOptionTable.OUTPUT));
        assertEquals("json", given.value(ScanOptionTable.FORMAT));
        assertEquals("5", given.value(ScanOptionTable.MAX_COMMITS));
        assertTrue(given.has(ScanOptionTable.QUIET));
        assertEquals(List.of("repo"), given.operands());
        assertTrue(SCAN.parse("-h").help());
        assertTrue(SCAN.help().contains("  -n, --max-commits N"));
    }

    @Test
    public void optionWithEqualsSignSaysToUseASpace() {
        assertBadUsage("unknown option '--format=json' (write '--format json', with a space)", "--format=json");
    }

    @Test
    public void anOptionThatIsNotRepeatableIsGivenOnce() {
        assertBadUsage("option --format is given more than once", "--format", "json", "--format", "text");
        assertBadUsage("option --verbose is given more than once", "-v", "--verbose");
    }

    @Test
    public void aValueLeftOutIsNamedWhereverItIs() {
        assertBadUsage("--include needs a value (gstats help scan lists the options)", ".", "--include");
        assertBadUsage("--branch needs a value before --quiet", "--branch", "--quiet");
    }

    @Test
    public void gogosNullIsTheWordNull() throws CommandFailure {
        assertEquals(List.of("null"), SCAN.parse(new String[] {null}).operands());
    }

    @Test
    public void theCommandLineSetsTheKeysOfItsOptions() throws CommandFailure {
        OptionTable.Given given = SCAN.parse("--no-renames", "--quiet", "--since", "30d", "--branch", "dev",
                "--include", "src/**");

        // --branch has no key; --include's key fills it but is not set by it (a glob may hold a comma)
        assertEquals(Map.of("scanner.renames", "false", "base.quiet", "true", "base.verbose", "false",
                "scanner.since", "30d"), ScanConfiguration.commandLine(given));
    }

    @Test
    public void helpAndCompletionsComeFromTheTable() throws CommandFailure {
        assertTrue(SCAN.parse("--help").help());
        String help = SCAN.help();
        for (CommandOption option : SCAN.options()) {
            assertTrue(option.name(), help.contains(option.name()));
        }
        assertTrue(help, help.contains("-v, --verbose"));
        assertTrue(SCAN.completions(), SCAN.completions().contains("--diff-algorithm\tmyers histogram minimal\n"));
        assertTrue(SCAN.completions(), SCAN.completions().contains("-v --verbose\t-\n"));
        assertEquals(SCAN.options().size(), SCAN.completions().lines().count());
    }

    private static void assertBadUsage(String message, String... arguments) {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> SCAN.parse(arguments));
        assertEquals(message, failure.getMessage());
        assertEquals(CommandFailure.BAD_USAGE, failure.exitCode());
    }
}
