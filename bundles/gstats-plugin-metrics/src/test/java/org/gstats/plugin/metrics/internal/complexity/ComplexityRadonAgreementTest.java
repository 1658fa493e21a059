package org.gstats.plugin.metrics.internal.complexity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Compares gstats' cyclomatic complexity of Python functions with radon's ({@code radon cc}, the Debian package
 * .ci/run installs) on packages of the Python standard library that radon runs on. Skipped where radon is not
 * installed. Differences found are written to target/complexity-radon-differences.txt; the README section
 * "Complexity" lists the accepted ones.
 */
public class ComplexityRadonAgreementTest {

    /** Measured 99.84 % on these packages (and 99.71 % on the whole 3.11 standard library). */
    private static final double MIN_AGREEMENT = 0.995;
    private static final List<String> PACKAGES = List.of("json", "email", "http", "logging", "argparse.py",
            "textwrap.py", "csv.py", "difflib.py");

    @Test
    public void pythonCyclomaticAgreesWithRadon() throws IOException, InterruptedException {
        assumeTrue("radon is not installed (apt-get install radon)", onPath("radon"));
        Path stdlib = Path.of(run(List.of("python3", "-c", "import os; print(os.path.dirname(os.__file__))"))
                .strip());
        List<String> command = new ArrayList<>(List.of("radon", "cc", "-j"));
        for (String name : PACKAGES) {
            command.add(stdlib.resolve(name).toString());
        }
        JsonObject report = JsonParser.parseString(run(command)).getAsJsonObject();
        int compared = 0;
        int equal = 0;
        int missing = 0;
        StringBuilder differences = new StringBuilder();
        for (Map.Entry<String, JsonElement> file : report.entrySet()) {
            if (!file.getValue().isJsonArray()) {
                continue;
            }
            Map<String, Integer> radon = new HashMap<>();
            collect(file.getValue().getAsJsonArray(), radon);
            Map<String, Integer> ours = new HashMap<>();
            String text = Files.readString(Path.of(file.getKey()), StandardCharsets.UTF_8);
            for (FunctionComplexity f : ComplexityAnalyzer.analyze("Python", text).orElseThrow().functions()) {
                ours.put(f.name() + ":" + f.startLine(), f.cyclomatic());
            }
            for (Map.Entry<String, Integer> function : radon.entrySet()) {
                Integer mine = ours.get(function.getKey());
                if (mine == null) {
                    missing++;
                    differences.append(file.getKey()).append(' ').append(function.getKey()).append(" not found\n");
                    continue;
                }
                compared++;
                if (mine.equals(function.getValue())) {
                    equal++;
                } else {
                    differences.append(String.format("%s %s radon=%d gstats=%d%n", file.getKey(), function.getKey(),
                            function.getValue(), mine));
                }
            }
        }
        Files.writeString(Path.of("target", "complexity-radon-differences.txt"), differences.toString());
        double agreement = (double) equal / compared;
        System.out.printf("radon agreement: %d Python functions, %d missing, cyclomatic equal %.2f%%%n", compared,
                missing, 100 * agreement);
        assertEquals("functions radon reports that gstats does not", 0, missing);
        assertTrue("cyclomatic agreement " + agreement, agreement >= MIN_AGREEMENT);
    }

    /** Functions and methods, with closures and nested classes, keyed by name and first line. */
    private static void collect(JsonArray blocks, Map<String, Integer> into) {
        for (JsonElement element : blocks) {
            JsonObject block = element.getAsJsonObject();
            String type = block.get("type").getAsString();
            if (type.equals("function") || type.equals("method")) {
                into.put(block.get("name").getAsString() + ":" + block.get("lineno").getAsInt(),
                        block.get("complexity").getAsInt());
            }
            for (String nested : List.of("closures", "methods", "inner_classes")) {
                if (block.has(nested)) {
                    collect(block.getAsJsonArray(nested), into);
                }
            }
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("radon", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(command + " did not finish", process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(command + " failed", 0, process.exitValue());
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
