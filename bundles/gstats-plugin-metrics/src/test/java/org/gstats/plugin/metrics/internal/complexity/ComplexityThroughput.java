package org.gstats.plugin.metrics.internal.complexity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: files per second of {@link ComplexityAnalyzer} over real trees, content already in
 * memory (the plugin reads each file once and shares it). Run by benchmarks/complexity-throughput.sh with
 * arguments {@code Language=directory=extension[,extension]...}. A file that makes the analyzer throw is named
 * and counted, so the run doubles as a robustness check.
 */
public final class ComplexityThroughput {

    private static final int ROUNDS = 3;

    private ComplexityThroughput() {
    }

    public static void main(String[] args) throws IOException {
        List<String[]> sets = new ArrayList<>();
        List<List<String>> contents = new ArrayList<>();
        for (String arg : args) {
            String[] parts = arg.split("=", 3);
            sets.add(parts);
            contents.add(read(Path.of(parts[1]), List.of(parts[2].split(","))));
        }
        // first pass over everything: warms the JIT up and counts functions and failures
        int[] functions = new int[sets.size()];
        int[] failures = new int[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            for (String text : contents.get(i)) {
                try {
                    functions[i] += ComplexityAnalyzer.analyze(sets.get(i)[0], text).orElseThrow().functions().size();
                } catch (RuntimeException e) {
                    failures[i]++;
                    System.err.println(sets.get(i)[0] + ": " + e);
                }
            }
        }
        for (int i = 0; i < sets.size(); i++) {
            String language = sets.get(i)[0];
            List<String> texts = contents.get(i);
            long bytes = texts.stream().mapToLong(String::length).sum();
            long best = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                for (String text : texts) {
                    try {
                        ComplexityAnalyzer.analyze(language, text);
                    } catch (RuntimeException e) {
                        // counted in the first pass
                    }
                }
                best = Math.min(best, System.nanoTime() - start);
            }
            double seconds = best / 1e9;
            System.out.printf("%-10s %6d files %7.1f MB %7d functions %3d failures %7.0f files/s %6.1f MB/s  %s%n",
                    language, texts.size(), bytes / 1e6, functions[i], failures[i], texts.size() / seconds,
                    bytes / 1e6 / seconds, sets.get(i)[1]);
        }
    }

    private static List<String> read(Path root, List<String> extensions) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile)
                    .filter(p -> extensions.stream().anyMatch(e -> p.toString().endsWith(e))).sorted().toList()) {
                texts.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
