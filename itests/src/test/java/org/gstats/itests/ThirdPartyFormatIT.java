package org.gstats.itests;

import static org.gstats.itests.GogoCommands.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import org.gstats.api.report.ReportWriter;
import org.gstats.itests.GogoCommands.Outcome;
import org.gstats.itests.rowcount.RowCountReportWriter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A report format from a third party's bundle, installed beside the shipped system: a
 * {@link ReportWriter} service with the property {@value ReportWriter#FORMAT_PROPERTY}, declared
 * with Declarative Services in a bundle that imports nothing but {@code org.gstats.api.report},
 * is picked by {@code gstats:scan --format} exactly as the builtin formats are.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ThirdPartyFormatIT {

    private static final String SYMBOLIC_NAME = "com.example.gstats.rowcount";
    private static final String WRITER_CLASS = RowCountReportWriter.class.getName();

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(ShippedSystem.options()));
        options.add(streamBundle(rowCountBundle()));
        return options.toArray(Option[]::new);
    }

    /**
     * The third party's jar, as its own build would make it: the writer class, a DS component
     * description, and a manifest that imports the report API in the range of API 1.1.
     */
    private static InputStream rowCountBundle() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "org.gstats.api.report;version=\"[1.1,2)\"");
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)"
                + "(version>=1.3.0)(!(version>=2.0.0)))\"");
        main.putValue("Service-Component", "OSGI-INF/rowcount.xml");
        String component = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"rowcount\">\n"
                + "  <implementation class=\"" + WRITER_CLASS + "\"/>\n"
                + "  <service><provide interface=\"" + ReportWriter.class.getName() + "\"/></service>\n"
                + "  <property name=\"" + ReportWriter.FORMAT_PROPERTY + "\" value=\""
                + RowCountReportWriter.FORMAT + "\"/>\n"
                + "</scr:component>\n";
        String classFile = WRITER_CLASS.replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
                InputStream writerClass = RowCountReportWriter.class.getClassLoader().getResourceAsStream(classFile)) {
            jar.putNextEntry(new JarEntry(classFile));
            writerClass.transferTo(jar);
            jar.putNextEntry(new JarEntry("OSGI-INF/rowcount.xml"));
            jar.write(component.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    public void formatPicksTheThirdPartyWriter() throws Exception {
        awaitRowCountWriter();
        SampleRepository sample = SampleRepository.create(SampleRepository.workDir());
        GogoCommands commands = new GogoCommands(context);

        Outcome rowCount = commands.execute("scan", quote(sample.dir()) + " --format rowcount --quiet");
        Outcome json = commands.execute("scan", quote(sample.dir()) + " --format json --quiet");

        assertNull(rowCount.errors(), rowCount.failure());
        assertEquals(0, ((Number) rowCount.exit()).intValue());
        StringBuilder expected = new StringBuilder();
        JsonObject sections = JsonParser.parseString(json.output()).getAsJsonObject().getAsJsonObject("sections");
        for (Map.Entry<String, JsonElement> section : sections.entrySet()) {
            for (Map.Entry<String, JsonElement> item : section.getValue().getAsJsonObject().entrySet()) {
                int size = item.getValue().isJsonArray() ? item.getValue().getAsJsonArray().size()
                        : item.getValue().getAsJsonObject().size();
                expected.append(section.getKey()).append('.').append(item.getKey()).append(' ').append(size)
                        .append('\n');
            }
        }
        assertEquals(expected.toString(), rowCount.output());
    }

    @Test
    public void unknownFormatNamesTheThirdPartyOneAmongTheBuiltinOnes() throws Exception {
        awaitRowCountWriter();

        Outcome outcome = new GogoCommands(context).execute("scan", "--format bogus");

        assertEquals(2, ((Number) outcome.exit()).intValue());
        assertEquals("unknown format 'bogus' (available: csv, html, json, markdown, rowcount, text, xml, yaml)",
                outcome.failure().getMessage());
    }

    @Test
    public void theFormatBundleIsActiveAndImportsOnlyTheReportApi() {
        Bundle bundle = null;
        for (Bundle candidate : context.getBundles()) {
            if (SYMBOLIC_NAME.equals(candidate.getSymbolicName())) {
                bundle = candidate;
            }
        }

        assertNotNull(SYMBOLIC_NAME + " is installed", bundle);
        assertEquals(Bundle.ACTIVE, bundle.getState());
        assertEquals("org.gstats.api.report;version=\"[1.1,2)\"", bundle.getHeaders().get("Import-Package"));
    }

    /** DS registers the writer soon after the bundle starts, not at once. */
    private void awaitRowCountWriter() throws Exception {
        ServiceTracker<ReportWriter, ReportWriter> writers = new ServiceTracker<>(context, FrameworkUtil.createFilter(
                "(" + ReportWriter.FORMAT_PROPERTY + "=" + RowCountReportWriter.FORMAT + ")"), null);
        writers.open();
        try {
            assertNotNull("the rowcount writer is registered",
                    writers.waitForService(TimeUnit.SECONDS.toMillis(20)));
        } finally {
            writers.close();
        }
    }
}
