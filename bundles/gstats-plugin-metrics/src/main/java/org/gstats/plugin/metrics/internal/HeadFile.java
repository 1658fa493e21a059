package org.gstats.plugin.metrics.internal;

import org.gstats.plugin.metrics.internal.complexity.FileComplexity;
import org.gstats.plugin.metrics.internal.format.Category;
import org.gstats.plugin.metrics.internal.format.FileFormat;
import org.gstats.plugin.metrics.internal.text.LineCounts;

/**
 * What the analysis learnt about one file at the head. Owned by one {@link MetricsAnalysis}
 * and filled in as that file's events arrive.
 */
final class HeadFile {

    final String path;
    /** Null when no file info arrived (the history alone named the file). */
    Long bytes;
    boolean binary;
    FileFormat format;
    /** Null when the content was not read (too large, over max-files, or not delivered). */
    LineCounts counts;
    /** Null when not analysed (no analyser for the language, analysis off, or excluded). */
    FileComplexity complexity;
    /** Lines inside clone fragments; set once duplication ran. */
    int duplicatedLines;

    HeadFile(String path) {
        this.path = path;
    }

    /** Whether the file takes part in metrics beyond the files table. */
    boolean counted(MetricsSettings settings) {
        return format.category() == Category.VENDORED ? settings.includeVendored()
                : format.category() != Category.GENERATED || settings.includeGenerated();
    }

    /** Detected as source code (its tokens serve clone detection when it is counted). */
    boolean source() {
        return format.language() != null && format.language().category() == Category.SOURCE;
    }

    /** Source code in a known language whose content was read. */
    boolean analysedSource(MetricsSettings settings) {
        return counted(settings) && counts != null && source();
    }
}
