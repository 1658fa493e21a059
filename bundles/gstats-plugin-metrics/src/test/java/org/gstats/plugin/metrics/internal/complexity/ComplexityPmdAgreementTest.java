package org.gstats.plugin.metrics.internal.complexity;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.BeforeClass;
import org.junit.Test;

import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * Compares gstats' cyclomatic and cognitive complexity of every Java method and constructor in a body of real
 * sources (commons-lang3, unpacked into target/ by the build) with PMD 7's CyclomaticComplexity and
 * CognitiveComplexity rules. The differences this accepts are listed, with their reasons, in docs/metrics.md, section
 * "Complexity"; every difference found is written to target/complexity-pmd-differences.txt.
 */
public class ComplexityPmdAgreementTest {

    /**
     * Measured on commons-lang3 3.20.0 (docs/metrics.md, "Complexity"): every method with a body matched, cyclomatic
     * 100 %, cognitive 99.58 %; the floors leave room for a newer corpus, not for regressions.
     */
    private static final double MIN_MATCHED = 0.995;
    private static final double MIN_CYCLOMATIC_AGREEMENT = 0.995;
    private static final double MIN_COGNITIVE_AGREEMENT = 0.99;

    private static final Pattern MESSAGE = Pattern.compile(
            "The (?:method|constructor) '([^'(]+)\\(.*' has a (cyclomatic|cognitive) complexity of (\\d+)");
    private static final Path CORPUS = Path.of("target", "complexity-corpus");

    /** PMD's figures for one method. */
    private static final class PmdMethod {
        final String file;
        final String name;
        final int beginLine;
        final int endLine;
        int cyclomatic;
        int cognitive;
        boolean matched;

        PmdMethod(String file, String name, int beginLine, int endLine) {
            this.file = file;
            this.name = name;
            this.beginLine = beginLine;
            this.endLine = endLine;
        }
    }

    private static final Map<String, List<PmdMethod>> PMD_BY_FILE = new HashMap<>();
    private static List<Path> sources;

    @BeforeClass
    public static void runPmd() throws IOException, URISyntaxException {
        assertTrue("the build unpacks commons-lang3 sources into " + CORPUS.toAbsolutePath()
                + " (maven-dependency-plugin, phase generate-test-resources)", Files.isDirectory(CORPUS));
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        // Surefire enables assertions; PMD's type inference asserts on types it cannot see without the corpus's
        // dependencies, which the complexity rules do not need (PMD's own runs keep assertions off)
        ComplexityPmdAgreementTest.class.getClassLoader().setPackageAssertionStatus("net.sourceforge.pmd", false);
        PMDConfiguration config = new PMDConfiguration();
        config.setDefaultLanguageVersion(LanguageRegistry.PMD.getLanguageById("java").getVersion("17"));
        config.addRuleSet(Path.of(ComplexityPmdAgreementTest.class.getResource("pmd-complexity.xml").toURI())
                .toString());
        config.setIgnoreIncrementalAnalysis(true);
        config.setThreads(2);
        Report report;
        try (PmdAnalysis pmd = PmdAnalysis.create(config)) {
            for (Path source : sources) {
                pmd.files().addFile(source);
            }
            report = pmd.performAnalysisAndCollectReport();
        }
        Map<String, PmdMethod> byKey = new HashMap<>();
        for (RuleViolation violation : report.getViolations()) {
            Matcher m = MESSAGE.matcher(violation.getDescription());
            if (!m.find()) {
                continue;
            }
            String file = Path.of(violation.getFileId().getAbsolutePath()).toAbsolutePath().normalize().toString();
            String key = file + ":" + violation.getBeginLine() + ":" + m.group(1);
            PmdMethod method = byKey.computeIfAbsent(key, k -> {
                PmdMethod created = new PmdMethod(file, m.group(1), violation.getBeginLine(), violation.getEndLine());
                PMD_BY_FILE.computeIfAbsent(file, f -> new ArrayList<>()).add(created);
                return created;
            });
            int value = Integer.parseInt(m.group(3));
            if (m.group(2).equals("cyclomatic")) {
                method.cyclomatic = value;
            } else {
                method.cognitive = value;
            }
        }
    }

