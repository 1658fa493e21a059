package org.gstats.plugin.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.WriterOptions;
import org.osgi.service.component.annotations.Component;

/**
 * The report for people at a terminal: a summary sized to the console ({@link TextSummary}),
 * or with {@code --full} every table ({@link FullText}).
 */
@Component(service = ReportWriter.class, property = ReportWriter.FORMAT_PROPERTY + "=" + TextReportWriter.FORMAT)
public class TextReportWriter implements ReportWriter {

    static final String FORMAT = "text";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Set<Option> options() {
        return Set.of(Option.FULL);
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        write(report, WriterOptions.DEFAULT, out);
    }

    @Override
    public void write(Report report, WriterOptions options, OutputStream out) throws IOException {
        List<String> lines = options.full() ? FullText.lines(report) : TextSummary.lines(report, options);
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String line : lines) {
            text.write(line);
            text.write('\n');
        }
        text.flush();
    }
}
