package org.gstats.plugin.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.gstats.api.Analysis;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportSection;
import org.junit.Test;

/**
 * Head files analysed on several threads, and clone detection with a filter too small for the
 * tree, give the very section one thread with a roomy filter gives: on the commons-lang3
 * sources the build unpacks (complexity, lines and a thousand clone groups to get right).
 */
public class ParallelHeadFilesTest {

    private static final Path CORPUS = Path.of("target", "complexity-corpus");
    private static final ScanContext CONTEXT = new ScanContext(CORPUS, "HEAD", null, Map.of());
    private static final long ROOMY = 1L << 30;

    private static List<FileContent> corpus() throws IOException {
        assertTrue("the build unpacks commons-lang3 sources into " + CORPUS.toAbsolutePath(),
                Files.isDirectory(CORPUS));
        List<FileContent> contents = new ArrayList<>();
        for (String path : ExternalTools.filesUnder(CORPUS)) {
            byte[] data = Files.readAllBytes(CORPUS.resolve(path));
            int lines = 0;
            for (byte b : data) {
                lines += b == '\n' ? 1 : 0;
            }
            contents.add(new FileContent(new FileInfo(path, data.length, lines, false), "0", data));
        }
        return contents;
    }

    private static ReportSection analyse(List<FileContent> contents, MetricsAnalysis.Resources resources) {
        Analysis analysis = new MetricsAnalysis(MetricsSettings.DEFAULTS, CONTEXT, resources, null);
        for (FileContent content : contents) {
            analysis.onFileInfo(content.file());
            analysis.onFileContent(content);
        }
        return analysis.result();
    }

    @Test
    public void threadsAndTheFilterSizeChangeNothing() throws IOException {
        List<FileContent> contents = corpus();
        ReportSection sequential = analyse(contents, new MetricsAnalysis.Resources(1, ROOMY));

        Map<String, Object> summary = ((Fields) sequential.item("summary").orElseThrow()).values();
        assertTrue("clones found: " + summary, (Long) summary.get("clone_groups") > 100);
        assertTrue("functions measured: " + summary, (Long) summary.get("functions") > 1000);

        assertEquals(sequential, analyse(contents, new MetricsAnalysis.Resources(4, ROOMY)));
        List<FileContent> reversed = new ArrayList<>(contents);
        Collections.reverse(reversed);
        assertEquals("files in another order", sequential,
                analyse(reversed, new MetricsAnalysis.Resources(3, ROOMY)));
        // a 1 MB limit gives the first pass a 64 KB filter: most unique windows look repeated
        assertEquals("a filter far too small", sequential,
                analyse(contents, new MetricsAnalysis.Resources(2, 1L << 20)));
    }
}
