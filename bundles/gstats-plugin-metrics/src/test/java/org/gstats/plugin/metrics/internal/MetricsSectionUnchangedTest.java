package org.gstats.plugin.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.gstats.api.Analysis;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.Table;
import org.junit.Test;

/**
 * The whole metrics section of a fixed tree is the one recorded before the analysis was made
 * faster (lexer, source scan, brace analysis, clone index): the commons-lang3 sources the build
 * unpacks, and the complexity samples of twelve languages. Every row of every table counts
 * (files, languages, functions, hotspots, debt, clone groups), so a change of any figure shows;
 * the recorded figure is a SHA-256 of the section's rows, {@link #render rendered} one a line.
 * When a change of the figures is meant, record the new digest the failure prints, and say why
 * in the commit.
 */
public class MetricsSectionUnchangedTest {

    private static final Path CORPUS = Path.of("target", "complexity-corpus");
    private static final String[] SAMPLES = {"Sample.c", "Sample.cpp", "Sample.cs", "Sample.go", "Sample.java",
        "Sample.js", "Sample.kt", "Sample.php", "Sample.py", "Sample.rb", "Sample.rs", "Sample.ts"};

    /** Recorded with the code of commit ec9809e (before the speed work), with one thread and with two. */
    private static final String RECORDED = "4d91d34dd914998db4840813c7a5a19b695bdd13fd52497fe49419fc5daaa830";

    static List<FileContent> tree() throws IOException {
        assertTrue("the build unpacks commons-lang3 sources into " + CORPUS.toAbsolutePath(),
                Files.isDirectory(CORPUS));
        List<FileContent> contents = new ArrayList<>();
        for (String path : ExternalTools.filesUnder(CORPUS)) {
            contents.add(content(path, Files.readAllBytes(CORPUS.resolve(path))));
        }
        for (String sample : SAMPLES) {
            try (InputStream in = MetricsSectionUnchangedTest.class
                    .getResourceAsStream("complexity/samples/" + sample + ".txt")) {
                contents.add(content("samples/" + sample, in.readAllBytes()));
            }
        }
        return contents;
    }

    private static FileContent content(String path, byte[] data) {
        int lines = 0;
        for (byte b : data) {
            lines += b == '\n' ? 1 : 0;
        }
        return new FileContent(new FileInfo(path, data.length, lines, false), "0", data);
    }

    static ReportSection section(List<FileContent> contents, int threads) {
        Analysis analysis = new MetricsAnalysis(MetricsSettings.DEFAULTS,
                new ScanContext(CORPUS, "HEAD", null, Map.of()),
                new MetricsAnalysis.Resources(threads, Runtime.getRuntime().maxMemory()));
        for (FileContent content : contents) {
            analysis.onFileInfo(content.file());
            analysis.onFileContent(content);
        }
        return analysis.result();
    }

    /** Each table's name and columns, then its rows, one a line; other items as they print. */
    static String render(ReportSection section) {
        StringBuilder text = new StringBuilder();
        for (ReportItem item : section.items()) {
            if (item instanceof Table table) {
                text.append(table.name()).append(' ').append(table.columns()).append('\n');
                table.rows().forEach(row -> text.append(row).append('\n'));
            } else {
                text.append(item).append('\n');
            }
        }
        return text.toString();
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void sectionIsTheRecordedOne() throws IOException {
        List<FileContent> tree = tree();
        String rendered = render(section(tree, 1));
        assertTrue("functions and clones are in it", rendered.contains("\nfunctions ")
                && rendered.contains("samples/Sample.rb, total") && rendered.contains("\nduplication "));
        assertEquals("digest of the section (" + rendered.length() + " characters)", RECORDED, digest(rendered));
        assertEquals("two threads", RECORDED, digest(render(section(tree, 2))));
    }
}
