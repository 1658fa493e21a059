package org.gstats.plugin.metrics.internal;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.gstats.plugin.metrics.internal.format.FormatDetector;
import org.gstats.plugin.metrics.internal.format.Language;
import org.gstats.plugin.metrics.internal.text.LineCounter;
import org.gstats.plugin.metrics.internal.text.LineCounts;
import org.gstats.plugin.metrics.internal.text.SourceScanner;
import org.gstats.plugin.metrics.internal.text.Syntax;
import org.gstats.plugin.metrics.internal.text.TextLines;
import org.gstats.api.report.Table;

/**
 * Format detection and line counting of head files: the {@code files} table (every file,
 * vendored and generated ones included, so that their classification can be seen) and the
 * {@code languages} table (counted files only).
 */
final class FilesProcessor {

    private final FormatDetector detector = new FormatDetector();

    /** Classifies a file by its path alone, before (or without) its content. */
    void classify(HeadFile file) {
        file.format = detector.detect(file.path, file.binary, null, null);
    }

    /** Classifies a binary file by its first bytes. */
    void classifyBinary(HeadFile file, byte[] head) {
        file.format = detector.detect(file.path, true, head, null);
    }

    /**
     * Classifies a text file by its content and counts its lines, handing every lexeme to
     * {@code also} as well (clone detection's tokens), so that the text is scanned once;
     * {@code chars} are the text's characters, {@code lines} its lines.
     */
    void analyseText(HeadFile file, String text, char[] chars, TextLines lines, SourceScanner.Sink also) {
        file.format = detector.detect(file.path, false, null, text);
        Language language = file.format.language();
        Syntax syntax = language == null ? Syntax.PLAIN : language.syntax();
        LineCounter counter = new LineCounter();
        SourceScanner.scan(chars, lines, syntax, also == null ? counter : (kind, start, end, startLine, endLine) -> {
            counter.lexeme(kind, start, end, startLine, endLine);
            also.lexeme(kind, start, end, startLine, endLine);
        });
        file.counts = counter.counts(lines);
    }

    Table filesTable(Collection<HeadFile> files) {
        Table.Builder table = Table.builder("files", "path", "language", "category", "confidence", "code_lines",
                "comment_lines", "blank_lines", "bytes", "binary", "binary_kind", "functions");
        for (HeadFile file : files) {
            LineCounts counts = file.counts;
            table.row(file.path, file.format.languageName(), file.format.category().label(),
                    Numbers.round(file.format.confidence(), 2), counts == null ? null : counts.code(),
                    counts == null ? null : counts.comment(), counts == null ? null : counts.blank(), file.bytes,
                    file.binary, file.format.binaryKind() == null ? null : file.format.binaryKind().label(),
                    file.complexity == null ? null : file.complexity.functions().size());
        }
        return table.build();
    }

    Table languagesTable(Collection<HeadFile> files, MetricsSettings settings) {
        Map<String, long[]> byLanguage = new TreeMap<>();
        for (HeadFile file : files) {
            if (file.counts != null && file.format.language() != null && file.counted(settings)) {
                long[] sums = byLanguage.computeIfAbsent(file.format.languageName(), l -> new long[4]);
                sums[0]++;
                sums[1] += file.counts.code();
                sums[2] += file.counts.comment();
                sums[3] += file.counts.blank();
            }
        }
        Table.Builder table = Table.builder("languages", "language", "files", "code_lines", "comment_lines",
                "blank_lines");
        byLanguage.entrySet().stream()
                .sorted((a, b) -> a.getValue()[1] != b.getValue()[1] ? Long.compare(b.getValue()[1], a.getValue()[1])
                        : a.getKey().compareTo(b.getKey()))
                .forEach(e -> table.row(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]));
        return table.build();
    }
}
