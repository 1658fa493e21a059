package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ScanRequest;
import org.gstats.plugin.commits.internal.CommitsPlugin;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.PluginScan;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The proposed {@code .mailmap} lines, once added to the repository, make {@code git shortlog -sne}
 * show each cluster of identities as its one proper identity with all their commits.
 */
public class MailmapProposalGitTruthTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    @Test
    public void gitShortlogFollowsTheProposal() throws Exception {
        GitRepo repo = GitRepo.init(TEMP.newFolder("repo").toPath());
        Person[] order = {new Person("Ann Lee", "ann@work.example"), new Person("Ann Lee", "ann@home.example"),
            new Person("Ann Lee", "ann@work.example"), new Person("annlee", "7+annlee@users.noreply.github.com"),
            new Person("Bob", "bob@example.com"), new Person("Bobby", "bob@example.com"),
            new Person("Bob", "bob@example.com"), new Person("Cy", "cy@example.com")};
        for (int i = 0; i < order.length; i++) {
            repo.write("f.txt", "v" + i + "\n");
            repo.commit("c" + i, order[i], Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * i));
        }
        ReportSection commits = PluginScan.run(new JGitRepositoryScanner(), ScanRequest.builder(repo.dir()).build(),
                new CommitsPlugin());

        List<String> lines = MailmapProposal.lines((Table) commits.item("identity_clusters").orElseThrow());

        assertEquals(List.of("# 3 identities, 4 commits (same name, github noreply)",
                "Ann Lee <ann@work.example> Ann Lee <ann@home.example>",
                "Ann Lee <ann@work.example> annlee <7+annlee@users.noreply.github.com>",
                "# 2 identities, 3 commits (same email)",
                "Bob <bob@example.com> Bobby <bob@example.com>"), lines);
        Files.writeString(repo.dir().resolve(".mailmap"), String.join("\n", lines) + "\n");
        assertEquals(List.of("4\tAnn Lee <ann@work.example>", "3\tBob <bob@example.com>", "1\tCy <cy@example.com>"),
                shortlog(repo));
    }

    private static List<String> shortlog(GitRepo repo) {
        List<String> rows = new ArrayList<>();
        for (String line : repo.git("shortlog", "-sne", "HEAD").split("\n")) {
            if (!line.isBlank()) {
                rows.add(line.strip());
            }
        }
        return rows;
    }
}
