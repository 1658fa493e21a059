package org.gstats.plugin.commits.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ScanRequest;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.PluginScan;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code --group-authors} on a repository where one person commits under several emails:
 * {@code email} gives {@code git shortlog -sne}'s rows, {@code name} gives {@code git shortlog -sn}'s,
 * and the identity clusters name who looks like whom.
 */
public class AuthorGroupingGitTruthTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person SAFF_WORK = new Person("David Saff", "saff@work.example.com");
    private static final Person SAFF_HOME = new Person("David Saff", "david@saff.example.net");
    private static final Person SAFF_OLD = new Person("David Saff", "dsaff@old.example.org");
    private static final Person MARC = new Person("Marc Philipp", "marc@example.com");
    private static final Person MARC_NOREPLY = new Person("marcphilipp", "1234+marcphilipp@users.noreply.github.com");
    private static final Person KENT = new Person("Kent Beck", "kent@example.com");
    private static final Person KENT_TYPO = new Person("Kent Beckk", "kent@example.com");
    private static final Person ALONE = new Person("Alone", "alone@example.com");

    private static GitRepo repo;

    @BeforeClass
    public static void build() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("repo").toPath());
        Person[] order = {SAFF_WORK, MARC, SAFF_HOME, MARC, SAFF_OLD, KENT, SAFF_WORK, MARC_NOREPLY, KENT_TYPO,
            SAFF_HOME, MARC, ALONE, SAFF_WORK, MARC, KENT};
        Instant when = Instant.parse("2024-01-01T10:00:00Z");
        for (int i = 0; i < order.length; i++) {
            repo.write("f" + (i % 4) + ".txt", "v" + i + "\n");
            repo.commit("c" + i, order[i], when.plusSeconds(3600L * i));
        }
    }

    private static ReportSection scan(String grouping) throws Exception {
        return PluginScan.run(new JGitRepositoryScanner(), ScanRequest.builder(repo.dir())
                .settings("module.commits", Map.of("group.authors", grouping)).build(), new CommitsPlugin());
    }

    @Test
    public void byEmailIsShortlogSne() throws Exception {
        ReportSection section = scan("email");
        List<String> gstats = new ArrayList<>();
        for (List<Object> row : rows(section, "authors")) {
            gstats.add(row.get(2) + "\t" + row.get(0) + " <" + row.get(1) + ">");
        }
        List<String> git = shortlog("-sne");
        assertEquals(git, gstats);
        assertEquals((long) git.size(), totals(section).get("authors"));
    }

    @Test
    public void byNameIsShortlogSn() throws Exception {
        ReportSection section = scan("name");
        List<String> gstats = new ArrayList<>();
        for (List<Object> row : rows(section, "authors")) {
            gstats.add(row.get(2) + "\t" + row.get(0));
        }
        List<String> git = shortlog("-sn");
        assertEquals(git, gstats);
        assertEquals((long) git.size(), totals(section).get("authors"));
        // the person's row is addressed as the identity with the most commits
        assertEquals(List.of("David Saff", "saff@work.example.com", 6L), rows(section, "authors").get(0).subList(0, 3));
    }

    @Test
    public void clustersNameSameNameSameEmailAndNoreply() throws Exception {
        List<String> clusters = new ArrayList<>();
        for (List<Object> row : rows(scan("email"), "identity_clusters")) {
            clusters.add(row.get(0) + " " + row.get(1) + " <" + row.get(2) + "> " + row.get(3) + " " + row.get(4));
        }
        assertEquals(List.of(
                "1 David Saff <saff@work.example.com> 3 same name",
                "1 David Saff <david@saff.example.net> 2 same name",
                "1 David Saff <dsaff@old.example.org> 1 same name",
                "2 Marc Philipp <marc@example.com> 4 github noreply",
                "2 marcphilipp <1234+marcphilipp@users.noreply.github.com> 1 github noreply",
                "3 Kent Beck <kent@example.com> 2 same email",
                "3 Kent Beckk <kent@example.com> 1 same email"), clusters);
    }

    @Test
    public void namesAreComparedNormalised() {
        assertEquals(AuthorIdentities.normalisedName("david saff"), AuthorIdentities.normalisedName(" David   Saff "));
        assertEquals(AuthorIdentities.normalisedName("José"), AuthorIdentities.normalisedName("Jose\u0301"));
    }

    /** {@code git shortlog} lines as {@code COUNT<TAB>NAME [<EMAIL>]}, without its padding. */
    private static List<String> shortlog(String flags) {
        List<String> lines = new ArrayList<>();
        for (String line : repo.git("shortlog", flags, "HEAD").split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static List<List<Object>> rows(ReportSection section, String table) {
        return ((Table) section.item(table).orElseThrow()).rows();
    }

    private static Map<String, Object> totals(ReportSection section) {
        return ((Fields) section.item("totals").orElseThrow()).values();
    }
}
