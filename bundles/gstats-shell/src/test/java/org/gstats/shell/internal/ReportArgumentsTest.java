package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.gstats.api.report.WriterOptions;
import org.junit.Test;

public class ReportArgumentsTest {

    private static final String ABSENT = ScanArguments.ABSENT;

    private static WriterOptions options(String color, boolean console, boolean terminal, Map<String, String> env)
            throws CommandFailure {
        return new ReportArguments(ABSENT, false, color, ABSENT).writerOptions(false, null, console, terminal,
                env::get);
    }

    @Test
    public void colourOnATerminalUnlessNoColorOrDumb() throws CommandFailure {
        assertTrue(options(ABSENT, true, true, Map.of()).color());
        assertFalse(options(ABSENT, true, false, Map.of()).color());
        assertFalse(options(ABSENT, true, true, Map.of("NO_COLOR", "1")).color());
        assertFalse(options(ABSENT, true, true, Map.of("TERM", "dumb")).color());
        assertFalse(options("auto", false, true, Map.of()).color());
    }

    @Test
    public void cliColorForceColoursAPipeButNotOverNoColor() throws CommandFailure {
        assertTrue(options(ABSENT, true, false, Map.of("CLICOLOR_FORCE", "1")).color());
        assertFalse(options(ABSENT, true, false, Map.of("CLICOLOR_FORCE", "0")).color());
        assertFalse(options(ABSENT, true, false, Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "x")).color());
    }

    @Test
    public void theOptionOverridesTheEnvironment() throws CommandFailure {
        assertTrue(options("always", false, false, Map.of("NO_COLOR", "1")).color());
        assertFalse(options("never", true, true, Map.of("CLICOLOR_FORCE", "1")).color());
    }

    @Test
    public void widthFromColumnsElseOneHundredAndNeverNarrowerThanForty() throws CommandFailure {
        assertEquals(132, options(ABSENT, true, true, Map.of("COLUMNS", "132")).width());
        assertEquals(100, options(ABSENT, true, true, Map.of("COLUMNS", "wide")).width());
        assertEquals(40, options(ABSENT, true, true, Map.of("COLUMNS", "20")).width());
        assertEquals(100, options(ABSENT, false, true, Map.of("COLUMNS", "132")).width());
    }

    @Test
    public void themeComesFromTheConfiguration() throws CommandFailure {
        assertEquals("light", new ReportArguments(ABSENT, true, ABSENT, "light").writerOptions(false, null, true,
                true, name -> null).theme());
        assertTrue(new ReportArguments(ABSENT, true, ABSENT, ABSENT).writerOptions(false, null, true, true,
                name -> null).full());
    }
}
