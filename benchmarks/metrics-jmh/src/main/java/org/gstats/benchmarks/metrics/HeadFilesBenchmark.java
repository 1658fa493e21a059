package org.gstats.benchmarks.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gstats.plugin.metrics.internal.complexity.ComplexityAnalyzer;
import org.gstats.plugin.metrics.internal.duplication.CloneDetector;
import org.gstats.plugin.metrics.internal.duplication.TokenSequence;
import org.gstats.plugin.metrics.internal.format.FileFormat;
import org.gstats.plugin.metrics.internal.format.FormatDetector;
import org.gstats.plugin.metrics.internal.text.LineCounter;
import org.gstats.plugin.metrics.internal.text.SourceScanner;
import org.gstats.plugin.metrics.internal.text.Syntax;
import org.gstats.plugin.metrics.internal.text.TextLines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The metrics plugin's head-file analysers, one step at a time, on the text files under {@code dir} (read and
 * decoded before timing), on one thread. Each score is passes over the tree per second: times the file counts the
 * set-up prints, files per second (the analysed files for {@code complexity}). {@code scan}: format detection, the
 * source scan with line counting and clone tokens (what every text file gets); {@code complexity}: lexing and
 * complexity of the files in a language with an analyser; {@code clones}: clone detection over every source
 * file's tokens (the part of the section made after all files are in, on one thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"})
public class HeadFilesBenchmark {

    /** Minimum clone size, as the plugin's defaults. */
    private static final int MIN_TOKENS = 50;
    private static final int MIN_LINES = 5;

    /** Text file under the tree: path, text, characters, format. */
    private record Source(String path, String text, char[] chars, FileFormat format) {
    }

    @Param("")
    public String dir;

    private final List<Source> files = new ArrayList<>();
    private final List<Source> analysed = new ArrayList<>();
    private final List<TokenSequence.Tokens> tokens = new ArrayList<>();
    private final List<String> tokenPaths = new ArrayList<>();
    private final FormatDetector detector = new FormatDetector();

    @Setup
    public void read(BenchmarkParams params) throws IOException {
        if (dir.isEmpty()) {
            throw new IllegalArgumentException("give the tree: -p dir=PATH");
        }
        Path root = Path.of(dir);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] data = Files.readAllBytes(file);
                if (binary(data)) {
                    continue;
                }
                String path = root.relativize(file).toString();
                String text = new String(data, StandardCharsets.UTF_8);
                Source source = new Source(path, text, text.toCharArray(), detector.detect(path, false, null, text));
                files.add(source);
                if (source.format().language() != null && source.format().language().analyzer() != null) {
                    analysed.add(source);
                    TokenSequence sequence = new TokenSequence(source.chars());
                    SourceScanner.scan(source.chars(), TextLines.of(source.chars()), source.format().language().syntax(),
                            sequence);
                    tokens.add(sequence.tokens());
                    tokenPaths.add(path);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        System.out.printf("%n%d text files, %d with a complexity analyser, under %s%n", files.size(),
                analysed.size(), root);
    }

    /** Git's rule: a NUL byte in the first 8000 bytes. */
    private static boolean binary(byte[] data) {
        for (int i = 0; i < Math.min(data.length, 8000); i++) {
            if (data[i] == 0) {
                return true;
            }
        }
        return false;
    }

    @Benchmark
    public void scan(Blackhole hole) {
        for (Source file : files) {
            FileFormat format = detector.detect(file.path(), false, null, file.text());
            Syntax syntax = format.language() == null ? Syntax.PLAIN : format.language().syntax();
            LineCounter counter = new LineCounter();
            TokenSequence sequence = new TokenSequence(file.chars());
            // the plugin finds a text's lines once, for the scan, the line counter and the lexer
            TextLines lines = TextLines.of(file.chars());
            SourceScanner.scan(file.chars(), lines, syntax, (kind, start, end, startLine, endLine) -> {
                counter.lexeme(kind, start, end, startLine, endLine);
                sequence.lexeme(kind, start, end, startLine, endLine);
            });
            hole.consume(counter.counts(lines));
            hole.consume(sequence.tokens());
        }
    }

    @Benchmark
    public void complexity(Blackhole hole) {
        for (Source file : analysed) {
            hole.consume(ComplexityAnalyzer.analyze(file.format().language().analyzer(), file.text(), file.chars(),
                    TextLines.of(file.chars())));
        }
    }

    @Benchmark
    public void clones(Blackhole hole) {
        CloneDetector clones = new CloneDetector(MIN_TOKENS, MIN_LINES);
        for (int i = 0; i < tokens.size(); i++) {
            clones.add(tokenPaths.get(i), tokens.get(i));
        }
        hole.consume(clones.detect());
    }
}
