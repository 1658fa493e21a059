package org.gstats.plugins.coupling.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.PluginScan;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Change coupling of a real repository, scanned by the real scanner, against the changesets
 * {@code git log --no-merges --name-only} lists.
 */
public class CouplingGitTruthTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static final Person ANN = new Person("Ann", "ann@example.com");
    private static final Person BOB = new Person("Bob", "bob@example.com");

    private static GitRepo repo;

    @BeforeClass
    public static void build() throws Exception {
        repo = GitRepo.init(TEMP.newFolder("repo").toPath());
        for (int i = 1; i <= 7; i++) {
            repo.write("src/Order.java", "order " + i + "\n").write("src/OrderTest.java", "test " + i + "\n");
            if (i % 2 == 0) {
                repo.write("src/Invoice.java", "invoice " + i + "\n");
            }
            if (i == 3) {
                repo.write("docs/notes.md", "notes\n");
            }
            repo.commit("order " + i, i % 2 == 0 ? ANN : BOB);
        }
        for (int i = 1; i <= 6; i++) {
            repo.write("src/Invoice.java", "invoice alone " + i + "\n");
            repo.commit("invoice " + i, BOB);
        }
        // one sweeping commit over 40 files, Order and OrderTest among them: beyond the changeset limit
        for (int i = 0; i < 38; i++) {
            repo.write("gen/File" + i + ".java", "generated\n");
        }
        repo.write("src/Order.java", "order swept\n").write("src/OrderTest.java", "test swept\n");
        repo.commit("sweep", ANN);
        repo.git("checkout", "-q", "-b", "side");
        repo.write("src/Order.java", "order on side\n").write("src/Invoice.java", "invoice on side\n");
        repo.commit("side", BOB);
        repo.git("checkout", "-q", "main");
        repo.merge("side", ANN);
    }

    @Test
    public void defaultThresholdsKeepThePairThatAlwaysChangesTogether() throws ScanException {
        Table pairs = pairs(scan(Map.of()));

        assertEquals(expected(CouplingThresholds.DEFAULTS), pairs.rows());
        assertEquals(List.of(List.of("src/Order.java", "src/OrderTest.java", 7, 8, 7, 93.3)), pairs.rows());
    }

    @Test
    public void lowerThresholdsAgreeWithGitToo() throws ScanException {
        // as gstats-config hands over [module.coupling] min-revisions = 1, ...
        Map<String, Object> settings = Map.of("min.revisions", 1L, "min.shared", 1L, "min.degree", 10L,
                "max.changeset.size", 45L);
        ReportSection section = scan(settings);

        assertEquals(expected(new CouplingThresholds(1, 1, 10, 45)), pairs(section).rows());
        Map<String, Object> summary = ((Fields) section.item("summary").orElseThrow()).values();
        assertEquals(Long.parseLong(repo.git("rev-list", "--count", "--no-merges", "HEAD").trim()),
                summary.get("changesets"));
        assertEquals(0L, summary.get("commits_too_large"));
    }

    @Test
    public void badThresholdNamesTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CouplingThresholds.from(Map.of("min.degree", "thirty")));
        assertEquals("[module.coupling] min-degree takes a whole number of 0 or more, not 'thirty'", e.getMessage());
    }

    /** The pairs the definitions give for the changesets C git lists, strongest first. */
    private static List<List<Object>> expected(CouplingThresholds thresholds) {
        List<TreeSet<String>> changesets = new ArrayList<>();
        for (String line : repo.git("log", "--no-merges", "--name-only", "--format=@%H").split("\n")) {
            if (line.startsWith("@")) {
                changesets.add(new TreeSet<>());
            } else if (!line.isBlank()) {
                changesets.get(changesets.size() - 1).add(line);
            }
        }
        Map<String, Integer> revisions = new HashMap<>();
        Map<List<String>, Integer> together = new HashMap<>();
        for (TreeSet<String> changeset : changesets) {
            if (changeset.size() > thresholds.maxChangesetSize()) {
                continue;
            }
            for (String file : changeset) {
                revisions.merge(file, 1, Integer::sum);
                for (String other : changeset.tailSet(file, false)) {
                    together.merge(List.of(file, other), 1, Integer::sum);
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        together.forEach((pair, count) -> {
            int first = revisions.get(pair.get(0));
            int second = revisions.get(pair.get(1));
            double degree = 100.0 * count / ((first + second) / 2.0);
            if (first >= thresholds.minRevisions() && second >= thresholds.minRevisions()
                    && count >= thresholds.minShared() && degree >= thresholds.minDegree()) {
                rows.add(List.of(pair.get(0), pair.get(1), count, first, second, Math.round(degree * 10) / 10.0));
            }
        });
        rows.sort((a, b) -> {
            int byDegree = Double.compare((Double) b.get(5), (Double) a.get(5));
            if (byDegree != 0) {
                return byDegree;
            }
            int byShared = Integer.compare((Integer) b.get(2), (Integer) a.get(2));
            return byShared != 0 ? byShared : (a.get(0) + "\0" + a.get(1)).compareTo(b.get(0) + "\0" + b.get(1));
        });
        return rows;
    }

    private static Table pairs(ReportSection section) {
        return (Table) section.item("pairs").orElseThrow();
    }

    /** Feeds the real scanner's events to one analysis, as the engine does for every plugin. */
    private static ReportSection scan(Map<String, Object> settings) throws ScanException {
        ScanRequest request = ScanRequest.builder(repo.dir())
                .settings(ScanRequest.pluginSection(CouplingPlugin.NAME), settings).build();
        return PluginScan.run(new JGitRepositoryScanner(), request, new CouplingPlugin());
    }
}
