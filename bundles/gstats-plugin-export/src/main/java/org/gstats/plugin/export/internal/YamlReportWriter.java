package org.gstats.plugin.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.osgi.service.component.annotations.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.NonPrintableStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The report as one YAML document with the JSON document's shape, keys and values. Compact by
 * default (each row and each set of fields on one line, in flow style), every value on its own
 * line with {@code --pretty}. Text that would read as another type (a number, a date,
 * {@code yes}) is quoted; characters YAML cannot show are written as escapes, never as
 * {@code !!binary}; text with a line break is double-quoted with the break escaped.
 */
@Component(service = ReportWriter.class, property = ReportWriter.FORMAT_PROPERTY + "=" + YamlReportWriter.FORMAT)
public class YamlReportWriter implements ReportWriter {

    static final String FORMAT = "yaml";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Set<Option> options() {
        return Set.of(Option.PRETTY);
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        write(report, WriterOptions.DEFAULT, out);
    }

    @Override
    public void write(Report report, WriterOptions options, OutputStream out) throws IOException {
        DumperOptions dumper = new DumperOptions();
        dumper.setAllowUnicode(true);
        dumper.setNonPrintableStyle(NonPrintableStyle.ESCAPE);
        dumper.setSplitLines(false);
        dumper.setWidth(Integer.MAX_VALUE);
        dumper.setIndent(2);
        if (options.pretty()) {
            dumper.setDefaultFlowStyle(FlowStyle.BLOCK);
            dumper.setIndicatorIndent(2);
            dumper.setIndentWithIndicator(true);
        } else {
            dumper.setDefaultFlowStyle(FlowStyle.AUTO);
        }
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        new Yaml(new ReportRepresenter(dumper), dumper).dump(tree(report), text);
        text.flush();
    }

    /**
     * SnakeYAML's representer, except that text holding a line break is always double-quoted:
     * SnakeYAML would write some of it as a literal block, which reads NEL (U+0085), LS and PS
     * back as LF.
     */
    private static final class ReportRepresenter extends Representer {

        ReportRepresenter(DumperOptions options) {
            super(options);
            Represent strings = representers.get(String.class);
            representers.put(String.class, data -> hasLineBreak((String) data)
                    ? representScalar(Tag.STR, (String) data, ScalarStyle.DOUBLE_QUOTED)
                    : strings.representData(data));
        }

        private static boolean hasLineBreak(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    return true;
                }
            }
            return false;
        }
    }

    /** Plain maps and lists with the values every writer shares. */
    private static Map<String, Object> tree(Report report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("gstats", header(report.header()));
        Map<String, Object> sections = new LinkedHashMap<>();
        for (ReportSection section : report.sections()) {
            Map<String, Object> items = new LinkedHashMap<>();
            for (ReportItem item : section.items()) {
                items.put(ReportValues.text(item.name()), item instanceof Fields fields
                        ? fields(fields.values())
                        : rows((Table) item));
            }
            sections.put(ReportValues.text(section.name()), items);
        }
        document.put("sections", sections);
        List<Object> errors = new ArrayList<>();
        for (ReportError error : report.errors()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("plugin", ReportValues.normalize(error.plugin()));
            entry.put("message", ReportValues.normalize(error.message()));
            errors.add(entry);
        }
        document.put("errors", errors);
        return document;
    }

    private static Map<String, Object> header(ReportHeader header) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", ReportValues.normalize(header.version()));
        values.put("repository", ReportValues.normalize(header.repository()));
        values.put("branch", ReportValues.normalize(header.branch()));
        values.put("head", ReportValues.normalize(header.head()));
        values.put("started", header.started() == null ? null : header.started().toString());
        values.put("duration_ms", header.durationMs());
        if (header.peakHeapBytes() != null) {
            values.put("peak_heap_bytes", header.peakHeapBytes());
        }
        if (header.pressureChanges() != null) {
            values.put("pressure_changes", header.pressureChanges());
        }
        if (header.blockedMs() != null) {
            values.put("blocked_ms", header.blockedMs());
        }
        return values;
    }

    private static Map<String, Object> fields(Map<String, Object> values) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        values.forEach((key, value) -> normalized.put(ReportValues.text(key), ReportValues.normalize(value)));
        return normalized;
    }

    private static List<Object> rows(Table table) {
        List<String> columns = table.columns().stream().map(ReportValues::text).toList();
        List<Object> rows = new ArrayList<>(table.rows().size());
        for (List<Object> row : table.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), ReportValues.normalize(row.get(i)));
            }
            rows.add(values);
        }
        return rows;
    }
}
