package org.gstats.plugin.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gstats.api.Analysis;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.junit.Test;

public class MetricsAnalysisTest {

    private static final ScanContext EMPTY = new ScanContext(Path.of("repo"), "HEAD", null, Map.of());

    @Test
    public void anEmptyRepositoryGivesEveryItemEmpty() {
        ReportSection section = new MetricsPlugin().newAnalysis(EMPTY).result();
        assertEquals("metrics", section.name());
        assertEquals(List.of("summary", "files", "languages", "functions", "change_frequency", "hotspots", "debt",
                "debt_summary", "duplication", "duplicated_files"), section.items().stream().map(ReportItem::name).toList());
        for (ReportItem item : section.items()) {
            if (item instanceof Table table) {
                assertTrue(table.name(), table.rows().isEmpty());
            }
        }
        Map<String, Object> summary = ((Fields) section.item("summary").orElseThrow()).values();
        assertNull(summary.get("head_time"));
        assertEquals(0L, summary.get("files"));
    }

    @Test
    public void maxFilesLimitsTheFilesRead() {
        MetricsSettings d = MetricsSettings.DEFAULTS;
        MetricsSettings oneFile = new MetricsSettings(d.windows(), d.topN(), d.weights(), d.ratingThresholds(),
                d.minTokens(), d.minLines(), 1, d.maxFileSize(), true, false, false);
        Analysis analysis = new MetricsAnalysis(oneFile, EMPTY);
        for (String path : List.of("a.py", "b.py")) {
            byte[] bytes = "x = 1\n".getBytes(StandardCharsets.UTF_8);
            FileInfo info = new FileInfo(path, bytes.length, 1, false);
            analysis.onFileInfo(info);
            analysis.onFileContent(new FileContent(info, "0", bytes));
        }
        ReportSection section = analysis.result();
        Map<String, Object> summary = ((Fields) section.item("summary").orElseThrow()).values();
        assertEquals(1L, summary.get("files_read"));
        assertEquals(1L, summary.get("files_over_limits"));
        Table files = (Table) section.item("files").orElseThrow();
        assertEquals(1, files.rows().get(0).get(4));
        assertNull("not read: no line counts", files.rows().get(1).get(4));
        assertEquals("its path still names the language", "Python", files.rows().get(1).get(1));
    }
}
