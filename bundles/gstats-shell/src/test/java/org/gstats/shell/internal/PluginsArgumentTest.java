package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.gstats.api.scan.PluginSelection;
import org.junit.Test;

public class PluginsArgumentTest {

    @Test
    public void absentMeansEveryPlugin() throws CommandFailure {
        assertEquals(PluginSelection.ALL, PluginsArgument.selection(ScanArguments.ABSENT));
    }

    @Test
    public void namesAreSplitAtCommasAndTrimmed() throws CommandFailure {
        assertEquals(List.of("commits", "ownership"),
                List.copyOf(PluginsArgument.selection("ownership, commits").names()));
    }

    @Test
    public void emptyNameIsBadUsage() {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> PluginsArgument.selection("commits,"));
        assertEquals("--plugins needs plugin names separated by commas, e.g. commits,ownership (got 'commits,')",
                failure.getMessage());
        assertEquals(2, failure.exitCode());
    }
}
