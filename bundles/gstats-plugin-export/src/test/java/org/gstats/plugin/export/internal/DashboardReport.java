package org.gstats.plugin.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportSection;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.plugin.commits.internal.CommitsPlugin;
import org.gstats.plugin.metrics.internal.MetricsPlugin;
import org.gstats.plugins.coupling.internal.CouplingPlugin;
import org.gstats.plugins.ownership.internal.OwnershipPlugin;
import org.gstats.scanner.internal.JGitRepositoryScanner;
import org.gstats.testkit.GitRepo;
import org.gstats.testkit.GitRepo.Person;
import org.gstats.testkit.PluginScan;

/**
 * A report with something in every view of the dashboard: a real repository of three authors
 * over three years (Java sources in directories, a duplicated block, two files that always
 * change together), scanned by the real scanner with the commits, metrics, ownership and
 * coupling plugins.
 */
final class DashboardReport {

    static final Person ANN = new Person("Ann", "ann@example.com");
    static final Person BOB = new Person("Bob", "bob@example.com");
    static final Person CY = new Person("Cy", "cy@example.com");

    private DashboardReport() {
    }

    static Report build(Path dir) throws IOException, ScanException {
        GitRepo repo = GitRepo.init(dir.resolve("sample"));
        List<Person> people = List.of(ANN, BOB, CY);
        Instant start = Instant.parse("2021-03-01T09:15:00Z");
        repo.write("README.md", "# sample\n").write("src/main/Shared.java", duplicated("Shared"))
                .write("src/test/Copy.java", duplicated("Copy"));
        repo.commit("initial", ANN, start);
        for (int i = 1; i <= 30; i++) {
            Person author = people.get(i % people.size());
            // the service and its client change together every time
            repo.write("src/main/Service.java", javaClass("Service", i))
                    .write("src/main/Client.java", javaClass("Client", i));
            if (i % 4 == 0) {
                repo.write("docs/notes-" + i + ".md", "note " + i + "\n".repeat(i % 5 + 1));
            }
            repo.commit("change " + i, author, start.plusSeconds(i * 37L * 86_400 + i * 3_700L));
        }
        ScanRequest request = ScanRequest.builder(repo.dir()).build();
        List<ReportSection> sections = new ArrayList<>();
        for (ScannerPlugin plugin : List.<ScannerPlugin>of(new CommitsPlugin(), new MetricsPlugin(),
                new OwnershipPlugin(), new CouplingPlugin())) {
            sections.add(PluginScan.run(new JGitRepositoryScanner(), request, plugin));
        }
        ReportHeader header = new ReportHeader("0.1.0-TEST", repo.dir().toString(), "HEAD",
                repo.git("rev-parse", "HEAD").trim(), Instant.parse("2024-06-01T12:00:00Z"), 1234);
        return new Report(header, sections, List.of());
    }

    /** A class whose methods branch more as the revision grows, so that complexity spreads. */
    private static String javaClass(String name, int revision) {
        StringBuilder java = new StringBuilder("package sample;\n\npublic class " + name + " {\n");
        for (int method = 0; method < 14 + revision % 3; method++) {
            java.append("    int m").append(method).append("(int x) {\n");
            for (int branch = 0; branch < method * 2; branch++) {
                java.append("        if (x > ").append(branch).append(") { x -= ").append(branch + 1).append("; }\n");
            }
            java.append("        return x;\n    }\n");
        }
        return java.append("}\n").toString();
    }

    /** The same long method in two classes: a clone the duplication detector finds. */
    private static String duplicated(String name) {
        StringBuilder java = new StringBuilder("package sample;\n\npublic class " + name + " {\n    int sum(int[] v) {\n"
                + "        int total = 0;\n");
        for (int i = 0; i < 40; i++) {
            java.append("        total += v[").append(i).append("] * ").append(i + 3).append(" - (v[").append(i)
                    .append("] % 7);\n");
        }
        return java.append("        return total;\n    }\n}\n").toString();
    }
}
