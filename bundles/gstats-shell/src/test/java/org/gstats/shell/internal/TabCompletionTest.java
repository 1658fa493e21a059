package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.gstats.api.scan.PluginInfo;
import org.gstats.api.scan.PluginState;
import org.junit.Test;

/** What Tab offers after {@code scan}, from scan's option table. The shell on a terminal is {@code ShellLauncherIT}'s. */
public class TabCompletionTest {

    private static final OptionTable SCAN = ScanOptionTable.OPTIONS;
    private static final PluginInfo COMMITS = new PluginInfo("commits", "Commits and authors", "1.0.0", "b", 1,
            PluginState.ACTIVE);
    private static final PluginInfo METRICS = new PluginInfo("metrics", "Files and lines", "1.0.0", "b", 2,
            PluginState.ACTIVE);
    private static final PluginInfo OLD = new PluginInfo("old", "Built for API 1", "0.1.0", "b", 3,
            PluginState.REJECTED);

    private List<String> tables = List.of();
    private List<String> formats = List.of("json", "parquet", "text");

    private final TabCompletion.Sources sources = new TabCompletion.Sources() {
        @Override
        public List<String> formats() {
            return formats;
        }

        @Override
        public List<PluginInfo> plugins() {
            return List.of(COMMITS, METRICS, OLD);
        }

        @Override
        public List<String> tables() {
            return tables;
        }
    };

    @Test
    public void afterFormatTheFormatsWhoseWritersAreThereOrTheTablesListWithoutAny() {
        assertEquals(List.of("json", "parquet", "text"), values(List.of("--format"), ""));
        assertEquals(List.of("json", "parquet", "text"), values(List.of("repo", "-f"), "j"));
        formats = List.of();
        assertEquals(List.of("text", "json", "csv", "xml", "yaml", "markdown", "html"), values(List.of("-f"), ""));
    }

    @Test
    public void anOptionsOwnListIsOffered() {
        assertEquals(List.of("myers", "histogram", "minimal"), values(List.of("--diff-algorithm"), ""));
        assertEquals(List.of("auto", "always", "never"), values(List.of("--color"), ""));
    }

    @Test
    public void pluginNamesFollowThoseTypedAlreadyAfterACommaWithTheirStateWhenNotActive() {
        TabCompletion.Answer answer = TabCompletion.complete(SCAN, List.of("--plugins"), "commits,m", sources);

        assertEquals(List.of(new TabCompletion.Offer("commits,metrics", "metrics", "Files and lines", true),
                new TabCompletion.Offer("commits,old", "old", "rejected", true)), answer.offers());
    }

    @Test
    public void tablesAreTheLastReportsElseTheSectionsToGoOnWith() {
        assertEquals(List.of(new TabCompletion.Offer("plugins.", "plugins.", null, false),
                new TabCompletion.Offer("commits.", "commits.", null, false),
                new TabCompletion.Offer("metrics.", "metrics.", null, false)),
                TabCompletion.complete(SCAN, List.of("--table"), "", sources).offers());
        tables = List.of("commits.authors", "commits.totals");
        assertEquals(tables, values(List.of("--table"), "co"));
    }

    @Test
    public void theOutputIsAFileAndTheOperandADirectory() {
        assertEquals(ValueCompletion.FILES, TabCompletion.complete(SCAN, List.of("-o"), "", sources).paths());
        assertEquals(ValueCompletion.DIRECTORIES, TabCompletion.complete(SCAN, List.of(), "", sources).paths());
        assertEquals(ValueCompletion.DIRECTORIES, TabCompletion.complete(SCAN, List.of("--pretty"), "sr", sources)
                .paths());
        assertEquals(ValueCompletion.DIRECTORIES, TabCompletion.complete(SCAN, List.of("-f", "json"), "", sources)
                .paths());
    }

    @Test
    public void aValueWithoutCompletionOffersNothing() {
        TabCompletion.Answer answer = TabCompletion.complete(SCAN, List.of("--since"), "", sources);

        assertEquals(List.of(), answer.offers());
        assertEquals(ValueCompletion.NONE, answer.paths());
    }

    private List<String> values(List<String> before, String typed) {
        return TabCompletion.complete(SCAN, before, typed, sources).offers().stream().map(TabCompletion.Offer::value)
                .toList();
    }
}
