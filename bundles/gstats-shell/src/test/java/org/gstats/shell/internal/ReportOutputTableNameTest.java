package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;

/** {@code --table} is refused before the scan when its name cannot be one the report will have. */
public class ReportOutputTableNameTest {

    private static final List<String> PLUGINS = List.of("commits", "metrics");

    @Test
    public void aTableOfASectionTheScanWritesPasses() throws CommandFailure {
        ReportOutput.checkTableName("commits.authors", PLUGINS);
        ReportOutput.checkTableName("plugins.execution", PLUGINS);
        ReportOutput.checkTableName(null, PLUGINS);
        // without a registry the sections are not known: the report decides after the scan
        ReportOutput.checkTableName("anything.at-all", List.of());
    }

    @Test
    public void aNameWithoutItsSectionIsRefused() {
        assertRefused("--table takes SECTION.TABLE, e.g. commits.authors (got 'authors')", "authors");
        assertRefused("--table takes SECTION.TABLE, e.g. commits.authors (got 'commits.')", "commits.");
    }

    @Test
    public void anUnknownSectionIsNamedWithTheNearestOne() {
        assertRefused("unknown section 'comits' in --table comits.authors; did you mean 'commits'?",
                "comits.authors");
        assertRefused("unknown section 'nope' in --table nope.x (sections: commits, metrics, plugins)", "nope.x");
    }

    private static void assertRefused(String message, String table) {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> ReportOutput.checkTableName(table, PLUGINS));
        assertEquals(message, failure.getMessage());
        assertEquals(CommandFailure.BAD_USAGE, failure.exitCode());
    }
}
