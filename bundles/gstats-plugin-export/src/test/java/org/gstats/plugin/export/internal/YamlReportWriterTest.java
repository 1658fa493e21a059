package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.WriterOptions;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The YAML report, loaded back by SnakeYAML's safe loader, against the JSON report. */
public class YamlReportWriterTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Report report;

    private final YamlReportWriter writer = new YamlReportWriter();

    @BeforeClass
    public static void scanTheTrickyRepository() throws Exception {
        report = TrickyReport.build(TEMP.getRoot().toPath());
    }

    @Test
    public void compactYamlLoadsToTheJsonData() throws IOException {
        assertEquals(ReportData.text(ReportData.data(report)), ReportData.text(load(yaml(WriterOptions.DEFAULT))));
    }

    @Test
    public void prettyYamlLoadsToTheJsonData() throws IOException {
        assertEquals(ReportData.text(ReportData.data(report)),
                ReportData.text(load(yaml(new WriterOptions(true, null)))));
    }

    @Test
    public void compactPutsEachRowOnOneLine() throws IOException {
        String yaml = yaml(WriterOptions.DEFAULT);

        assertTrue(yaml, yaml.contains("\n    by_month:\n    - {month: 2024-01, commits: 3}\n"));
    }

    @Test
    public void prettyPutsEachValueOnItsOwnLine() throws IOException {
        String yaml = yaml(new WriterOptions(true, null));

        assertTrue(yaml, yaml.contains("\n    by_month:\n      - month: 2024-01\n        commits: 3\n"));
        assertTrue(yaml, yaml.startsWith("gstats:\n  version: 0.1.0-TEST\n"));
    }

    @Test
    public void textThatReadsAsAnotherTypeIsQuotedAndNothingIsBinary() throws IOException {
        String yaml = yaml(new WriterOptions(true, null));

        assertTrue(yaml, yaml.contains("time: '2024-01-15T11:00:00Z'"));
        assertTrue(yaml, yaml.contains("text: 'yes'"));
        assertTrue(yaml, yaml.contains("text: '123'"));
        assertTrue(yaml, yaml.contains("text: 'null'"));
        assertTrue(yaml, yaml.contains("text: \"next line\\N\""));
        assertTrue(yaml, yaml.contains("text: \"line1\\nline2\""));
        assertTrue(yaml, yaml.contains("decimal: 1234567890.123456789"));
        assertFalse(yaml, yaml.contains("!!"));
    }

    @Test
    public void takesPrettyOnly() {
        assertEquals(Set.of(ReportWriter.Option.PRETTY), writer.options());
        assertEquals("yaml", writer.format());
    }

    private String yaml(WriterOptions options) throws IOException {
        return ReportData.strictUtf8(ReportData.write(writer, report, options));
    }

    private static com.google.gson.JsonElement load(String yaml) {
        LoaderOptions options = new LoaderOptions();
        Object document = new Yaml(new SafeConstructor(options)).load(yaml);
        assertTrue(document instanceof Map);
        assertEquals(List.of("gstats", "sections", "errors"), List.copyOf(((Map<?, ?>) document).keySet()));
        return ReportData.fromYaml(document);
    }
}