    @Test
    public void cyclomaticAndCognitiveAgreeWithPmd() throws IOException {
        int compared = 0;
        int cyclomaticEqual = 0;
        int cognitiveEqual = 0;
        StringBuilder differences = new StringBuilder();
        for (Path source : sources) {
            String file = source.toAbsolutePath().normalize().toString();
            List<PmdMethod> pmd = PMD_BY_FILE.getOrDefault(file, List.of());
            FileComplexity ours = ComplexityAnalyzer.analyze("Java", Files.readString(source, StandardCharsets.UTF_8))
                    .orElseThrow();
            for (FunctionComplexity function : ours.functions()) {
                PmdMethod theirs = find(pmd, function);
                if (theirs == null) {
                    continue;
                }
                theirs.matched = true;
                compared++;
                boolean cyclo = theirs.cyclomatic == function.cyclomatic();
                boolean cog = theirs.cognitive == function.cognitive();
                cyclomaticEqual += cyclo ? 1 : 0;
                cognitiveEqual += cog ? 1 : 0;
                if (!cyclo || !cog) {
                    differences.append(String.format(
                            "%s:%d %s cyclomatic pmd=%d gstats=%d cognitive pmd=%d gstats=%d%n",
                            CORPUS.toAbsolutePath().relativize(source.toAbsolutePath()), function.startLine(),
                            function.name(), theirs.cyclomatic, function.cyclomatic(), theirs.cognitive,
                            function.cognitive()));
                }
            }
        }
        int pmdMethods = 0;
        int bodiless = 0;
        for (List<PmdMethod> methods : PMD_BY_FILE.values()) {
            for (PmdMethod method : methods) {
                if (!method.matched && !hasBody(method)) {
                    // abstract and interface methods: PMD gives them 1, gstats reports only code
                    bodiless++;
                    continue;
                }
                pmdMethods++;
                if (!method.matched) {
                    differences.append(String.format("%s:%d %s not found by gstats%n", method.file, method.beginLine,
                            method.name));
                }
            }
        }
        Files.writeString(Path.of("target", "complexity-pmd-differences.txt"), differences.toString());
        double matched = (double) compared / pmdMethods;
        double cyclomatic = (double) cyclomaticEqual / compared;
        double cognitive = (double) cognitiveEqual / compared;
        System.out.printf("PMD agreement on %d files: %d of %d PMD methods with a body matched (%.2f%%; %d"
                + " bodiless left out), cyclomatic equal %.2f%%, cognitive equal %.2f%%%n", sources.size(), compared,
                pmdMethods, 100 * matched, bodiless, 100 * cyclomatic, 100 * cognitive);
        assertTrue("methods matched " + matched, matched >= MIN_MATCHED);
        assertTrue("cyclomatic agreement " + cyclomatic, cyclomatic >= MIN_CYCLOMATIC_AGREEMENT);
        assertTrue("cognitive agreement " + cognitive, cognitive >= MIN_COGNITIVE_AGREEMENT);
    }

    private static boolean hasBody(PmdMethod method) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(method.file), StandardCharsets.UTF_8);
        return lines.subList(method.beginLine - 1, Math.min(lines.size(), method.endLine)).stream()
                .anyMatch(line -> line.contains("{"));
    }

    private static PmdMethod find(List<PmdMethod> candidates, FunctionComplexity function) {
        PmdMethod best = null;
        for (PmdMethod method : candidates) {
            if (method.name.equals(function.name()) && method.beginLine <= function.startLine()
                    && function.startLine() <= method.endLine && !method.matched
                    && (best == null || method.beginLine > best.beginLine)) {
                best = method;
            }
        }
        return best;
    }
}
