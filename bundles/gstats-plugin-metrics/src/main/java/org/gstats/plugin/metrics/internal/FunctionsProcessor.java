package org.gstats.plugin.metrics.internal;

import java.util.Collection;
import java.util.Optional;

import org.gstats.api.report.Table;
import org.gstats.plugin.metrics.internal.complexity.ComplexityAnalyzer;
import org.gstats.plugin.metrics.internal.complexity.FileComplexity;
import org.gstats.plugin.metrics.internal.complexity.FunctionComplexity;
import org.gstats.plugin.metrics.internal.text.TextLines;

/** Per-function complexity of counted source files: the {@code functions} table. */
final class FunctionsProcessor {

    /** Analyses one file's text, whose characters are {@code chars}, when its language has an analyser. */
    void analyse(HeadFile file, String text, char[] chars, TextLines lines) {
        String analyzer = file.format.language() == null ? null : file.format.language().analyzer();
        if (analyzer != null) {
            Optional<FileComplexity> complexity = ComplexityAnalyzer.analyze(analyzer, text, chars, lines);
            file.complexity = complexity.orElse(null);
        }
    }

    Table table(Collection<HeadFile> files) {
        Table.Builder table = Table.builder("functions", "path", "name", "start_line", "end_line", "cyclomatic",
                "cognitive", "max_nesting", "parameters", "lines");
        for (HeadFile file : files) {
            if (file.complexity == null) {
                continue;
            }
            for (FunctionComplexity f : file.complexity.functions()) {
                table.row(file.path, f.name(), f.startLine(), f.endLine(), f.cyclomatic(), f.cognitive(),
                        f.maxNesting(), f.parameters(), f.lines());
            }
        }
        return table.build();
    }
}
