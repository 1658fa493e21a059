package org.gstats.api.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

public class ReportTest {

    private static final Fields TOTALS = new Fields("totals", Map.of("commits", 3));
    private static final Table AUTHORS = Table.builder("authors", "name").row("Ann").build();
    private static final Table FILES = Table.builder("files", "path").build();

    private static Report report() {
        return new Report(new ReportHeader("0.1.0", "/repo", "HEAD", null, Instant.EPOCH, 1), List.of(
                new ReportSection("commits", List.of(TOTALS, AUTHORS)),
                new ReportSection("empty", List.of()),
                new ReportSection("churn", List.of(FILES))), List.of());
    }

    @Test
    public void itemNamesAreSectionDotItemInReportOrder() {
        assertEquals(List.of("commits.totals", "commits.authors", "churn.files"), report().itemNames());
    }

    @Test
    public void itemIsFoundByItsQualifiedName() {
        assertSame(AUTHORS, report().item("commits.authors").orElseThrow());
        assertSame(FILES, report().item("churn.files").orElseThrow());
        assertTrue(report().item("commits").isEmpty());
        assertTrue(report().item("authors").isEmpty());
        assertTrue(report().item("commits.files").isEmpty());
    }

    @Test
    public void writerWithoutOptionsWritesOneStreamAndIgnoresOptions() throws Exception {
        StringBuilder calls = new StringBuilder();
        ReportWriter plain = new ReportWriter() {
            @Override
            public String format() {
                return "plain";
            }

            @Override
            public void write(Report report, OutputStream out) {
                calls.append("write ").append(report.sections().size());
            }
        };

        plain.write(report(), new WriterOptions(true, "commits.authors"), OutputStream.nullOutputStream());

        assertEquals("write 3", calls.toString());
        assertEquals(Set.of(), plain.options());
        assertEquals(false, plain.writesDirectory(WriterOptions.DEFAULT));
    }
}
